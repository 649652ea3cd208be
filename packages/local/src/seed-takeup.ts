import { type Db, type Scope, takeupRepository } from '@regie/db';
import { SEED_SPACES, SEED_USERS } from './seed.ts';

/**
 * The members' take-up of RNV-ICT-01 (issue 16 point 3), recorded by the region's coordinator: every member takes
 * the basis package (the catalogue's first service) with its own workstations; Ermelo and Harderwijk take both
 * plus modules, Zeewolde only Zaakgericht werken (not Informatiebeveiliging). Yearly prices per member:
 * Ermelo € 40.000 + 180 × € 150 + 60 × € 120 + € 24.000 = € 98.200; Harderwijk € 40.000 + 220 × € 150 +
 * 70 × € 120 + € 24.000 = € 105.400; Zeewolde € 40.000 + 100 × € 150 + 20 × € 120 = € 57.400.
 */
export const SEED_TAKEUP = [
  {
    member: 'GM0233',
    modules: [
      { serviceId: 'svc-ict-basis', quantity: 180 },
      { serviceId: 'svc-ict-zaak', quantity: 60 },
      { serviceId: 'svc-ict-ibp' },
    ],
  },
  {
    member: 'GM0243',
    modules: [
      { serviceId: 'svc-ict-basis', quantity: 220 },
      { serviceId: 'svc-ict-zaak', quantity: 70 },
      { serviceId: 'svc-ict-ibp' },
    ],
  },
  {
    member: 'GM0050',
    modules: [
      { serviceId: 'svc-ict-basis', quantity: 100 },
      { serviceId: 'svc-ict-zaak', quantity: 20 },
    ],
  },
] as const;

export async function seedTakeup(db: Db): Promise<void> {
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
  const repo = takeupRepository(db, scope);
  for (const t of SEED_TAKEUP) {
    await repo.set({
      agreementId: 'rnv-ict-01',
      member: t.member,
      expectedVersion: 0,
      startDate: '2026-01-01',
      modules: t.modules.map((m) => ({ ...m })),
    });
  }
}
