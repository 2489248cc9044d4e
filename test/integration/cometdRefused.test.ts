// @vitest-environment node
// The notification connection against servers that refuse it: a GWS behind Spring Security that
// answers an expired session's long polls with HTTP 401, or a POST without its CSRF token with
// 403; a CometD server whose policy refuses the subscription to the chats' channel, or that
// advises not to reconnect.
import { adapt } from 'cometd-nodejs-client';
import cometdServer from 'cometd-nodejs-server';
import { expect, it } from 'vitest';
import { bayeuxStandIn, csrfFilter, readMessages } from '../support/bayeuxStandIn';
import { until } from '../support/until';

adapt();
const { listen, connect } = bayeuxStandIn();

it('a handshake refused with HTTP 401 reads Session expired, not Reconnecting… for good', async () => {
  const url = await listen((request, response) => {
    request.resume();
    response.writeHead(401, { 'Content-Type': 'application/json' });
    response.end('{"statusCode":20,"statusMessage":"Access denied"}');
  });
  const statuses = connect(url);
  // Before (review): connecting, reconnecting, reconnecting, … while the agent's edits waited unsent.
  await until(() => statuses.includes('session-expired'), 'session-expired', 5_000);
  expect(statuses).not.toContain('live');
});

it('a refused subscription to the chats is not Live; handshaken again, it goes live once the server allows it', async () => {
  const cometd = cometdServer.createCometDServer({ timeout: 2_000 });
  let allow = false;
  let refusals = 0;
  cometd.policy = {
    canHandshake: (_session, _message, callback) => callback(undefined, true),
    canSubscribe: (_session, _message, _channel, callback) => {
      if (!allow) refusals += 1;
      callback(undefined, allow);
    },
    canPublish: (_session, _message, _channel, callback) => callback(undefined, true),
  };
  const url = await listen((request, response) => cometd.handle(request, response));
  const statuses = connect(url);
  await until(() => refusals >= 1, 'a refused subscription', 5_000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  // Before (review): connecting, live: nothing would ever arrive under Live.
  expect(statuses).not.toContain('live');
  // A policy's refusal (403::subscribe_denied) is no expired session: its probe would handshake every 5 s (review).
  expect(statuses).not.toContain('session-expired');
  expect(statuses).toContain('reconnecting');
  allow = true;
  await until(() => statuses.at(-1) === 'live', 'live once allowed', 10_000);
}, 20_000);

it('a CSRF-protected GWS (every POST carries the token): the Bayeux POSTs carry the token the REST side read, and go live', async () => {
  const token = '4a92be65-ec55-4aa2-b9df-9518fd870f2f';
  const filter = csrfFilter(cometdServer.createCometDServer({ timeout: 2_000 }), token);
  const url = await listen(filter.handler);
  // The token is known once the first REST read has answered, a moment after the first handshake.
  let known = false;
  setTimeout(() => (known = true), 300);
  const statuses = connect(url, (): Record<string, string> => (known ? { 'X-CSRF-TOKEN': token } : {}));
  // Before (contract review): the token never reached CometD, every handshake 403, Reconnecting… for good.
  await until(() => statuses.includes('live'), 'live', 10_000);
  expect(filter.counted.refused).toBeGreaterThanOrEqual(1);
}, 20_000);

it.each([
  ['refused', (base: object) => ({ ...base, successful: false, error: '402::session_unknown', advice: { reconnect: 'none' } })],
  ['answered', (base: object) => ({ ...base, successful: true, advice: { reconnect: 'none' } })],
])('a connect %s with advice not to reconnect (a session the server ends): handshaken again, live again', async (_how, ending) => {
  let handshakes = 0;
  let connects = 0;
  const url = await listen(async (request, response) => {
    const replies = (await readMessages(request)).map((message) => {
      const base = { id: message.id, channel: message.channel };
      if (message.channel === '/meta/handshake') {
        handshakes += 1;
        return { ...base, successful: true, version: '1.0', clientId: `c${handshakes}`, supportedConnectionTypes: ['long-polling'], advice: { reconnect: 'retry', interval: 0, timeout: 2_000 } };
      }
      if (message.channel === '/meta/subscribe') return { ...base, successful: true, clientId: message.clientId, subscription: message.subscription };
      if (message.channel === '/meta/connect') {
        connects += 1;
        // The first connect of the first session is fine; the second ends it. Later sessions stay.
        if (connects !== 2) return { ...base, successful: true, advice: { reconnect: 'retry', interval: connects > 2 ? 500 : 0, timeout: 2_000 } };
        return ending(base);
      }
      return { ...base, successful: true };
    });
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(replies));
  });
  const statuses = connect(url);
  await until(() => connects >= 2, 'the connect that ends the session', 5_000);
  // Before (contract review): no handshake again; Reconnecting… (or Live) for good.
  await until(() => handshakes >= 2 && statuses.at(-1) === 'live', 'a second session, live', 8_000);
  expect(statuses).toContain('reconnecting');
}, 20_000);
