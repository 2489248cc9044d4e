import { useEffect, useRef, useState } from 'react';
import { formatValue, keyShown, quotedText, resolveRule, useCaseDataConfig } from '../caseData';
import { labelFor, useMessages, type Translate } from '../i18n';
import { hasEnded } from '../gws';
import { draftOvertaken, hasUnsavedWork, isEditedDraft, isUnsettled, sameValue, snapshotShows, useChatStoreApi, valueAfter, type ChatEntry, type ChatStoreState } from '../store';
import '../i18n/panelTexts';

/** A chat as the agent knows it: by its customer, else by its id. */
const chatName = (entry: ChatEntry) => entry.chat.participants.find((participant) => participant.type === 'Customer')?.nickname || entry.chat.id;

/** A sentence for the live region; `chatId`: said of a chat not on screen, which it asks the agent to open. */
export type WriteNotice = { readonly text: string; readonly chatId: string | null };

/**
 * What the grid does not say of the agent's writes, in sentences for the panel's live region.
 * `named`: a key as its row header names it ("Segment (CustomerSegment)").
 */
export function writeNotices(
  state: ChatStoreState,
  previous: ChatStoreState,
  t: Translate,
  named: (key: string) => string = (key) => keyShown(key, t),
  editorOpenOn: (key: string) => boolean = () => false,
): WriteNotice[] {
  const notices: WriteNotice[] = [];
  for (const [chatId, entry] of state.chats) {
    const before = previous.chats.get(chatId);
    if (!before || entry === before) continue;
    const onScreen = chatId === state.activeChatId;
    const add = (text: string) => void notices.push({ text, chatId: onScreen ? null : chatId });
    // Refused or overtaken in a chat not on screen (the agent switched while it was on its
    // way): the grid says only its own chat's, and the agent would learn of it only on opening
    // that chat (the picker marks it too: useChatMarks).
    if (!onScreen) {
      const known = new Set(before.pending.filter(isUnsettled).map((edit) => edit.editId));
      const keys = new Set(entry.pending.filter((edit) => isUnsettled(edit) && !known.has(edit.editId)).map((edit) => named(edit.key)));
      if (keys.size > 0) add(t('panel.otherChatProblem', { chat: chatName(entry), keys: [...keys].join(', ') }));
      // Over (it ended, or GWS no longer lists it) with the agent's work in it: only that chat's
      // grid lists it, to copy, and the agent would not know to open it (exploratory test).
      if (hasEnded(entry.chat.state) && !hasEnded(before.chat.state) && hasUnsavedWork(entry)) {
        add(t('panel.otherChatOver', { chat: chatName(entry), state: labelFor(t, 'chatState', entry.chat.state) }));
      }
    }
    // Saved over another party's change that arrived while it was on its way (flagged
    // overtaken, with their value, chatEntry.ts): GWS took theirs first, then the agent's.
    // Nothing could stop it once sent; the agent is told whose value went, which the grid no
    // longer shows. (The server showing another value by then: theirs came last, and shows.)
    for (const edit of before.pending) {
      if (!edit.overtaken || entry.pending.some((other) => other.editId === edit.editId) || !snapshotShows(entry.chat, edit)) continue;
      const { theirs } = edit.overtaken;
      const key = named(edit.key);
      const notice =
        theirs === undefined
          ? t('panel.savedOverDelete', { key })
          : t(edit.op === 'delete' ? 'panel.deletedOverOther' : 'panel.savedOverOther', { key, value: quotedText(formatValue(theirs), t) });
      add(onScreen ? notice : t('panel.inOtherChat', { chat: chatName(entry), notice }));
    }
    // A write on its way gone (its notification, or a read, settled it):
    for (const edit of before.pending) {
      if ((edit.status !== 'sending' && edit.status !== 'awaiting') || entry.pending.some((other) => other.key === edit.key)) continue;
      const now = entry.chat.userData.get(edit.key);
      const key = named(edit.key);
      if (before.pending.some((own) => own.key === edit.key && sameValue(valueAfter(own), now))) {
        // Landed as the agent made it, the last of its key: the cell's Saving… turns to Saved, and a
        // screen reader heard nothing of it (accessibility audit). On screen only: in another chat it
        // is no news to act on. (One saved over another party's change is said above.)
        const last = !before.pending.some((later) => later.key === edit.key && later.editId > edit.editId);
        if (onScreen && last && !edit.overtaken && snapshotShows(entry.chat, edit)) add(t(edit.op === 'delete' ? 'panel.deleted' : 'panel.saved', { key }));
        continue;
      }
      // The mirror: another party's value showing, which came after it (the agent's own later write of
      // the key is no other party's, above). The cell went from Saving… to their value unsaid (exploratory
      // test). (One the read shows the key as it found it stays, Not confirmed: chatEntry.ts, applyRead.)
      if (hasEnded(entry.chat.state)) continue;
      const notice = now === undefined ? t('panel.deletedAfterYours', { key }) : t('panel.changedAfterYours', { key, value: quotedText(formatValue(now), t) });
      add(onScreen ? notice : t('panel.inOtherChat', { chat: chatName(entry), notice }));
    }
    // The agent's write GWS applied late, over their word since, which the panel sent again
    // (caseData/lateWrites.ts): said, with what Ctrl+Z keeps; the late value may have been
    // theirs after all, written in another window (integrator's test: undone unsaid).
    const late = entry.history.undo.at(-1);
    if (late?.arrivedLate && late !== before.history.undo.at(-1)) {
      const key = named(late.key);
      const notice = late.before === undefined ? t('panel.lateDeleteUndone', { key }) : t('panel.lateWriteUndone', { key, value: quotedText(formatValue(late.before), t) });
      add(onScreen ? notice : t('panel.inOtherChat', { chat: chatName(entry), notice }));
    }
    // A draft another party's change overtook: the cell says "Draft · changed on the server", and
    // this says it. Not of the editor open on screen: its alert says it, with the choice (said twice: exploratory test).
    for (const [key, draft] of entry.drafts) {
      const old = before.drafts.get(key);
      if (!isEditedDraft(draft) || !draftOvertaken(entry, key, draft) || (old && draftOvertaken(before, key, old)) || (onScreen && editorOpenOn(key))) continue;
      const now = entry.chat.userData.get(key);
      // A discarded draft Ctrl+Z brings back is news only if their value changed while it was away:
      // the change before was said then, by this or by the open editor (said again: exploratory test;
      // one made while it was away went unsaid: review).
      // (Its step is the newest on one side of the history or the other, as the undo has moved it or not yet.)
      const undone = old ? undefined : [entry.history.undo.at(-1), entry.history.redo.at(-1)].find((step) => step?.draft === draft);
      if (undone && sameValue(undone.before, now)) continue;
      const notice =
        now === undefined ? t('panel.draftDeleted', { key: named(key) }) : t('panel.draftOvertaken', { key: named(key), value: quotedText(formatValue(now), t) });
      add(onScreen ? notice : t('panel.inOtherChat', { chat: chatName(entry), notice }));
    }
  }
  return notices;
}

