// @vitest-environment node
// The client's writes are a chunk of their own (src/gws/http/operate.ts): one that never
// arrives (a stalled request) fails the write as unreachable in the client's time, rather
// than leaving it Saving… for good (exploratory test).
import { expect, it, vi } from 'vitest';
import { createGwsClient, toGwsError } from '../../src/gws';

vi.mock('../../src/gws/http/operate', () => new Promise(() => undefined));

it('fails a write whose code does not load in time as unreachable, in words an agent can read', async () => {
  const fetchFn = vi.fn<typeof fetch>();
  const client = createGwsClient({ baseUrl: '', fetch: fetchFn, timeoutMs: 50 });
  const error = await client.operate('c1', { operationName: 'Complete' }).then(
    () => null,
    (failure: unknown) => toGwsError(failure),
  );
  expect(error).toEqual({ kind: 'network', message: 'the code that sends it could not be loaded' });
  expect(fetchFn).not.toHaveBeenCalled();
});
