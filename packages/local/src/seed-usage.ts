import { type Db, type Scope, usageRepository } from '@regie/db';
import { SEED_SPACES, SEED_USERS } from './seed.ts';

/**
 * Two months of measured usage of RNV-ICT-01 (issue 16 point 4), recorded by the region's coordinator for each
 * member with take-up (seed-takeup.ts): workstations of the basis package and licences of Zaakgericht werken.
 * Informatiebeveiliging has a fixed price (nothing to measure) and Zeewolde does not take it.
 *
 * Ermelo's statement for January and February 2026 (docs/features.md works it out by hand):
 * base 2 × € 3.333,34 = € 6.666,68; usage 182 × € 150 / 12 + 185 × € 150 / 12 + 61 × € 120 / 12 + 63 × € 120 / 12
 * = € 5.827,50; module 2 × € 2.000 = € 4.000; definitive € 16.494,18 against provisional € 16.366,68: + € 127,50.
 */
export const SEED_USAGE = [
  { member: 'GM0233', period: '2026-01', basis: 182, zaak: 61 },
  { member: 'GM0233', period: '2026-02', basis: 185, zaak: 63 },
  { member: 'GM0243', period: '2026-01', basis: 218, zaak: 70 },
  { member: 'GM0243', period: '2026-02', basis: 216, zaak: 68 },
  { member: 'GM0050', period: '2026-01', basis: 98, zaak: 20 },
  { member: 'GM0050', period: '2026-02', basis: 101, zaak: 22 },
] as const;

export async function seedUsage(db: Db): Promise<void> {
  const u = SEED_USERS.find((s) => s.key === 'noordveluwe.coordinator')!;
  const space = SEED_SPACES.find((s) => s.space === u.space)!;
  const scope: Scope = {
    space: u.space,
    reach: [u.space, ...(space.memberOf ?? [])],
    actor: u.key,
    actorName: u.name,
    organisation: u.space,
    roles: u.roles,
  };
  const repo = usageRepository(db, scope);
  for (const m of SEED_USAGE) {
    await repo.set({
      agreementId: 'rnv-ict-01',
      member: m.member,
      period: m.period,
      expectedVersion: 0,
      quantities: [
        { serviceId: 'svc-ict-basis', quantity: m.basis },
        { serviceId: 'svc-ict-zaak', quantity: m.zaak },
      ],
    });
  }
}
