// The widget's end of the host contract, on penpal's model: every incoming message must
// carry our namespace, come from our parent window, and from an allowed origin, in that
// order; everything outgoing goes to the one host origin learned that way, never "*".
//
// The bridge reads what the inbox heard from start-up on (hostInbox.ts): its code loads
// after the first paint. Until `configure`, messages are kept there, unread.

import { readHostMessage, type HostMessageReading } from './hostMessages';
import { allowedHostPatterns } from './framing';
import { EARLY_LIMIT, type DroppedRequest, type HostInbox } from './hostInbox';
import { originMatches, type OriginPattern } from './origins';
import { envelope, hasOurNamespace, type HostCommand, type WidgetEvent, type WidgetMessage } from './protocol';

export type RejectionReason = 'origin-not-allowed' | 'not-from-parent';

export type BridgeDiagnostics = {
  readonly hostOrigin: string | null;
  readonly allowedOrigins: readonly OriginPattern[];
  readonly accepted: number;
  readonly answeredWithError: number;
  readonly rejected: number;
  readonly recentRejections: readonly { readonly reason: RejectionReason; readonly origin: string }[];
  readonly sendFailures: number;
  /** Commands whose handler threw: the error is reported, the bridge carries on. */
  readonly commandFailures: number;
};

/**
 * Answers a command: `state` or `error` go back with `inReplyTo`; null sends nothing. An answer
 * that has to wait (a focusKey before the chat's data has loaded) comes as a promise.
 */
export type CommandHandler = (command: HostCommand) => WidgetEvent | null | Promise<WidgetEvent | null>;

export type HostBridge = {
  configure(settings: { readonly allowedOrigins: readonly OriginPattern[]; readonly ancestorOrigins: readonly string[] }): void;
  /** Commands received before a handler exists are delivered to the first one. */
  onCommand(handler: CommandHandler): () => void;
  /** Sent now if the host origin is known, else once it is. */
  send(event: WidgetEvent): void;
  getDiagnostics(): BridgeDiagnostics;
  subscribeDiagnostics(listener: () => void): () => void;
  destroy(): void;
};

const BUFFER_LIMIT = 100;
const RECENT_REJECTIONS = 5;

/** A message read before the panel took commands: carried out, or (invalid) answered, then, in order, after `ready`. */
type Queued = HostMessageReading;

