import type { QueryClient } from '@tanstack/react-query';
import type { useTRPC } from '../../lib/trpc';

type Trpc = ReturnType<typeof useTRPC>;

/** After a realisation is recorded or corrected: every figure that shows it, on both sides. */
export function refreshBudget(queryClient: QueryClient, trpc: Trpc, agreementId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.budget.get.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.budget.reported.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.budget.statement.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.budget.signals.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id: agreementId }) }),
    queryClient.invalidateQueries({ queryKey: trpc.agreement.find.pathKey() }),
    queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
  ]);
}
