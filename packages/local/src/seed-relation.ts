import { governanceDefaults, type RelationAnswers } from '@regie/core';
import { createRepositories, type Db, type Scope } from '@regie/db';
import { SEED_SPACES, SEED_USERS } from './seed.ts';

/** A seed user's scope, as the token would give it (seed.ts has its own; this part keeps to its own file). */
function as(userKey: string): Scope {
  const u = SEED_USERS.find((s) => s.key === userKey)!;
  const space = SEED_SPACES.find((s) => s.space === u.space)!;
  return {
    space: u.space,
    reach: [u.space, ...(space.memberOf ?? [])],
    actor: u.key,
    actorName: u.name,
    organisation: u.space,
    roles: u.roles,
  };
}

/** Answers for which the relation designer proposes partnership (a complex task, shared goals). */
const PARTNER_ANSWERS: RelationAnswers = {
  complexity: 'high',
  controlWhat: 'low',
  controlHow: 'low',
  alignment: 'aligned',
};
/** Answers for which it proposes the customer role (a known product, the municipality says what). */
const CUSTOMER_ANSWERS: RelationAnswers = {
  complexity: 'medium',
  controlWhat: 'high',
  controlHow: 'low',
  alignment: 'partial',
};

/**
 * Agreed by both sides (issue 14 point 2): the region's GR carries the partner decision its case concluded,
 * confirmed for the joint body (which has no users in Regie) by the region's coordinator from the board's
 * decision; the Ermelo combination contract ERM-2026-JH02 is decided as customer, Wijkracht asks for a change and
 * Kompas has not answered yet.
 */
export async function seedRelation(db: Db): Promise<void> {
  const region = createRepositories(db, as('noordveluwe.coordinator'));
  const gr = await region.steering.get('rnv-gr-01');
  const decided = await region.steering.update('rnv-gr-01', gr.version, {
    relation: {
      answers: PARTNER_ANSWERS,
      chosen: 'partner',
      governance: governanceDefaults('partner'),
      internalNote: 'Casus regio 2026: vertrouwen in het bestuur is hersteld na de begrotingswijziging.',
    },
  });
  await createRepositories(db, as('noordveluwe.coordinator')).relationConfirm.recordConfirmation({
    agreementId: 'rnv-gr-01',
    round: decided.round,
    party: 'org-sdnv',
    decisionRef: 'AB-besluit 2026-14',
    date: '2026-03-12',
  });

  const manager = createRepositories(db, as('ermelo.contractmanager'));
  const samen = await manager.steering.update('erm-jh-2026-samen', 0, {
    relation: {
      answers: CUSTOMER_ANSWERS,
      chosen: 'customer',
      governance: governanceDefaults('customer'),
    },
    roles: {
      opdrachtgever: { name: 'Team Jeugd', portfolioHolder: 'Wethouder J. Mulder' },
      opdrachtnemer: { name: 'Combinatie Kompas en Wijkracht' },
      ambtelijkOpdrachtgever: { name: 'Regisseur Jeugd' },
      contacts: [
        {
          side: 'municipality',
          name: 'Karim Contractmanager',
          role: 'Contractmanager',
          email: 'contractmanager@ermelo.example',
        },
        {
          side: 'contractor',
          name: 'Fatima el Amrani',
          role: 'Accountmanager Wijkracht',
          email: 'f.elamrani@wijkracht.example',
        },
      ],
    },
  });
  await createRepositories(db, as('wijkracht.signer')).relationConfirm.askChange({
    agreementId: 'erm-jh-2026-samen',
    round: samen.round,
    reason:
      'Gezinsbehandeling vraagt om samen sturen op resultaat. Wij vragen een partnerrelatie met kwartaaloverleg in plaats van maandelijkse verantwoording.',
  });
}
