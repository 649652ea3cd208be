import { activeRealisations, type ExpectedVolumes, type Simulation, simulate } from '@regie/core';
import { loadAgreement } from './agreements.ts';
import { realisations } from './budget-signals.ts';
import type { Db } from './client.ts';
import type { Scope } from './scope.ts';
import type { steeringRepository } from './steering.ts';

/**
 * The volume-incentive simulator on a stored agreement (issue 15, SPEC §4.8): its terms, its counted
 * realisations (the run rate for the expected volume) and its chosen relation type. Reads the agreement's own
 * collection only; never writes.
 */
export function simulationRepository(
  db: Db,
  scope: Scope,
  deps: { steering: ReturnType<typeof steeringRepository> },
) {
  return {
    async agreement(
      agreementId: string,
      scenarios?: readonly number[],
      expectedVolumes?: ExpectedVolumes,
    ): Promise<Simulation> {
      const agreement = await loadAgreement(db, scope.reach, agreementId);
      const [entries, steering] = await Promise.all([
        realisations(db, agreement.space, agreement.id),
        deps.steering.get(agreement.id),
      ]);
      return simulate(
        {
          startDate: agreement.startDate,
          endDate: agreement.endDate,
          valueCeilingCents: agreement.valueCeilingCents,
          productLines: agreement.productLines,
          relationType: steering.relation?.chosen ?? null,
        },
        activeRealisations(entries),
        scenarios,
        expectedVolumes,
      );
    },
  };
}
