// Where the CRM page's focus goes on `focusKey`: into the panel's frame on the host's request
// only, and back to where it was when the panel cannot focus the key (the agent's typing
// would otherwise go nowhere). A request made before the panel is ready moves the focus only
// if the agent is still where they were when it was made.

/**
 * How long a focusKey's refusal may take to come back (the panel answers at once, unless it
 * waits for the chats to be read): a request made within it of another still counts the focus
 * as the CRM's. A focusKey served is not answered at all, so after this the frame's focus is
 * the agent's own, and a refusal later than this leaves it there.
 */
const ANSWER_WITHIN_MS = 2_000;

export function hostFocus(doc: Document, win: Window & typeof globalThis, iframe: HTMLIFrameElement) {
  // The focusKey whose answer may still come, and what had the focus before it moved in.
  let asked: { readonly requestId: string; readonly before: Element | null; readonly at: number } | null = null;
  /** Where the focus was when a focusKey was asked before `ready`, by request. */
  const queued = new Map<string, Element | null>();
  const moveIn = (requestId: string) => {
    // A second request while the first is unanswered: the focus to give back is still the CRM's
    // (the frame has it now), or two refused requests in a row left it in the frame.
    const unanswered = asked !== null && doc.activeElement === iframe && Date.now() - asked.at < ANSWER_WITHIN_MS;
    asked = { requestId, before: unanswered && asked ? asked.before : doc.activeElement, at: Date.now() };
    iframe.focus();
  };
  return {
    moveIn,
    /** Asked before `ready`: remembers where the agent is. */
    queue(requestId: string) {
      queued.set(requestId, doc.activeElement);
    },
    /** `ready` came: moves the focus in and says true, or false if the agent has moved on since. */
    release(requestId: string): boolean {
      const stillThere = queued.get(requestId) === doc.activeElement;
      queued.delete(requestId);
      if (stillThere) moveIn(requestId);
      return stillThere;
    },
    /** The panel never started: nothing queued will move the focus. */
    dropQueued() {
      queued.clear();
    },
    /** An error answered `requestId`: if it refused the focusKey that moved the focus in, it goes back. */
    refused(requestId: string | undefined) {
      if (asked === null || asked.requestId !== requestId) return;
      const { before, at } = asked;
      asked = null;
      // A refusal that took longer (a focusKey asked before the chats were read waits for them)
      // finds a frame the agent may be working in by then: taking the focus back sent their
      // typing into the CRM (integrator's test). Keystrokes lost to an empty frame are the lesser harm.
      if (Date.now() - at > ANSWER_WITHIN_MS) return;
      if (doc.activeElement === iframe && before instanceof win.HTMLElement && before !== iframe) before.focus();
    },
  };
}
