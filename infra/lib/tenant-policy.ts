/**
 * The tenant-isolation contract between IAM and the key scheme in `packages/db`.
 *
 * Every partition key — of the table and of every index — starts with `<space>#` (e.g. `GM0233#AGR#abc`).
 * The tenant role is assumed with a `space` session tag taken from the verified token, so IAM itself
 * refuses any item whose partition key belongs to another space.
 */

/** Session tag key carrying the caller's space (the CBS code or space id). */
export const SPACE_TAG = 'space';

/** IAM policy variable resolving to the session's `space` tag. Tag values cannot contain `*` or `?`. */
export const SPACE_POLICY_VARIABLE = `\${aws:PrincipalTag/${SPACE_TAG}}`;

/** The `dynamodb:LeadingKeys` pattern: the caller's space followed by the key separator. */
export function leadingKeysPattern(): string {
  return `${SPACE_POLICY_VARIABLE}#*`;
}

/**
 * Item-level actions the tenant role may perform. All of them carry partition keys, so LeadingKeys
 * constrains them; `Scan` is deliberately absent because LeadingKeys cannot constrain it.
 * Transactions are authorised per contained action (PutItem, UpdateItem, ConditionCheckItem, …).
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
