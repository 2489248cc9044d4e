import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Notifications keep data fresh; refetching on focus would race them for nothing.
        refetchOnWindowFocus: false,
        retry: 2,
      },
      mutations: { retry: false },
    },
  });
}
