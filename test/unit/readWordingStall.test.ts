// @vitest-environment node
// A failed read's body is summed up by the writes' chunk (operate.ts, errorBody.ts): a chunk that
// never arrives (a stalled request, as operateLoad.test.ts has for writes) must not leave the read
// waiting for good (review). It fails in the client's time, in the status's words.
import { expect, it, vi } from 'vitest';
import { createGwsClient, toGwsError } from '../../src/gws';

vi.mock('../../src/gws/http/operate', () => new Promise(() => undefined));

it('fails a read answered by a proxy’s 502 page even when the writes’ code does not load', async () => {
  const fetchFn = vi.fn<typeof fetch>(async () => new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502 }));
  const client = createGwsClient({ baseUrl: '', fetch: fetchFn, timeoutMs: 50 });
  const outcome = await Promise.race([
    client.listChats().then(
      () => 'resolved',
      (error: unknown) => toGwsError(error),
    ),
    new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5_000)),
  ]);
  expect(outcome).toMatchObject({ kind: 'http', status: 502 });
});
