// CSRF beyond the writes. A proxy that drops the X-CSRF-TOKEN request header: GWS refuses every
// POST with 403 "Missing or invalid Csrf token", a fresh token too. Signing in again cannot cure
// it: the write fails, once. And a GWS whose CSRF filter covers the Bayeux POSTs as well.
import { waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { createGwsClient } from '../../src/gws';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, valueCell, waitUntilSettled } from '../support/renderPanel';

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
  const { user, store } = renderPanel(sim.url, { client });
  const statuses: string[] = [];
  store.subscribe((state, previous) => {
    if (state.connection.kind !== previous.connection.kind) statuses.push(state.connection.kind);
  });
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

it('a GWS whose CSRF filter covers the Bayeux POSTs too: the notification connection sends the token the reads got, and goes live', async () => {
  await sim.control.faults({ csrfNotifications: true });
  const { store } = renderPanel(sim.url);
  // Before (contract review): the token never reached CometD; every handshake 403, Reconnecting… for good.
  await waitFor(() => expect(store.getState().connection.kind).toBe('live'), { timeout: 8_000 });
});

it('a CSRF token that changes under the live connection (rotated; a session expired and signed in again) is read again: Session expired while it is, then Live, and a write made meanwhile goes', async () => {
  await sim.control.faults({ csrfNotifications: true });
  const { store, user } = renderPanel(sim.url);
  await waitFor(() => expect(store.getState().connection.kind).toBe('live'), { timeout: 8_000 });
  // Rotated: the long poll's next POST meets the filter with the old token.
  await sim.control.faults({ rotateCsrfToken: true });
  await sim.control.session({ expired: true });
  // Before (exploratory round): Reconnecting… for good, never Session expired, the write queued for good.
  await waitFor(() => expect(store.getState().connection.kind).toBe('session-expired'), { timeout: 40_000 });
  valueCell('Subject').focus();
  await user.keyboard('{F2}{Control>}a{/Control}while away{Enter}');
  await sim.control.session({ expired: false });
  await waitFor(() => expect(store.getState().connection.kind).toBe('live'), { timeout: 20_000 });
  await waitFor(async () => expect(await sim.control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { Subject: 'while away' } }]), { timeout: 10_000 });
}, 90_000);
