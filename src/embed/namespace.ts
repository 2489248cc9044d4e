// The protocol's first filter, on its own so that the inbox, which listens from start-up,
// can apply it without loading the protocol (protocol.ts comes after the first paint).

export const PROTOCOL_NAMESPACE = 'case-data-panel';

/**
 * The longest `requestId` the widget echoes as `inReplyTo` (a longer one is refused, answered without it).
 * Here for the inbox too, which keeps the ids of requests it had no room for, to be answered.
 */
export const REQUEST_ID_LIMIT = 200;

/** The first filter either side applies: anything else on the channel is someone else's. */
export function hasOurNamespace(data: unknown): data is { readonly namespace: typeof PROTOCOL_NAMESPACE } & Readonly<Record<string, unknown>> {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && Object.hasOwn(data, 'namespace') && Reflect.get(data, 'namespace') === PROTOCOL_NAMESPACE;
}
