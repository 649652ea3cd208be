import {
  ICAL_INDEX,
  ICAL_INDEX_KEY_SUFFIXES,
  ICAL_TABLE_KEY_SUFFIXES,
  PARTY_VIEW_ACTIONS,
  PARTY_VIEW_KEYS_PATTERN,
  PUBLIC_READ_ACTIONS,
  PUBLIC_REGISTER_KEY_SUFFIXES,
  SPACE_REGISTRY_KEY,
  TENANT_ITEM_ACTIONS,
} from '@regie/db/access';

export {
  ICAL_INDEX,
  ICAL_INDEX_KEY_SUFFIXES,
  ICAL_TABLE_KEY_SUFFIXES,
  PARTY_VIEW_ACTIONS,
  PARTY_VIEW_KEYS_PATTERN,
  PUBLIC_READ_ACTIONS,
  PUBLIC_REGISTER_KEY_SUFFIXES,
  SPACE_REGISTRY_KEY,
  TENANT_ITEM_ACTIONS,
};
/**
 * The tenant-isolation contract between IAM and the key scheme in `packages/db`.
 *
 * Every partition key — of the table and of every index — starts with `<space>#` (e.g. `GM0233#AGR#abc`).
 * The API function assumes the tenant role per caller with two narrowing layers, both evaluated by IAM:
 *
 * 1. this role's own policy, the outer bound: the session's `space` tag (the caller's home space, required by
 *    the trust policy) or any region (`RG…`), plus write-only party views in provider spaces, plus — for
 *    provider sessions only — municipality and region agreement collections (`GM…#AGR#…`, `RG…#AGR#…`);
 * 2. a session policy (functions/api/tenant-policy.ts) naming exactly the caller's reach, e.g.
 *    `GM0233#*` and `RGNOORDVELUWE#*`, and for a provider delivering a report exactly the one agreement
 *    collection it reports into, e.g. `GM0233#AGR#erm-jh-2025` (StringEquals, no wildcard).
 *
 * A session's permissions are the intersection, so they are exactly the session policy. If a session were
 * ever opened without one, a municipality or region session would still reach no other municipality's or
 * provider's items; a provider session would reach its own space and the agreement collections (`…#AGR#…`)
 * of municipalities and regions, never another provider's space nor a municipality's other partitions. The
 * API never opens one: `assumeRoleInput` (functions/api/tenant-credentials.ts) always sends a session policy.
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
 * Agreement item collections of municipalities and regions (`<owner>#AGR#<id>`: agreement, due items,
 * reports, audit events). The bound for a provider session widened to the collection of an agreement it is
 * party to (SPEC §4.3, docs/steering-design.md); the session policy names the exact keys.
 */
export const AGREEMENT_COLLECTION_KEYS_PATTERNS = ['GM*#AGR#*', 'RG*#AGR#*'] as const;

/** The session tag values of provider sessions (`PV<KvK>`), the only sessions the collection bound applies to. */
export const PROVIDER_SPACE_TAG_PATTERN = 'PV*';

/**
 * What the pre token generation trigger reads: a user's record and its space's record (`<space>#USER#<key>`,
 * `<space>#SPACE`). LeadingKeys sees only partition keys, which is enough to keep it off agreements.
 */
export const SIGN_IN_KEYS_PATTERNS = ['*#USER#*', '*#SPACE'] as const;
