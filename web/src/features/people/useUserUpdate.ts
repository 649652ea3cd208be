import type { User, UserUpdateInput } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MutationErrorOptions, useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';

/**
 * `user.update` for one change (roles, or disabled): on success the list is reloaded, on a refusal the reason's
 * text shows (`user.lastAdmin`, `user.selfDisable`, `user.versionConflict` …) and a stale version reloads the list
 * so the next attempt starts from what is stored.
 */
export function useUserUpdate(
  onDone: (user: User, input: UserUpdateInput) => void,
  options: MutationErrorOptions = {},
) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [keyFor] = useState(idempotencyKeys);
  const reload = () => queryClient.invalidateQueries({ queryKey: trpc.user.list.pathKey() });
  const failure = useMutationError({
    messages: {
      invalid: t('people.errors.rejected'),
      forbidden: t('people.errors.forbidden'),
      unknown: t('people.errors.failed'),
      network: t('people.errors.failed'),
    },
    onConflict: () => void reload(),
    ...options,
  });
  const mutation = useMutation({
    mutationFn: (input: UserUpdateInput) => {
      const idempotencyKey = keyFor(input);
      return client.user.update.mutate(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onMutate: () => failure.reset(),
    onSuccess: async (user, input) => {
      onDone(user, input);
      await reload();
    },
    onError: (error) => failure.onError(error),
  });
  return { mutation, failure };
}
