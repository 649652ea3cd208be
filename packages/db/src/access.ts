/**
 * The key scheme's IAM counterpart, shared by the CDK role (infra/lib/tenant-policy.ts) and the per-request
 * session policy (functions/api/tenant-policy.ts) so the two can never drift. Pure constants.
 */

/**
 * Item-level actions a tenant session may perform. All carry partition keys, so `dynamodb:LeadingKeys`
 * constrains them; `Scan` is deliberately absent because LeadingKeys cannot constrain it. Transactions are
 * authorised per contained action (PutItem, UpdateItem, ConditionCheckItem, …).
 */
export const TENANT_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
] as const;

/**
 * A municipality's or region's change projects the provider's party view into the provider's own space in
 * the same transaction (SPEC §2 rule 5, `keys.partyView`): write-only, on `PV<kvk>#AGR#…`; reading a
 * provider space stays impossible for them.
 */
export const PARTY_VIEW_KEYS_PATTERN = 'PV*#AGR#*';
export const PARTY_VIEW_ACTIONS = ['dynamodb:PutItem', 'dynamodb:DeleteItem'] as const;
