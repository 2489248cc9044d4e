import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMessages } from '../i18n';
import { useChatStoreApi, type HistoryStep, type UserDataWrite } from '../store';
import { configuredKeys, resolveRule, type CaseDataConfig } from './caseDataConfig';
import type { GridRow } from './useCaseDataRows';
import { effectiveKind, formatValue, textToValue } from './userDataValues';
import { checkValue, keyShown, problemWording, textForCell } from './validation';
import '../i18n/addFieldTexts';
import { addFieldTyped, type AddFieldTyped } from './addFieldTyped';

const FREE_KEY = '\u0000free';

type Refusal = { readonly reason: string; readonly on: 'field' | 'key' | 'value' | 'chat' };

type AddFieldFormProps = {
  readonly chatId: string;
  /** Why the chat takes no field now (it ended while the form was open), or null. */
  readonly blocked?: string | null;
  /** The chat's rows: the form offers the configured keys it does not have yet, as Workspace's Add Field does. */
  readonly rows: readonly GridRow[];
  readonly config: CaseDataConfig;
  /** The button that opens the form: focus moves into the form only from there (see below). */
  readonly openerId: string;
  /** The grid's one way to write (useGridController): the reason it was refused, or null once sent. */
  readonly submit: (write: UserDataWrite, step: HistoryStep | null) => string | null;
  /** Says something in the grid's live region. */
  readonly announce: (text: string) => void;
  readonly onClose: () => void;
  /** The grid's filter as typed: a field it does not match goes from sight once saved. */
  readonly filter?: string;
};

/** Longest key the agent may name; GWS documents no limit, Genesys KV lists hold short keys. */
const MAX_KEY_LENGTH = 256;

/**
 * White space and the invisible characters String.trim() keeps (zero-width space, joiners, marks,
 * soft hyphen, bidi controls, BOM: exploratory test, "Subject" and a soft hyphen made a second Subject).
 * A run at the end is tried from its first character only: tried from each of its characters, a
 * key pasted with 40,000 spaces inside froze the form for seconds at each render (review).
 */
const INVISIBLE_ENDS = /^[\s\p{Default_Ignorable_Code_Point}]+|(?<![\s\p{Default_Ignorable_Code_Point}])[\s\p{Default_Ignorable_Code_Point}]+$/gu;

/** The configured keys the chat does not have (and `held`, the one the agent is typing for); a read-only key would only be refused once chosen. */
const offeredKeys = (config: CaseDataConfig, present: ReadonlySet<string>, held?: string) =>
  configuredKeys(config).filter((item) => (!present.has(item.key) || item.key === held) && !item.rule.readOnly);

