import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Notifications keep data fresh; refetching on focus would race them for nothing.
        refetchOnWindowFocus: false,
        retry: 2,
      },
      // The store's outbox decides when a write may go (held while not live, released after
      // a re-read that checks it against the server). React Query's own offline pause would
      // send a held write later by itself, past that check: over a supervisor's change.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
