import { isSpace, ROLES, type Role, rolesFitSpace, spaceKind } from '@regie/core';
import type { SpaceRecord, UserRecord } from '@regie/db';

/**
 * The claims Regie reads from a token (packages/api/src/auth.ts): the same shape the local dev issuer signs
 * (packages/local/src/dev-issuer.ts), built here from the same user and space records. Pure.
 */
export interface RegieClaims {
  space: string;
  roles: Role[];
  reach: string[];
  name: string;
}

/** The verifier accepts at most this many spaces in `reach`. */
export const MAX_REACH = 20;

/** Sign-in is refused (Cognito answers the user with a generic error; the reason goes to the log). */
export class SignInRefused extends Error {
  override readonly name = 'SignInRefused';
}

export interface ClaimsInput {
  /** The user's `custom:space` attribute. */
  space: string | undefined;
  /** The Cognito `sub`, which is also the token's subject and the user item's key. */
  userKey: string | undefined;
  user: UserRecord | null;
  spaceRecord: SpaceRecord | null;
}

/** Checks the attribute before any key is built from it. */
export function assertSignInSpace(space: string | undefined): asserts space is string {
  if (!space || !isSpace(space)) throw new SignInRefused('custom:space is missing or not a space');
}

export function regieClaims({ space, userKey, user, spaceRecord }: ClaimsInput): RegieClaims {
  assertSignInSpace(space);
  if (!userKey) throw new SignInRefused('no sub');
  if (!user || user.key !== userKey || user.space !== space) {
    throw new SignInRefused('no Regie user record for this Cognito user in its space');
  }
  // Disabled by the space's administrator (user.update): no new token, whatever Cognito still allows.
  if (user.disabled) throw new SignInRefused('the user is disabled');
  if (!spaceRecord || spaceRecord.space !== space) throw new SignInRefused('the space has no record');
  const roles = [...new Set(user.roles)].filter((role): role is Role =>
    (ROLES as readonly string[]).includes(role),
  );
  if (roles.length === 0) throw new SignInRefused('the user has no role');
  // A provider's user never holds a municipal role, nor a municipality's user a provider's (issue 11 point 7).
  if (!rolesFitSpace(spaceKind(space), roles)) {
    throw new SignInRefused(`a role does not fit a ${spaceKind(space)} space`);
  }
  // A municipality reaches the regions it is a member of; regions and providers reach only themselves.
  const regions =
    spaceKind(space) === 'municipality'
      ? (spaceRecord.memberOf ?? []).filter((region) => isSpace(region) && spaceKind(region) === 'region')
      : [];
  const reach = [...new Set([space, ...regions])];
  if (reach.length > MAX_REACH) throw new SignInRefused(`reach has more than ${MAX_REACH} spaces`);
  return { space, roles, reach, name: user.name || userKey };
}

/** The V2_0 pre token generation response: the same claims in the ID token and the access token. */
export function claimsOverride(claims: RegieClaims) {
  const claimsToAddOrOverride = { ...claims };
  return {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride },
      accessTokenGeneration: { claimsToAddOrOverride },
    },
  };
}
