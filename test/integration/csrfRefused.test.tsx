// A proxy that drops the X-CSRF-TOKEN request header: GWS refuses every POST with 403 "Missing or
// invalid Csrf token", a fresh token too. Signing in again cannot cure it: the write fails, once.
import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import { App } from '../../src/app/App';
import { createQueryClient } from '../../src/app/createQueryClient';
import { CaseDataConfigProvider, OPEN_CONFIG } from '../../src/caseData';
import { createGwsClient } from '../../src/gws';
import { createChatStore } from '../../src/store';
import { simulatorPerFile } from '../support/simulator';
import { valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();

it('a CSRF refusal a fresh token does not cure fails the write, Not saved with Retry, instead of Session expired every 5 s', async () => {
  let posts = 0;
  const droppingToken: typeof fetch = (input, init) => {
    if (init?.method !== 'POST') return fetch(input, init);
    posts += 1;
    const headers = new Headers(init.headers);
    headers.delete('X-CSRF-TOKEN');
    return fetch(input, { ...init, headers });
  };
  const client = createGwsClient({ baseUrl: sim.url, credentials: 'include', timeoutMs: 5_000, fetch: droppingToken });
  const store = createChatStore();
  const statuses: string[] = [];
  store.subscribe((state, previous) => {
    if (state.connection.kind !== previous.connection.kind) statuses.push(state.connection.kind);
  });
  const user = userEvent.setup();
  render(
    <CaseDataConfigProvider config={OPEN_CONFIG}>
      <App client={client} queryClient={createQueryClient()} store={store} />
    </CaseDataConfigProvider>,
  );
  await waitUntilSettled(store);
  valueCell('Subject').focus();
  await user.keyboard('{F2}{Control>}a{/Control}mine{Enter}');
  await waitFor(() => expect(valueCell('Subject')).toHaveAccessibleDescription(/^Not saved: Request refused by CSRF protection/));
  // The POST and its retry with a fresh token; then nothing more (before, review: posted again every 5 s, Session expired / Live in turn).
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  expect(posts).toBe(2);
  expect(statuses).not.toContain('session-expired');
  expect(valueCell('Subject')).toHaveTextContent(/^mine/);
}, 20_000);
