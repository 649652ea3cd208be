import type { AgreementKind } from './agreement.ts';
import { personKey, type SteeringRoles } from './steering.ts';
import type { Party } from './terms.ts';

/** One agreement's role assignments, with what is needed to tell whether a GR delivers it. */
export interface RoleAssignment {
  agreementId: string;
  space: string;
  reference: string;
  title: string;
  kind: AgreementKind;
  parties: readonly Pick<Party, 'role' | 'kind' | 'kvkNumber'>[];
  roles: SteeringRoles;
}

export type ConflictSide = Omit<RoleAssignment, 'parties' | 'roles'> & { roleName: string };

/**
 * SPEC §4.2 across agreements: one portfolio holder is opdrachtgever (client) of one agreement and eigenaar
 * (owner) of another. `delivers` marks the sharpest case: the owned agreement is the GR that delivers the
 * client's DVO, so the wethouder steers the GR as client and as owner at once.
 */
export interface CrossAgreementConflict {
  portfolioHolder: string;
  client: ConflictSide;
  owner: ConflictSide;
  delivers: boolean;
}

/** A DVO names its GR by contracting the GR's openbaar lichaam (the joint body), matched on its KvK number. */
export function deliveredBy(dvo: RoleAssignment, gr: RoleAssignment): boolean {
  if (dvo.kind !== 'service_agreement' || gr.kind !== 'joint_arrangement') return false;
  const bodies = new Set(gr.parties.filter((p) => p.role === 'joint_body').map((p) => p.kvkNumber));
  return dvo.parties.some(
    (p) => p.kind === 'joint_body' && p.role === 'contractor' && bodies.has(p.kvkNumber),
  );
}

function side(a: RoleAssignment, role: 'opdrachtgever' | 'eigenaar'): ConflictSide {
  const { parties: _parties, roles, ...rest } = a;
  return { ...rest, roleName: roles[role]?.name ?? '' };
}

/**
 * Every pair of distinct agreements where the opdrachtgever's portfolio holder of one is the eigenaar's of the
 * other (the same person however typed: `personKey`). A conflict inside one agreement is `steeringWarnings`'s.
 * Delivering pairs first, then by holder and references, so the report reads the same every time.
 */
export function crossAgreementConflicts(assignments: readonly RoleAssignment[]): CrossAgreementConflict[] {
  const owners = new Map<string, RoleAssignment[]>();
  for (const a of assignments) {
    const holder = a.roles.eigenaar?.portfolioHolder;
    if (!holder) continue;
    const key = personKey(holder);
    owners.set(key, [...(owners.get(key) ?? []), a]);
  }
  const seen = new Set<string>();
  const out: CrossAgreementConflict[] = [];
  for (const client of assignments) {
    const holder = client.roles.opdrachtgever?.portfolioHolder;
    if (!holder) continue;
    for (const owner of owners.get(personKey(holder)) ?? []) {
      const id = `${client.space}#${client.agreementId}>${owner.space}#${owner.agreementId}`;
      if (owner.space === client.space && owner.agreementId === client.agreementId) continue;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({
        portfolioHolder: holder,
        client: side(client, 'opdrachtgever'),
        owner: side(owner, 'eigenaar'),
        delivers: deliveredBy(client, owner),
      });
    }
  }
  return out.sort(
    (x, y) =>
      Number(y.delivers) - Number(x.delivers) ||
      personKey(x.portfolioHolder).localeCompare(personKey(y.portfolioHolder)) ||
      x.client.reference.localeCompare(y.client.reference) ||
      x.owner.reference.localeCompare(y.owner.reference),
  );
}
