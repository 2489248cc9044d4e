// A catalogue that cannot load (offline, a redeployed bundle) leaves the panel wholly
// English and left to right, and is tried again until it arrives (src/i18n/I18nProvider.tsx).
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { createGwsClient } from '../../src/gws';
import { createChatStore } from '../../src/store';
import { simulatorPerFile } from '../support/simulator';

const sim = simulatorPerFile();

// While `reachable` is false, importing the Arabic catalogue fails as an unreachable chunk would.
const chunk = vi.hoisted(() => ({ reachable: false, attempts: 0 }));
vi.mock('../../src/i18n/messages/ar', async (importOriginal) => {
  chunk.attempts += 1;
  if (!chunk.reachable) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

describe('a catalogue that cannot load', () => {
  it('shows the panel in English, left to right, and switches once a later attempt loads it', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    const client = createGwsClient({ baseUrl: sim.url, credentials: 'include', timeoutMs: 5_000 });
    render(<App client={client} queryClient={queryClient} store={createChatStore({ activeChatId: null })} initialLocale="ar" />);
    const english = await screen.findByRole('grid', { name: 'Case data' }, { timeout: 5_000 });
    const root = english.closest('.cdp');
    await vi.waitFor(() => expect(root).toHaveAttribute('dir', 'ltr'));
    expect(root).toHaveAttribute('lang', 'en');

    chunk.reachable = true;
    expect(await screen.findByRole('grid', { name: 'بيانات الحالة' }, { timeout: 5_000 })).toBeInTheDocument();
    expect(root).toHaveAttribute('dir', 'rtl');
    expect(root).toHaveAttribute('lang', 'ar');
    expect(chunk.attempts).toBeGreaterThanOrEqual(2);
  });
});
