import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { chatQueries, toGwsError, useGwsClient, type ChatOperation } from '../gws';
import { useChatActions, type HistoryStep, type UserDataWrite } from '../store';

type WriteVariables = { readonly chatId: string; readonly write: UserDataWrite; readonly editId: number };

function toOperation(write: UserDataWrite): ChatOperation {
  switch (write.op) {
    case 'update':
      return { operationName: 'UpdateUserData', userData: new Map([[write.key, write.value]]) };
    case 'attach':
      return { operationName: 'AttachUserData', userData: new Map([[write.key, write.value]]) };
    case 'delete':
      return { operationName: 'DeleteUserData', keys: [write.key] };
  }
}

/**
 * Sends the agent's writes (UpdateUserData, AttachUserData, DeleteUserData). The store
 * shows a write as pending from the moment it is sent, and only the server's
 * notification makes it confirmed; a failed write stays in place with the reason.
 */
export function useCaseDataWriter() {
  const client = useGwsClient();
  const actions = useChatActions();
  const { mutate } = useMutation({
    mutationKey: chatQueries.all(client),
    mutationFn: ({ chatId, write }: WriteVariables) => client.operate(chatId, toOperation(write)),
    onSuccess: (accepted, { chatId, editId }) => actions.userDataWriteAccepted(chatId, editId, accepted.referenceId),
    onError: (error, { chatId, editId }) => actions.userDataWriteFailed(chatId, editId, toGwsError(error)),
    // A write is never repeated behind the agent's back; a failed one offers Retry instead.
    retry: false,
  });

  /** Callers validate first (validation.ts); `step` records the write for undo. */
  const send = useCallback(
    (chatId: string, write: UserDataWrite, step: HistoryStep | null) => {
      const editId = actions.userDataWriteSent(chatId, write);
      if (step) actions.historyRecorded(chatId, step);
      mutate({ chatId, write, editId });
    },
    [actions, mutate],
  );

  const retry = useCallback(
    (chatId: string, editId: number, failed: UserDataWrite) => {
      actions.userDataWriteDiscarded(chatId, editId);
      // Only the write itself goes again, not the failed attempt's status or error.
      const write: UserDataWrite =
        failed.op === 'delete' ? { op: 'delete', key: failed.key } : { op: failed.op, key: failed.key, value: failed.value };
      send(chatId, write, null);
    },
    [actions, send],
  );

  const discard = useCallback((chatId: string, editId: number) => actions.userDataWriteDiscarded(chatId, editId), [actions]);

  return { send, retry, discard };
}