/** The grid row whose editor has the focus (the frame keeps it while the agent is in the CRM). */
const editorRow = () => document.activeElement?.closest('.cell-editor')?.closest('[role="row"]');

/** How many notices stay in the region: each is a node of its own, read out as it is added. */
const NOTICES_KEPT = 4;
/**
 * And for how long: read out by then, a notice left standing goes stale (*your unsaved draft
 * is kept*, after the agent took theirs; still there after the chat ended: exploratory test),
 * and a screen reader's reading cursor would find it as if it were news.
 */
export const NOTICE_KEPT_MS = 10_000;

/**
 * The panel's live region for `writeNotices`. Notices are added, not replaced: two that come
 * in quick succession are both read out, and the same sentence again is a new node, read out
 * again. A chunk of its own, mounted after the first paint (CaseDataPanel): it has nothing to
 * say before a write has been made.
 */
export function WriteNotices() {
  const store = useChatStoreApi();
  const config = useCaseDataConfig();
  const { t } = useMessages();
  const [notices, setNotices] = useState<readonly (WriteNotice & { readonly id: number })[]>([]);
  // Across a locale switch too: a key reused would be a node React keeps, not one read out anew.
  const nextId = useRef(0);
  // Work kept from before a reload for chats GWS no longer lists goes at a read (SECURITY.md,
  // "Chats that vanish"): said, not in silence (review). Usually the first read's, before this
  // region is there: said once it is. How many were said, over a locale switch too.
  const forgottenSaid = useRef(0);
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const named = (key: string) => keyShown(key, t, resolveRule(config, key).label);
    // Said by this run and still shown: a run ended meanwhile (a locale switch, StrictMode's
    // second run) takes its notice away, and the next says it again.
    let shown = 0;
    const forgotten = ({ forgottenSaved }: ChatStoreState) => {
      const count = forgottenSaved - forgottenSaid.current;
      forgottenSaid.current = forgottenSaved;
      if (count <= 0) return [];
      shown += count;
      const timer = setTimeout(() => timers.delete(timer) && (shown -= count), NOTICE_KEPT_MS);
      timers.add(timer);
      return [{ text: t('panel.savedWorkForgotten', { count }), chatId: null }];
    };
    const say = (lines: readonly WriteNotice[]) => {
      if (lines.length === 0) return;
      const added = lines.map((notice) => ({ ...notice, id: nextId.current++ }));
      setNotices((shown) => [...shown, ...added].slice(-NOTICES_KEPT));
      const timer = setTimeout(() => {
        timers.delete(timer);
        setNotices((shown) => shown.filter((notice) => !added.includes(notice)));
      }, NOTICE_KEPT_MS);
      timers.add(timer);
    };
    say(forgotten(store.getState()));
    const unsubscribe = store.subscribe((state, previous) => {
      // Said of another chat, asking the agent to open it: opened, it is no longer true, and a
      // reading cursor found it still there (exploratory test). That chat's grid says the rest.
      const opened = state.activeChatId;
      if (opened !== previous.activeChatId) setNotices((shown) => (shown.some((notice) => notice.chatId === opened) ? shown.filter((notice) => notice.chatId !== opened) : shown));
      if (state.chats === previous.chats) return;
      say([...forgotten(state), ...writeNotices(state, previous, t, named, (key) => editorRow()?.querySelector('[role="rowheader"]')?.getAttribute('aria-label') === named(key))]);
    });
    return () => {
      unsubscribe();
      forgottenSaid.current -= shown;
      for (const timer of timers) clearTimeout(timer);
      // Their timers gone, they would stay for good, and in the language just left.
      setNotices([]);
    };
  }, [store, t, config]);
  return (
    <div className="visually-hidden" aria-live="polite">
      {notices.map((notice) => (
        <p key={notice.id}>{notice.text}</p>
      ))}
    </div>
  );
}
