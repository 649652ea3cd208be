import { PARTY_VIEW_ACTIONS, PARTY_VIEW_KEYS_PATTERN, TENANT_ITEM_ACTIONS } from '@regie/db/access';

export { PARTY_VIEW_ACTIONS, PARTY_VIEW_KEYS_PATTERN, TENANT_ITEM_ACTIONS };
/**
 * The tenant-isolation contract between IAM and the key scheme in `packages/db`.
 *
 * Every partition key — of the table and of every index — starts with `<space>#` (e.g. `GM0233#AGR#abc`).
 * The API function assumes the tenant role per caller with two narrowing layers, both evaluated by IAM:
 *
 * 1. this role's own policy, the outer bound: the session's `space` tag (the caller's home space, required by
 *    the trust policy) or any region (`RG…`), plus write-only party views in provider spaces;
 * 2. a session policy (functions/api/tenant-policy.ts) naming exactly the caller's reach, e.g.
 *    `GM0233#*` and `RGNOORDVELUWE#*`.
 *
 * A session's permissions are the intersection, so they are exactly the session policy; if a session were
 * ever opened without one, it would still reach no other municipality's or provider's items.
 */

/** Session tag key carrying the caller's home space (the CBS code or space id). */
export const SPACE_TAG = 'space';

/** IAM policy variable resolving to the session's `space` tag. Tag values cannot contain `*` or `?`. */
export const SPACE_POLICY_VARIABLE = `\${aws:PrincipalTag/${SPACE_TAG}}`;

/** The `dynamodb:LeadingKeys` pattern of the home space: the tagged space followed by the key separator. */
export function leadingKeysPattern(): string {
  return `${SPACE_POLICY_VARIABLE}#*`;
}

/** Regions are shared by their member municipalities; which ones a caller reaches is the session policy's job. */
export const REGION_KEYS_PATTERN = 'RG*#*';

/**
 * What the pre token generation trigger reads: a user's record and its space's record (`<space>#USER#<key>`,
 * `<space>#SPACE`). LeadingKeys sees only partition keys, which is enough to keep it off agreements.
 */
export const SIGN_IN_KEYS_PATTERNS = ['*#USER#*', '*#SPACE'] as const;
