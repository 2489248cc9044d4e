// @vitest-environment node
// A connect that is answered without its own reply (a gateway that drops it from the answer,
// or gives it another's id): CometD waits on it for good, sending no next connect and reporting
// no failure. Before (exploratory test): Live for good, over a grid gone stale.
import { adapt } from 'cometd-nodejs-client';
import cometdServer, { type ServerMessage } from 'cometd-nodejs-server';
import { expect, it } from 'vitest';
import { bayeuxStandIn } from '../support/bayeuxStandIn';
import { until } from '../support/until';

adapt();
const { listen, connect } = bayeuxStandIn();

it('is taken for lost once no reply can still come, and made anew: Reconnecting…, then Live (the caller reads again)', async () => {
  // A short hold, so that the longest a reply can take (hold + CometD's 10 s network delay + 2 s) is 12.5 s.
  const cometd = cometdServer.createCometDServer({ timeout: 500 });
  let connectReplies = 0;
  let lose = false;
  cometd.addExtension({
    outgoing: (_server, _sender, _session, message: ServerMessage, callback) => {
      if (message.channel !== '/meta/connect') return callback(undefined, true);
      connectReplies += 1;
      // Once: the answer goes, without the reply.
      const drop = lose;
      lose = false;
      callback(undefined, !drop);
    },
  });
  const url = await listen((request, response) => cometd.handle(request, response));
  const statuses = connect(url);
  await until(() => statuses.at(-1) === 'live' && connectReplies >= 2, 'live', 5_000);
  // The answer that carries a notification loses its reply (an answer with nothing in it is a failure CometD sees).
  lose = true;
  cometd.createServerChannel('/v2/me/chats').publish(null, { messageType: 'Other' }, () => undefined);
  await until(() => !lose, 'a reply lost', 5_000);
  const lostAt = connectReplies;
  // Nothing more comes meanwhile (CometD waits on the lost one), and it still reads Live.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(connectReplies).toBe(lostAt);
  expect(statuses.at(-1)).toBe('live');
  await until(() => statuses.at(-1) === 'reconnecting', 'reconnecting', 15_000);
  await until(() => statuses.at(-1) === 'live', 'live again', 10_000);
  expect(connectReplies).toBeGreaterThan(lostAt);
}, 40_000);

it('is watched after a failed connect too: CometD’s own retry answered by another’s reply is taken for lost, and made anew (review)', async () => {
  const cometd = cometdServer.createCometDServer({ timeout: 500 });
  let connectReplies = 0;
  let mode: 'pass' | 'fail' | 'misid' = 'pass';
  cometd.addExtension({
    outgoing: (_server, _sender, _session, message: ServerMessage, callback) => {
      if (message.channel !== '/meta/connect') return callback(undefined, true);
      connectReplies += 1;
      const reply = message as unknown as Record<string, unknown>;
      if (mode === 'fail') {
        reply.successful = false;
        reply.error = '500::a failure for the test';
        mode = 'misid';
      } else if (mode === 'misid') {
        // CometD waits on for the reply to its own id.
        reply.id = 'someone-else';
        mode = 'pass';
      }
      callback(undefined, true);
    },
  });
  const url = await listen((request, response) => cometd.handle(request, response));
  const statuses = connect(url);
  await until(() => statuses.at(-1) === 'live' && connectReplies >= 2, 'live', 5_000);
  mode = 'fail';
  await until(() => mode === 'pass', 'a failure, then a reply of another', 10_000);
  const lostAt = connectReplies;
  // Before (review): Reconnecting… for good, no connect sent again.
  await until(() => connectReplies > lostAt && statuses.at(-1) === 'live', 'live again', 25_000);
}, 40_000);
