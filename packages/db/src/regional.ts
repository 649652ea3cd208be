import { actsForOwner, DomainError, takeupCanWrite } from '@regie/core';
import { loadAgreement } from './agreements.ts';
import type { Db } from './client.ts';
import { readSpace } from './directory.ts';
import type { Scope } from './scope.ts';

/** What is kept per member of a region's service agreement, as the messages name it ("take-up", "usage"). */
export type RegionalNoun = 'take-up' | 'usage';

/**
 * A region's service agreement with the region's members, their names and the region's name; any other agreement
 * is a BAD_REQUEST `takeup.notRegional`. Reading follows the agreement's reach (NOT_FOUND outside it).
 */
export async function loadRegional(db: Db, scope: Scope, agreementId: string, noun: RegionalNoun) {
  const agreement = await loadAgreement(db, scope.reach, agreementId);
  const region = await readSpace(db, agreement.space);
  if (agreement.kind !== 'service_agreement' || region?.kind !== 'region') {
    throw new DomainError('BAD_REQUEST', 'takeup.notRegional', {
      field: 'agreementId',
      message: `Only a region's service agreement has ${noun} per member`,
    });
  }
  return {
    agreement,
    members: region.members ?? [],
    names: region.memberNames ?? {},
    ownerName: region.name ?? agreement.space,
  };
}

export type Regional = Awaited<ReturnType<typeof loadRegional>>;

/**
 * The guard of every per-member write: only the region's writers record (FORBIDDEN `takeup.regionOnly`), and only
 * for a member of the region (BAD_REQUEST `takeup.notMember`).
 */
export function assertRegionWritesMember(
  scope: Scope,
  r: Regional,
  member: string,
  noun: RegionalNoun,
): void {
  if (!takeupCanWrite(scope, r.agreement.space)) {
    throw new DomainError('FORBIDDEN', 'takeup.regionOnly', {
      message: actsForOwner(scope, r.agreement.space)
        ? `Recording ${noun} needs a write role`
        : `Only the region records ${noun} per member`,
    });
  }
  if (!r.members.includes(member)) {
    throw new DomainError('BAD_REQUEST', 'takeup.notMember', {
      field: 'member',
      message: 'This municipality is not a member of the region',
    });
  }
}
