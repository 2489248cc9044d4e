import { render, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App';
import { createQueryClient } from '../../src/app/createQueryClient';
import type { FocusKeyChannel } from '../../src/app/focusChannel';
import { CaseDataConfigProvider, OPEN_CONFIG, parseCaseDataConfig, type CaseDataConfig } from '../../src/caseData';
import { CONFLICT_SETTLES_MS } from '../../src/caseData/useEditorText';
import { createGwsClient, type GwsClient } from '../../src/gws';
import { createChatStore, type ChatStore } from '../../src/store';

export const SEED_CHAT_ID = '0000Wa9CAM6W00J';

/** Renders the whole widget against a running simulator, with a fresh cache and store. */
export function renderPanel(
  simulatorUrl: string,
  /**
   * `timeoutMs`: the client's, 5 s unless a test makes the server slower than that; `client`: one of the test's own instead (wrapping the real one);
   * `productRetries`: a failed read is tried again as in the product.
   */
  options: { chatId?: string; config?: CaseDataConfig; store?: ChatStore; focusChannel?: FocusKeyChannel; timeoutMs?: number; client?: GwsClient; productRetries?: boolean } = {},
) {
  // The product's client (createQueryClient), but a failed read is not tried again unasked,
  // so a test of a failure sees it at once.
  const queryClient = createQueryClient();
  const defaults = queryClient.getDefaultOptions();
  if (!options.productRetries) queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } });
  const store = options.store ?? createChatStore({ activeChatId: options.chatId ?? null });
  const client = options.client ?? createGwsClient({ baseUrl: simulatorUrl, credentials: 'include', timeoutMs: options.timeoutMs ?? 5_000 });
  const user = userEvent.setup();
  const view = render(
    <CaseDataConfigProvider config={options.config ?? OPEN_CONFIG}>
      <button type="button">Before the panel</button>
      <App client={client} queryClient={queryClient} store={store} focusChannel={options.focusChannel} />
      <button type="button">After the panel</button>
    </CaseDataConfigProvider>,
  );
  return { ...view, user, store, queryClient };
}

export const grid = () => screen.getByRole('grid', { name: 'Case data' });

/** The agent takes in a conflict before Enter keeps their value: an Enter as it comes up is taken for the save they were making (useEditorText). */
export const readConflict = () => new Promise((resolve) => setTimeout(resolve, CONFLICT_SETTLES_MS));

/** The value cell of the row whose header is `key`. */
export function valueCell(key: string): HTMLElement {
  const header = within(grid()).getByRole('rowheader', { name: key });
  const row = header.closest('[role="row"]');
  if (!(row instanceof HTMLElement)) throw new Error(`no row for ${key}`);
  return within(row).getByRole('gridcell');
}

/**
 * Waits until the row named `name` has gone (deleted), then focuses the grid's first value cell.
 * A browser's focus keeping moves the focus from a row that goes to the nearest (e2e tests:
 * gridKeyboard.spec.ts); jsdom has no focused document, so the focus stays on the page.
 */
export async function focusAfterRowGone(name: string) {
  await waitFor(() => expect(within(grid()).queryByRole('rowheader', { name })).not.toBeInTheDocument());
  grid().querySelector<HTMLElement>('[role="gridcell"]')?.focus();
}

export async function waitForLive() {
  // The first Live of a file waits on the CometD and writer code, compiled by the runner on first
  // use: over 5 s on a loaded machine (a wait, not a measure).
  await screen.findByText('Live', {}, { timeout: 10_000 });
}

/** A case-data configuration from its JSON form; fails the test on any problem. */
export function caseDataConfig(json: unknown): CaseDataConfig {
  const { config, problems } = parseCaseDataConfig(json);
  if (problems.length) throw new Error(`bad test configuration: ${JSON.stringify(problems)}`);
  return config;
}

export const rowHeaders = () => within(grid()).getAllByRole('rowheader').map((cell) => cell.textContent ?? '');

/**
 * Live, and the re-read that going live triggers has landed (the outbox is open): from
 * here on the next REST request is the test's own, which matters for `failNext` faults.
 */
export async function waitUntilSettled(store: ChatStore) {
  await waitForLive();
  await waitFor(() => expect(store.getState().outbox).toBe('open'));
}
