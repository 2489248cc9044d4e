import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { acceptsTyping, draftToValue, isNumberKind, type ValueKind } from './userDataValues';
import type { UserDataValue } from '../gws';

export type EditorClose =
  | { readonly kind: 'commit'; readonly value: UserDataValue; readonly refocus: boolean }
  | { readonly kind: 'cancel' };

type CellEditorProps = {
  readonly fieldKey: string;
  readonly kind: ValueKind;
  readonly initialText: string;
  /** Opened by typing a character: the caret goes after it instead of selecting all. */
  readonly replace: boolean;
  readonly onClose: (close: EditorClose) => void;
};

/**
 * The in-cell editor. Enter commits, Escape cancels, leaving the field (click elsewhere)
 * commits. Numbers get a spinbutton that refuses non-digits as they are typed, with the
 * reason next to the field.
 */
export function CellEditor({ fieldKey, kind, initialText, replace, onClose }: CellEditorProps) {
  const [text, setText] = useState(initialText);
  const [reason, setReason] = useState<string | null>(null);
  const closed = useRef(false);
  const reasonId = useId();
  const numeric = isNumberKind(kind);

  // Focus through a callback ref, not an effect: the editor is usable the moment it mounts.
  const focusOnMount = useCallback(
    (input: HTMLInputElement | null) => {
      if (!input) return;
      input.focus();
      if (replace) input.setSelectionRange(input.value.length, input.value.length);
      else input.select();
    },
    [replace],
  );

  const close = (result: EditorClose) => {
    if (closed.current) return;
    closed.current = true;
    onClose(result);
  };

  const commit = (refocus: boolean) => {
    const checked = draftToValue(kind, text);
    if (!checked.ok) {
      setReason(checked.reason);
      return false;
    }
    close({ kind: 'commit', value: checked.value, refocus });
    return true;
  };

  const step = (direction: 1 | -1) => {
    const current = Number(text || '0');
    if (Number.isFinite(current)) {
      setText(String(current + direction));
      setReason(null);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The grid's own keys must not fire while the agent types.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close({ kind: 'cancel' });
    } else if (event.key === 'Tab') {
      // Commit and return to the cell; the next Tab leaves the grid as usual.
      event.preventDefault();
      commit(true);
    } else if (numeric && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      step(event.key === 'ArrowUp' ? 1 : -1);
    }
  };

  const numericValue = numeric && text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;

  return (
    <span className="cell-editor">
      <input
        ref={focusOnMount}
        className="cell-editor__input"
        type="text"
        role={numeric ? 'spinbutton' : 'textbox'}
        inputMode={numeric ? (kind === 'integer' ? 'numeric' : 'decimal') : undefined}
        aria-valuenow={numericValue}
        aria-label={`Value of ${fieldKey}`}
        aria-invalid={reason ? true : undefined}
        aria-describedby={reason ? reasonId : undefined}
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          const next = event.target.value;
          const allowed = acceptsTyping(kind, next);
          if (allowed.ok) {
            setText(next);
            setReason(null);
          } else {
            setReason(allowed.reason);
          }
        }}
        onKeyDown={onKeyDown}
        // Leaving the field commits; an unfinished number stays open with its reason
        // rather than being thrown away.
        onBlur={() => commit(false)}
      />
      {reason ? (
        <span id={reasonId} className="cell-editor__reason" role="alert">
          {reason}
        </span>
      ) : null}
    </span>
  );
}
