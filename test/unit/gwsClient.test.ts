// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createGwsClient, GwsRequestError, toGwsError, type GwsError } from '../../src/gws';
import { translateEnglish } from '../../src/i18n';
import '../../src/i18n/writeProblemTexts';

type Call = { method: string; url: string; headers: Record<string, string>; body: string | undefined };

/** A scripted GWS: each call gets the next answer; records what the client sent. */
function scripted(answers: Array<(call: Call) => Response>) {
  const calls: Call[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const call: Call = {
      method: init?.method ?? 'GET',
      url: String(input),
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    calls.push(call);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected call ${call.method} ${call.url}`);
    return answer(call);
  };
  return { calls, fetchFn };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
const withToken = (token: string) => ({ headers: { 'X-CSRF-HEADER': 'X-CSRF-TOKEN', 'X-CSRF-TOKEN': token } });
const me = (token: string) => () => json({ statusCode: 0, user: { id: 'u1', userName: 'agent' } }, withToken(token));

async function failure(promise: Promise<unknown>): Promise<GwsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GwsRequestError) return error.detail;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('CSRF', () => {
  it('reads the token from a GET before the first POST and sends it under the advertised header', async () => {
    const { calls, fetchFn } = scripted([me('t1'), () => json({ statusCode: 0, referenceId: 7 })]);
    const client = createGwsClient({ baseUrl: 'http://gws.test', fetch: fetchFn });
    const accepted = await client.operate('c1', { operationName: 'UpdateUserData', userData: new Map([['n', 123]]) });
    expect(accepted).toEqual({ referenceId: 7 });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET http://gws.test/api/v2/me', 'POST http://gws.test/api/v2/me/chats/c1']);
    expect(calls[1]?.headers['X-CSRF-TOKEN']).toBe('t1');
    expect(JSON.parse(calls[1]?.body ?? '')).toEqual({ operationName: 'UpdateUserData', userData: { n: 123 } });
  });

  it('re-reads the token once after a 403 and retries', async () => {
    const { calls, fetchFn } = scripted([
      me('old'),
      () => new Response('Missing or invalid Csrf token', { status: 403 }),
      me('new'),
      () => json({ statusCode: 0, referenceId: 8 }),
    ]);
    const client = createGwsClient({ baseUrl: '', fetch: fetchFn });
    await expect(client.operate('c1', { operationName: 'Complete' })).resolves.toEqual({ referenceId: 8 });
    expect(calls[3]?.headers['X-CSRF-TOKEN']).toBe('new');
  });

  it('gives up after the second 403 with a csrf error', async () => {
    const refused = () => new Response('Missing or invalid Csrf token', { status: 403 });
    const { fetchFn } = scripted([me('a'), refused, me('b'), refused]);
    const client = createGwsClient({ baseUrl: '', fetch: fetchFn });
    expect((await failure(client.operate('c1', { operationName: 'Complete' }))).kind).toBe('csrf');
  });

  it('a token GWS asks for and the panel cannot read (CORS exposes no token headers) fails the write saying so, not as an expired session', async () => {
    const meWithout = () => json({ statusCode: 0, user: { id: 'u1', userName: 'agent' } });
    const refused = () => new Response('Missing or invalid Csrf token', { status: 403 });
    const { calls, fetchFn } = scripted([meWithout, refused, meWithout]);
    const client = createGwsClient({ baseUrl: 'http://gws.test', fetch: fetchFn });
    const error = await failure(client.operate('c1', { operationName: 'Complete' }));
    // Before (integrator's test): kind csrf, "Session expired" for good, the write posted again every 5 s.
    expect(error).toEqual({ kind: 'http', status: 403, message: expect.stringContaining('CORS exposedHeaders') });
    expect(calls.map((call) => call.method)).toEqual(['GET', 'POST', 'GET']);
    expect(translateEnglish('caseData.notSaved', { error: (await import('../../src/i18n/gwsErrors')).translateGwsError(translateEnglish, error) })).toBe(
      'Not saved: Server error HTTP 403: GWS asks for a CSRF token that its answers do not let the panel read (a GWS on another origin must list X-CSRF-HEADER and X-CSRF-TOKEN in its CORS exposedHeaders)',
    );
  });

  it('uses the token any GET left behind, without an extra read', async () => {
    const { calls, fetchFn } = scripted([
      () => json({ statusCode: 0, chats: [] }, withToken('from-list')),
      () => json({ statusCode: 0 }),
    ]);
    const client = createGwsClient({ baseUrl: '', fetch: fetchFn });
    await client.listChats();
    await expect(client.operate('c1', { operationName: 'Leave' })).resolves.toEqual({});
    expect(calls).toHaveLength(2);
    // The chats themselves, not their URIs (contract.md §1.2: a collection without fields lists URIs).
    expect(calls[0]?.url).toBe('/api/v2/me/chats?fields=*');
    expect(calls[1]?.headers['X-CSRF-TOKEN']).toBe('from-list');
  });
});

describe('errors are values', () => {
  const client = (answer: () => Response) => createGwsClient({ baseUrl: '', fetch: scripted([answer]).fetchFn });

  it('statusCode errors carry the server statusMessage', async () => {
    const error = await failure(client(() => json({ statusCode: 2, statusMessage: 'Not in Invited' })).listChats());
    expect(error).toEqual({ kind: 'status-code', statusCode: 2, statusMessage: 'Not in Invited' });
  });

  it('statusCode 20 and HTTP 401 mean the session expired', async () => {
    expect((await failure(client(() => json({ statusCode: 20, statusMessage: 'Access denied' }, { status: 401 })).listChats())).kind).toBe('session-expired');
    expect((await failure(client(() => new Response('', { status: 401 })).listChats())).kind).toBe('session-expired');
  });

  it('an HTML error page becomes an http error with its text, not a parse crash', async () => {
    const error = await failure(client(() => new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502 })).listChats());
    expect(error).toEqual({ kind: 'http', status: 502, message: '502 Bad Gateway' });
  });

  it('a truncated body is an invalid payload', async () => {
    const error = await failure(client(() => new Response('{"statusCode":0,"cha', { status: 200 })).listChats());
    expect(error.kind).toBe('invalid-payload');
  });

  it('a reply that breaks the contract names the field', async () => {
    const error = await failure(client(() => json({ statusCode: 0, chats: { id: 'c1' } })).listChats());
    expect(error).toMatchObject({ kind: 'invalid-payload', issues: [{ path: 'chats', message: 'expected an array, got an object' }] });
  });

  it('a request sent on to a sign-in page (an SSO proxy) is an expired session, not "not JSON"; a redirect to a GWS answer is read', async () => {
    const redirected = (response: Response, url: string) => Object.defineProperties(response, { redirected: { value: true }, url: { value: url } });
    const toLogin = await failure(client(() => redirected(new Response('<html><title>Sign in</title></html>', { status: 200 }), 'https://sso.example.com/login?SAMLRequest=abc')).listChats());
    expect(toLogin).toEqual({ kind: 'session-expired', message: 'redirected to https://sso.example.com/login' });
    const moved = await client(() => redirected(json({ statusCode: 0, chats: [] }), 'https://gws.example.com/api/v2/me/chats')).listChats();
    expect(moved.chats).toEqual([]);
    // Sent on to a page that fails is that failure, not an expired session (review).
    const toError = await failure(client(() => redirected(new Response('<h1>502 Bad Gateway</h1>', { status: 502 }), 'https://lb.example.com/x')).listChats());
    expect(toError).toMatchObject({ kind: 'http', status: 502 });
  });

  it('a write is never followed through a redirect (a 302 would repeat it as a GET, read as accepted): it is an expired session', async () => {
    const inits: (RequestInit | undefined)[] = [];
    const fetchFn: typeof fetch = async (_input, init) => {
      inits.push(init);
      return init?.method === 'POST' ? new Response(null, { status: 302, headers: { Location: 'https://sso.example.com/login' } }) : me('secret-token-1234')();
    };
    const error = await failure(createGwsClient({ baseUrl: '', fetch: fetchFn }).operate('c1', { operationName: 'Complete' }));
    expect(error).toEqual({ kind: 'session-expired', message: 'redirected instead of carried out' });
    expect(inits.map((init) => [init?.method, init?.redirect])).toEqual([
      ['GET', 'follow'],
      ['POST', 'manual'],
    ]);
  });

  it('a reply that is JSON but no GWS answer says so once, its issues beside it (not the issues twice)', async () => {
    const error = await failure(client(() => json(null)).listChats());
    expect(error).toEqual({ kind: 'invalid-payload', message: 'the reply is not a GWS answer', issues: [expect.objectContaining({ message: 'expected an object, got null' })] });
  });

  it('one chat that breaks the contract is left out and named; the others are read', async () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 40; level += 1) deep = { d: deep };
    const chats = [
      { id: 'good', state: 'Chatting', userData: { Subject: 'fine' } },
      { id: 'deep', state: 'Chatting', userData: { Deep: deep } },
      { id: 7, state: 'Chatting' },
      { id: 'caps', state: 'Chatting', capabilities: 'UpdateUserData' },
      { id: 'odd participant', state: 'Chatting', participants: [{ nickname: 'no id', type: 'Agent' }, { participantId: 'p1', nickname: 'Ann', type: 'Customer' }] },
    ];
    const list = await client(() => json({ statusCode: 0, chats })).listChats();
    // Before (exploratory test): the whole list refused; no chat loaded, and queued writes never went.
    expect(list.chats.map((chat) => chat.id)).toEqual(['good', 'odd participant']);
    // One participant that cannot be read is left out, not the whole list (which announced everyone as gone).
    expect(list.chats[1]?.participants.map((participant) => participant.nickname)).toEqual(['Ann']);
    expect(list.unreadable).toEqual([
      { chatId: 'deep', reason: expect.stringMatching(/^chats\[1\]\.userData\["Deep"\](\["d"\])+: nested too deeply$/) },
      { chatId: null, reason: 'chats[2].id: expected a string, got a number' },
      { chatId: 'caps', reason: 'chats[3].capabilities: expected an array, got a string' },
    ]);
  });

  it('a network failure is a network error', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const error = await failure(createGwsClient({ baseUrl: '', fetch: down }).listChats());
    expect(error).toEqual({ kind: 'network', message: 'fetch failed' });
  });

  it('a server that never answers times out', async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const error = await failure(createGwsClient({ baseUrl: '', fetch: hang, timeoutMs: 20 }).listChats());
    expect(error).toEqual({ kind: 'timeout', afterMs: 20 });
  });
});

describe('error texts never carry the CSRF token', () => {
  it('redacts a token a proxy echoed into its error page', async () => {
    const { fetchFn } = scripted([
      me('secret-token-1234'),
      () => new Response('<html><body><h1>Bad gateway: X-CSRF-TOKEN=secret-token-1234</h1></body></html>', { status: 502 }),
    ]);
    const client = createGwsClient({ baseUrl: '', fetch: fetchFn });
    const error = await failure(client.operate('c1', { operationName: 'Complete' }));
    expect(error).toEqual({ kind: 'http', status: 502, message: 'Bad gateway: X-CSRF-TOKEN=[token]' });
  });

  it('redacts it from a 200 that is not JSON (a firewall echoing the request) and from a statusMessage', async () => {
    const { fetchFn } = scripted([
      me('secret-token-1234'),
      () => new Response('Request rejected by WAF. Headers: x-csrf-token=secret-token-1234', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      () => Response.json({ statusCode: 3, statusMessage: 'Operation forbidden for token secret-token-1234' }),
    ]);
    const client = createGwsClient({ baseUrl: '', fetch: fetchFn });
    const notJson = await failure(client.operate('c1', { operationName: 'Complete' }));
    expect(notJson).toMatchObject({ kind: 'invalid-payload', message: 'not JSON: Request rejected by WAF. Headers: x-csrf-token=[token]' });
    const refused = await failure(client.operate('c1', { operationName: 'Complete' }));
    expect(refused).toEqual({ kind: 'status-code', statusCode: 3, statusMessage: 'Operation forbidden for token [token]' });
  });
});

describe('a write that never left', () => {
  it('fails as unreachable when the CSRF token cannot be read first (a 502, a timeout), not as an answer to it; an expired session stays one', async () => {
    const gateway = createGwsClient({ baseUrl: '', fetch: scripted([() => new Response('<h1>502 Bad Gateway</h1>', { status: 502 })]).fetchFn });
    expect(await failure(gateway.operate('c1', { operationName: 'Complete' }))).toEqual({ kind: 'network', message: '502 Bad Gateway' });
    const expired = createGwsClient({ baseUrl: '', fetch: scripted([() => new Response('', { status: 401 })]).fetchFn });
    expect(await failure(expired.operate('c1', { operationName: 'Complete' }))).toMatchObject({ kind: 'session-expired' });
  });
});

describe('error texts are kept to a readable length', () => {
  it('cuts a statusMessage of a megabyte to 500 characters, marked as cut', async () => {
    const { fetchFn } = scripted([me('secret-token-1234'), () => Response.json({ statusCode: 4, statusMessage: 'x'.repeat(1_000_000) })]);
    const error = await failure(createGwsClient({ baseUrl: '', fetch: fetchFn }).operate('c1', { operationName: 'Complete' }));
    expect(error).toEqual({ kind: 'status-code', statusCode: 4, statusMessage: `${'x'.repeat(499)}…` });
  });
});

describe('a body that is not JSON', () => {
  // The tag patterns took time growing with the square of the body when its "<" had no ">"
  // after it: a 300 kB 502 froze the panel for 15 s, 400 kB (here) for about half a minute,
  // past the test's time limit (review). Only the body's start is read now.
  it('is summed up from its start, however long, even with "<" and no ">"', async () => {
    const body = 'x < '.repeat(100_000);
    const { fetchFn } = scripted([() => new Response(body, { status: 502 })]);
    const error = await failure(createGwsClient({ baseUrl: '', fetch: fetchFn }).listChats());
    expect(error).toMatchObject({ kind: 'http', status: 502, message: `${body.replace(/\s+/g, ' ').slice(0, 119)}…` });
  });

  it('is an HTML page’s title, as before', async () => {
    const { fetchFn } = scripted([() => new Response(`<html><head><title>502 Bad Gateway</title></head><body>${'<h1'.repeat(30_000)}</body></html>`, { status: 502 })]);
    expect(await failure(createGwsClient({ baseUrl: '', fetch: fetchFn }).listChats())).toMatchObject({ kind: 'http', status: 502, message: '502 Bad Gateway' });
  });
});

describe('a failure that is no request’s', () => {
  it('is the panel’s own, not "Cannot reach the server" (it was queued to be sent again), and worded so', async () => {
    const error = toGwsError(new TypeError("Cannot read properties of undefined (reading 'pending')"));
    expect(error).toEqual({ kind: 'unexpected', message: "Cannot read properties of undefined (reading 'pending')" });
    const { translateGwsError } = await import('../../src/i18n/gwsErrors');
    expect(translateGwsError(translateEnglish, error)).toBe("Error in the panel: Cannot read properties of undefined (reading 'pending')");
  });
});