export function createHostBridge(inbox: HostInbox): HostBridge {
  const win = inbox.window;
  let hostOrigin: string | null = null;
  let handler: CommandHandler | null = null;
  const outbox: WidgetMessage[] = [];
  const commands: Queued[] = [];
  const listeners = new Set<() => void>();
  let diagnostics: BridgeDiagnostics = {
    hostOrigin: null,
    allowedOrigins: [],
    accepted: 0,
    answeredWithError: 0,
    rejected: 0,
    recentRejections: [],
    sendFailures: 0,
    commandFailures: 0,
  };

  const update = (change: Partial<BridgeDiagnostics>) => {
    diagnostics = { ...diagnostics, ...change };
    for (const listener of listeners) listener();
  };

  const post = (message: WidgetMessage) => {
    if (hostOrigin === null) {
      outbox.push(message);
      // Past the limit the oldest event goes, but never `ready`: a host learns of the panel from it.
      if (outbox.length > BUFFER_LIMIT) outbox.splice(outbox[0]?.type === 'ready' ? 1 : 0, 1);
      return;
    }
    try {
      win.parent.postMessage(message, hostOrigin);
    } catch {
      // Only a value that cannot be cloned throws here; counting it keeps the widget alive.
      update({ sendFailures: diagnostics.sendFailures + 1 });
    }
  };

  const learnHostOrigin = (origin: string) => {
    if (hostOrigin === origin) return;
    hostOrigin = origin;
    update({ hostOrigin: origin });
    for (const message of outbox.splice(0)) post(message);
  };

  const reject = (reason: RejectionReason, origin: string) => {
    update({
      rejected: diagnostics.rejected + 1,
      recentRejections: [...diagnostics.recentRejections, { reason, origin }].slice(-RECENT_REJECTIONS),
    });
  };

  const reply = (event: WidgetEvent, inReplyTo: string | undefined) => {
    post({ ...envelope(), ...event, ...(inReplyTo === undefined ? {} : { inReplyTo }) });
  };

  const deliver = (queued: Queued) => {
    if (!handler) {
      commands.push(queued);
      return;
    }
    // Answered here, not as it was read: one the host posted early would be answered before `ready` (review).
    if (queued.kind === 'invalid') return reply({ type: 'error', error: queued.error }, queued.requestId);
    // A failing command must not take the commands queued after it down with it, nor the
    // React effect that registered the handler; the host is answered (a getState waits for
    // its answer), and the error still reaches the console.
    const failed = (error: unknown) => {
      update({ commandFailures: diagnostics.commandFailures + 1 });
      const { type } = queued.command;
      reply({ type: 'error', error: { kind: 'command-failed', type, message: `The panel could not carry out "${type}".` } }, queued.requestId);
      win.setTimeout(() => {
        throw error;
      });
    };
    let answer: WidgetEvent | null | Promise<WidgetEvent | null>;
    try {
      answer = handler(queued.command);
    } catch (error) {
      return failed(error);
    }
    if (answer instanceof Promise) answer.then((later) => later && reply(later, queued.requestId), failed);
    else if (answer) reply(answer, queued.requestId);
  };

  const read = (event: MessageEvent, allowed: readonly OriginPattern[]) => {
    const data: unknown = event.data;
    if (!hasOurNamespace(data)) return;
    if (win.parent === win || event.source !== win.parent) return reject('not-from-parent', event.origin);
    if (!originMatches(event.origin, allowed)) return reject('origin-not-allowed', event.origin);
    learnHostOrigin(event.origin);
    const reading = readHostMessage(data);
    if (reading.kind === 'invalid') update({ answeredWithError: diagnostics.answeredWithError + 1 });
    else update({ accepted: diagnostics.accepted + 1 });
    deliver(reading);
  };

  // A request the inbox had no room for, posted before the bridge loaded: answered in its place
  // among the rest (before them: it was older), as one the panel cannot use is, so that a host
  // awaiting it is not left waiting. Only to an allowed origin, as every reply: the inbox keeps
  // what the embedding page sent, whoever it turns out to be.
  const readDropped = ({ origin, requestId }: DroppedRequest, allowed: readonly OriginPattern[]) => {
    if (!originMatches(origin, allowed)) return reject('origin-not-allowed', origin);
    learnHostOrigin(origin);
    update({ answeredWithError: diagnostics.answeredWithError + 1 });
    const message = `The panel was sent more than ${EARLY_LIMIT} messages before it could read them, and dropped this one among the oldest; send it again if it still applies.`;
    deliver({ kind: 'invalid', error: { kind: 'dropped', message }, requestId });
  };

  return {
    configure({ allowedOrigins, ancestorOrigins }) {
      const allowed = allowedHostPatterns(allowedOrigins, win.location.origin);
      update({ allowedOrigins });
      // The parent's origin as the browser reports it, when allowed: `ready` can go out
      // before the host says anything.
      const parent = ancestorOrigins[0];
      if (parent !== undefined && originMatches(parent, allowed)) learnHostOrigin(parent);
      inbox.read(
        (event) => read(event, allowed),
        (request) => readDropped(request, allowed),
      );
    },
    onCommand(next) {
      handler = next;
      for (const queued of commands.splice(0)) deliver(queued);
      return () => {
        if (handler === next) handler = null;
      };
    },
    send(event) {
      reply(event, undefined);
    },
    getDiagnostics: () => diagnostics,
    subscribeDiagnostics(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      inbox.close();
      listeners.clear();
      handler = null;
      outbox.length = 0;
      commands.length = 0;
    },
  };
}
