import type { AgreementKind } from './agreement.ts';
import { personKey, type SteeringRoles } from './steering.ts';
import type { Party } from './terms.ts';

/**
 * One agreement's role assignments, with what is needed to tell whether a GR delivers it. A GR's roles of one
 * participating municipality are an assignment of their own, with `member` (and its name) set.
 */
export interface RoleAssignment {
  agreementId: string;
  space: string;
  reference: string;
  title: string;
  kind: AgreementKind;
  parties: readonly Pick<Party, 'role' | 'kind' | 'kvkNumber'>[];
  roles: Pick<SteeringRoles, 'opdrachtgever' | 'eigenaar'>;
  member?: string;
  memberName?: string;
}

export type ConflictSide = Omit<RoleAssignment, 'parties' | 'roles'> & {
  /** Which role the holder has on this agreement. */
  role: 'opdrachtgever' | 'eigenaar';
  roleName: string;
};

/** Where the rule comes from; the page's reason text cites it (nl + en in web/src/i18n/conflicts.ts). */
export const ROLE_CONFLICT_SOURCE = 'SPEC §4.2; DOMAIN.md §(h)';

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
  /** Why it is a conflict: the owned GR delivers the client's DVO, or the holder is client and owner elsewhere. */
  reason: 'delivers' | 'client_and_owner';
  source: typeof ROLE_CONFLICT_SOURCE;
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
  return { ...rest, role, roleName: roles[role]?.name ?? '' };
}

const assignmentId = (a: RoleAssignment) => `${a.space}#${a.agreementId}#${a.member ?? ''}`;

/**
 * Every pair of distinct agreements where the opdrachtgever's portfolio holder of one is the eigenaar's of the
 * other (the same person however typed: `personKey`), whether the roles are the agreement's own or a GR member's.
 * A conflict inside one agreement is `steeringWarnings`'s. Each assignment is counted once however often given.
 * Delivering pairs first, then by holder and references, so the report reads the same every time.
 */
export function crossAgreementConflicts(assignments: readonly RoleAssignment[]): CrossAgreementConflict[] {
  const unique = [...new Map(assignments.map((a) => [assignmentId(a), a])).values()];
  const owners = new Map<string, RoleAssignment[]>();
  for (const a of unique) {
    const holder = a.roles.eigenaar?.portfolioHolder;
    if (!holder) continue;
    const key = personKey(holder);
    owners.set(key, [...(owners.get(key) ?? []), a]);
  }
  const seen = new Set<string>();
  const out: CrossAgreementConflict[] = [];
  for (const client of unique) {
    const holder = client.roles.opdrachtgever?.portfolioHolder;
    if (!holder) continue;
    for (const owner of owners.get(personKey(holder)) ?? []) {
      const id = `${assignmentId(client)}>${assignmentId(owner)}`;
      if (owner.space === client.space && owner.agreementId === client.agreementId) continue;
      if (seen.has(id)) continue;
      seen.add(id);
      const delivers = deliveredBy(client, owner);
      out.push({
        portfolioHolder: holder,
        client: side(client, 'opdrachtgever'),
        owner: side(owner, 'eigenaar'),
        delivers,
        reason: delivers ? 'delivers' : 'client_and_owner',
        source: ROLE_CONFLICT_SOURCE,
      });
    }
  }
  return out.sort(
    (x, y) =>
      Number(y.delivers) - Number(x.delivers) ||
      personKey(x.portfolioHolder).localeCompare(personKey(y.portfolioHolder)) ||
      x.client.reference.localeCompare(y.client.reference) ||
      x.owner.reference.localeCompare(y.owner.reference) ||
      (x.owner.member ?? '').localeCompare(y.owner.member ?? '') ||
      (x.client.member ?? '').localeCompare(y.client.member ?? ''),
  );
}
