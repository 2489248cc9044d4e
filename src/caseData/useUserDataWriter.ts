import { useMutation } from '@tanstack/react-query';
import { useCallback } from 'react';
import { chatQueries, toGwsError, useGwsClient, type UserDataValue } from '../gws';
import { useChatActions } from '../store';

type WriteVariables = { readonly chatId: string; readonly key: string; readonly value: UserDataValue; readonly editId: number };

/**
 * Sends the agent's edits as UpdateUserData. The store shows the value as "saving" from
 * the moment it is sent, and only the server's notification makes it confirmed; a
 * failed write keeps the agent's value in place with the reason and a retry.
 */
export function useUserDataWriter() {
  const client = useGwsClient();
  const actions = useChatActions();
  const { mutate } = useMutation({
    mutationKey: chatQueries.all(client),
    mutationFn: ({ chatId, key, value }: WriteVariables) =>
      client.operate(chatId, { operationName: 'UpdateUserData', userData: new Map([[key, value]]) }),
    onSuccess: (accepted, { chatId, editId }) => actions.userDataEditAccepted(chatId, editId, accepted.referenceId),
    onError: (error, { chatId, editId }) => actions.userDataEditFailed(chatId, editId, toGwsError(error)),
    // A write is never repeated behind the agent's back; a failed one shows Retry instead.
    retry: false,
  });

  const save = useCallback(
    (chatId: string, key: string, value: UserDataValue) => {
      const editId = actions.userDataEditSent(chatId, key, value);
      mutate({ chatId, key, value, editId });
    },
    [actions, mutate],
  );

  const discard = useCallback((chatId: string, editId: number) => actions.userDataEditDiscarded(chatId, editId), [actions]);

  return { save, discard };
}