export function AddFieldForm({ chatId, blocked, rows, config, openerId, submit: send, announce, onClose, filter = '' }: AddFieldFormProps) {
  const { t } = useMessages();
  const store = useChatStoreApi();
  const allowFreeKeys = config.allowFreeKeys;
  // Worked out here, in the form's own chunk: no set of 10,000 keys on the way to the first paint.
  const present = useMemo(() => new Set(rows.map((gridRow) => gridRow.row.key)), [rows]);
  const typedBefore = addFieldTyped.get(chatId);
  const [picked, setChoice] = useState(() => typedBefore?.picked ?? offeredKeys(config, present)[0]?.key ?? FREE_KEY);
  const [freeKey, setFreeKey] = useState(typedBefore?.freeKey ?? '');
  const [text, setText] = useState(typedBefore?.text ?? '');
  // A value of more than one line gets a box of lines, from the paste that brought them on: a
  // one-line field drops line breaks (exploratory test: three pasted lines saved as one, unsaid).
  // It stays one until the value is added, so the focus is not moved under the agent's typing; for a
  // field of another type picked meanwhile, while it has lines: a one-line field would show them run
  // together, and refuse them as not a number (exploratory test); without, that field's own (a date
  // picker, a number's keyboard: review), the focus going with it.
  const [multiline, setMultiline] = useState(() => /[\n\r]/.test(typedBefore?.text ?? ''));
  const caretAfterPaste = useRef<number | null>(null);
  const focusValue = useRef(false);
  // The field the agent has typed a value for stays, even once the chat has it: another party
  // adding it first took the form on to the next field, the value typed gone (exploratory test).
  const held = picked !== FREE_KEY && text !== '' ? picked : undefined;
  const missing = useMemo(() => offeredKeys(config, present, held), [present, config, held]);
  // Once a configured key is added it leaves the list; the form moves on to what the list shows.
  const choice = picked === FREE_KEY || missing.some((item) => item.key === picked) ? picked : (missing[0]?.key ?? FREE_KEY);
  // And the field shown is the one picked from then on: a value typed next is that field's (it held the one gone, as taken: review).
  if (choice !== picked) setChoice(choice);
  // Kept for the chat as the form goes with text in it (a chat switch, the Add field button), not when the agent cancels it.
  const typed = useRef<AddFieldTyped | null>(null);
  typed.current = freeKey || text ? { picked, freeKey, text } : null; // oxlint-disable-line react/refs -- the latest text, read at unmount
  useEffect(
    () => () => {
      if (typed.current) addFieldTyped.set(chatId, typed.current);
      else addFieldTyped.delete(chatId);
    },
    [chatId],
  );
  // Why the last Add was refused, and which control it is about (marked invalid, described by
  // it, and given the focus, so the agent lands where the fix is), with what it refused.
  const [refused, setRefused] = useState<(Refusal & { readonly made: { readonly choice: string; readonly freeKey: string; readonly text: string } }) | null>(null);
  // It stands for what it refused: another field, key or value since (a key's rules judge its
  // value too), and it goes (a checkbox read "invalid, Enter a whole number", a new key "already
  // exists": integrator's test); the chat's, while the chat still takes none (review).
  const stands = refused !== null && (refused.on === 'chat' ? Boolean(blocked) : refused.made.choice === choice && refused.made.freeKey === freeKey && refused.made.text === text);
  // The field typed for, added by another party meanwhile: said as it happens, the focus left where it is
  // (the agent may pick another field for what they typed); worded as Add's own refusal of it (checkWrite).
  const taken = held !== undefined && present.has(held);
  const refusal: Refusal | null = stands ? refused : taken ? { reason: t('caseData.reason.keyExists', { key: held }), on: 'field' } : null;
  // Each Add's outcome, counted: the same refusal again is a new alert, said again (keyboard test:
  // the unchanged text was not), and an Add that went through moves the focus on (below).
  const [outcomes, setOutcomes] = useState(0);
  const ids = { field: useId(), key: useId(), value: useId(), reason: useId(), hint: useId() };
  // The box of lines a paste brought on has the focus, the caret after what was pasted.
  useLayoutEffect(() => {
    const at = caretAfterPaste.current;
    const field = document.getElementById(ids.value);
    if (focusValue.current) field?.focus();
    focusValue.current = false;
    if (at === null || !(field instanceof HTMLTextAreaElement)) return;
    caretAfterPaste.current = null;
    field.focus();
    field.setSelectionRange(at, at);
  });
  const invalid = (on: 'field' | 'key' | 'value') =>
    refusal?.on === on ? ({ 'aria-invalid': true, 'aria-describedby': ids.reason } as const) : ({ 'aria-invalid': undefined, 'aria-describedby': undefined } as const);
  useEffect(() => {
    if (refusal) {
      if (refusal.on !== 'chat') document.getElementById(ids[refusal.on])?.focus();
    }
    // Added: to the choice of the next field, the form's first control. The value's control may
    // be another kind now (a list for the next field's options), and the focus went with the
    // old one to the page (keyboard test). Not if the agent has gone elsewhere meanwhile.
    else if (outcomes > 0 && (document.activeElement === document.body || form.current?.contains(document.activeElement))) {
      (document.getElementById(ids.field) ?? document.getElementById(ids.key))?.focus();
    }
  }, [outcomes]); // oxlint-disable-line react/exhaustive-deps -- once per Add's outcome; refusal is set with it, ids come from useId
  const chosen = missing.find((item) => item.key === choice);
  // A value typed as text: lines make sense in it (not in a number, a date, a choice).
  const isText = !chosen?.rule.options && (chosen?.rule.type ?? 'string') === 'string';
  // A typed key is trimmed: "Subject " would be another key that looks exactly like Subject;
  // so would "Subject" with a zero-width space or joiner, or a byte-order mark, at either end.
  const key = choice === FREE_KEY ? freeKey.replace(INVISIBLE_ENDS, '') : choice;

  // Focus moves into the form as it opens from its button. A form whose chunk arrived late
  // does not take focus from wherever the agent went meanwhile (an open editor would
  // commit on losing it).
  const form = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    const focused = document.activeElement;
    // Not while the agent is in the CRM (the frame keeps its activeElement when it loses focus).
    if (!document.hasFocus() || (focused && focused !== document.body && focused.id !== openerId)) return;
    form.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, [openerId]);

  // The form goes: focus goes back to the button that opened it, not to the page; to the
  // grid's cell if that button is disabled (the chat ended while the form was open).
  const close = () => {
    typed.current = null;
    // Now, not as the form unmounts: the grid renders first, and its button asks (it opens to kept text once the chat is over).
    addFieldTyped.delete(chatId);
    const opener = document.getElementById(openerId);
    // (Not while the chat is over: the button is about to be disabled, kept text gone, and the focus went with it to the page: exploratory test.)
    if (opener instanceof HTMLButtonElement && !opener.disabled && !blocked) opener.focus();
    else form.current?.closest('.case-data')?.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"], [role="rowheader"][tabindex="0"]')?.focus();
    onClose();
  };

  // Read in the key's configured type, sent as an attach that Ctrl+Z takes back. Here, in the
  // form's own chunk: the first paint does not carry it.
  const add = (name: string, typed: string) => {
    // The chat's doing, not a control's: none is marked, and the focus stays (exploratory round: the Key field took it, marked invalid).
    if (blocked) return { reason: blocked, on: 'chat' } as const;
    const rule = resolveRule(config, name);
    // A date field reads '' until its day, month and year are all there, and takes them in the
    // browser's order, never as "YYYY-MM-DD" (CellEditor.tsx; exploratory test).
    const field = document.getElementById(ids.value);
    if (rule.type === 'date' && field instanceof HTMLInputElement && (field.validity.badInput || !textToValue('date', typed).ok)) return { reason: t('caseData.add.dateWhole'), on: 'value' } as const;
    const value = textForCell(typed, undefined, rule, t);
    if (!value.ok) return { reason: value.reason, on: 'value' } as const;
    // A pattern or a list of options is checked on sending too; said of the value here, not of the key.
    const wrong = checkValue(t, rule, effectiveKind(value.value, rule), value.value);
    if (wrong) return { reason: wrong, on: 'value' } as const;
    // The value read well: what is left is the key (empty, too long, taken, read-only), typed or chosen.
    const on = choice === FREE_KEY ? 'key' : 'field';
    const badName = name.trim() === '' ? t('caseData.reason.emptyKey') : name.length > MAX_KEY_LENGTH ? t('caseData.reason.keyTooLong', { max: MAX_KEY_LENGTH }) : null;
    if (badName) return { reason: badName, on } as const;
    const refused = send({ op: 'attach', key: name, value: value.value }, { key: name, before: undefined, after: value.value });
    // Named as its row header names it ("Follow-up date (FollowUpDate)"), as every announcement;
    // not "saving" when it waits for the connection, as its row says (exploratory test).
    const queued = store.getState().chats.get(chatId)?.pending.some((edit) => edit.key === name && edit.status === 'queued');
    if (!refused) {
      const { label } = resolveRule(config, name);
      // Shown while it is saved, then filtered out (exploratory test: it never showed, unsaid).
      const needle = filter.trim().toLocaleLowerCase();
      // (As useCaseDataRows matches a row: key, label or value. Not shared: the first paint's module would export it.)
      const hidden = needle !== '' && ![name, label ?? '', formatValue(value.value)].some((text) => text.toLocaleLowerCase().includes(needle));
      const added = t(queued ? 'caseData.announce.addedQueued' : 'caseData.announce.added', { key: keyShown(name, t, label) });
      const said = hidden ? `${added} ${t('caseData.announce.addedFilteredOut', { filter: filter.trim() })}` : added;
      announce(said);
      // Unsaid once saved, or once it waits no more (writesSaid.ts: "Added Note; saving." read on beside
      // Saved). Through the problems' loader, which a write has asked for: no chunk this one imports.
      problemWording.use(
        ({ writesSaid }) => writesSaid.set(chatId, { text: said, stands: (entry) => entry.pending.some((edit) => edit.key === name && (!queued || edit.status === 'queued')) }),
        () => undefined,
      );
    }
    return refused === null ? null : ({ reason: refused, on } as const);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = add(key, chosen?.rule.type === 'boolean' && text === '' ? 'false' : text);
    setRefused(outcome && { ...outcome, made: { choice, freeKey, text } });
    setOutcomes((count) => count + 1);
    if (!outcome) {
      setFreeKey('');
      setText('');
      setMultiline(false);
    }
  };

  // Escape closes the form; Enter adds from its lists and its date field too, as from its text
  // fields (a browser submits a form on Enter from a text field or a checkbox, not from a list
  // nor a date: exploratory tests); in a box of lines Enter is a new line, and Ctrl+Enter adds,
  // as in the grid's. (On a button, Enter presses it.)
  const submitOnEnter = (event: KeyboardEvent) => {
    // An input method's Enter ends a composition, which a browser's own Enter-to-submit waits out (review).
    // Its key code is 229 during one (isComposing too), and also Safari's Enter just after (isComposing false by then).
    if (event.keyCode === 229) return;
    if (event.key === 'Escape') close();
    const { target } = event;
    if (event.key === 'Enter' && !(target instanceof HTMLButtonElement) && (!(target instanceof HTMLTextAreaElement) || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.current?.requestSubmit();
    }
  };

  return (
    // noValidate: the form's own checks say why, beside the control; the browser's would stop a date typed in part unsaid, in its own bubble.
    <form ref={form} className="add-field" aria-label={t('caseData.add.form')} noValidate onSubmit={submit} onKeyDown={submitOnEnter}>
      {missing.length > 0 || !allowFreeKeys ? (
        <span className="add-field__item">
          <label htmlFor={ids.field}>{t('caseData.add.field')}</label>
          <select id={ids.field} value={choice} onChange={(event) => setChoice(event.target.value)} {...invalid('field')}>
            {missing.map((item) => (
              <option key={item.key} value={item.key}>
                {item.rule.label ? `${item.rule.label} (${item.key})` : item.key}
              </option>
            ))}
            {allowFreeKeys ? <option value={FREE_KEY}>{t('caseData.add.otherKey')}</option> : null}
          </select>
        </span>
      ) : null}
      {choice === FREE_KEY && allowFreeKeys ? (
        <span className="add-field__item">
          <label htmlFor={ids.key}>{t('caseData.add.key')}</label>
          <input id={ids.key} dir="auto" value={freeKey} onChange={(event) => setFreeKey(event.target.value)} autoComplete="off" {...invalid('key')} />
        </span>
      ) : null}
      <span className="add-field__item">
        <label htmlFor={ids.value}>{t('caseData.add.value')}</label>
        {chosen?.rule.options ? (
          <select id={ids.value} value={text} onChange={(event) => setText(event.target.value)} {...invalid('value')}>
            <option value="">{t('caseData.add.choose')}</option>
            {chosen.rule.options.map((option) => (
              <option key={formatValue(option)} value={formatValue(option)}>
                {formatValue(option)}
              </option>
            ))}
          </select>
        ) : chosen?.rule.type === 'boolean' ? (
          <input id={ids.value} type="checkbox" checked={text === 'true'} onChange={(event) => setText(String(event.target.checked))} {...invalid('value')} />
        ) : multiline && (isText || /[\n\r]/.test(text)) ? (
          <>
            <textarea
              id={ids.value}
              dir="auto"
              rows={4}
              value={text}
              onChange={(event) => {
                focusValue.current = !isText && !/[\n\r]/.test(event.target.value);
                setText(event.target.value);
              }}
              spellCheck={false}
              {...invalid('value')}
              aria-describedby={refusal?.on === 'value' ? `${ids.reason} ${ids.hint}` : ids.hint}
            />
            <span id={ids.hint} className="add-field__hint">
              {t('caseData.add.multilineHint')}
            </span>
          </>
        ) : (
          <input
            id={ids.value}
            type={chosen?.rule.type === 'date' ? 'date' : 'text'}
            onPaste={(event) => {
              // A spreadsheet's cell comes with a line break after it: one line still, left to the browser.
              const lines = event.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n').replace(/\n$/, '');
              if (!isText || !lines.includes('\n')) return;
              event.preventDefault();
              const field = event.currentTarget;
              const start = field.selectionStart ?? text.length;
              caretAfterPaste.current = start + lines.length;
              setText(text.slice(0, start) + lines + text.slice(field.selectionEnd ?? start));
              setMultiline(true);
            }}
            inputMode={chosen?.rule.type === 'integer' ? 'numeric' : chosen?.rule.type === 'decimal' ? 'decimal' : undefined}
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
            {...invalid('value')}
          />
        )}
      </span>
      <button type="submit">{t('caseData.add.submit')}</button>
      <button type="button" onClick={close}>
        {t('caseData.add.cancel')}
      </button>
      {refusal ? (
        <p key={outcomes} id={ids.reason} role="alert" className="add-field__reason">
          {refusal.reason}
        </p>
      ) : null}
    </form>
  );
}
