// What the peer grids need on top of the store's rows: a display string, and the way back
// from edited text to a typed value (a number stays a number, as in our grid).

import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { chatQueries, toGwsError, useGwsClient, type UserDataValue } from '../../../src/gws';
import { useChatActions, useChatEntry, useUserDataRows, type UserDataRow } from '../../../src/store';

export type PeerRow = {
  readonly key: string;
  readonly text: string;
  readonly value: UserDataValue;
  readonly status: UserDataRow['status'];
};

function display(value: UserDataValue): string {
  if (value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The chat's rows from the same store selectors our grid uses, mapped once per change. */
export function usePeerRows(chatId: string): PeerRow[] {
  const rows = useUserDataRows(useChatEntry(chatId));
  return useMemo(() => rows.map((row) => ({ key: row.key, text: display(row.value), value: row.value, status: row.status })), [rows]);
}

export function editedValue(edited: unknown, previous: UserDataValue): UserDataValue {
  if (typeof edited === 'number') return edited;
  const text = edited === null || edited === undefined ? '' : String(edited);
  if (typeof previous === 'number' && /^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/**
 * The same UpdateUserData path as src/caseData's (internal) useCaseDataWriter: pending in
 * the store from the moment it is sent, confirmed only by the server's notification.
 */
export function useBenchWriter(): (chatId: string, key: string, value: UserDataValue) => void {
  const client = useGwsClient();
  const actions = useChatActions();
  const { mutate } = useMutation({
    mutationKey: chatQueries.all(client),
    mutationFn: (edit: { chatId: string; key: string; value: UserDataValue; editId: number }) =>
      client.operate(edit.chatId, { operationName: 'UpdateUserData', userData: new Map([[edit.key, edit.value]]) }),
    onSuccess: (accepted, edit) => actions.userDataWriteAccepted(edit.chatId, edit.editId, accepted.referenceId),
    onError: (error, edit) => actions.userDataWriteFailed(edit.chatId, edit.editId, toGwsError(error)),
    retry: false,
  });
  return useCallback(
    (chatId, key, value) => {
      // A write the store queues (outbox closed while offline) is not part of any scenario here.
      const { editId, sendNow } = actions.userDataWriteSent(chatId, { op: 'update', key, value });
      if (sendNow) mutate({ chatId, key, value, editId });
    },
    [actions, mutate],
  );
}
