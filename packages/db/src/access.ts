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

/*
 * The regional benchmark job (issue 15; packages/db/src/benchmark.ts, infra/lib/stacks/jobs-stack.ts). Its own role
 * reaches only these partitions; a participant's own data it reads only through a read-only session of the
 * benchmark read role, tagged with that participant's space.
 */
/** The platform's list of spaces (`platformKeys.spaces`): which regions there are. */
export const PLATFORM_SPACES_KEY = 'PLATFORM#SPACES';
/** A region's own record (`keys.space`): its members and their names. */
export const REGION_RECORD_KEYS_PATTERN = 'RG*#SPACE';
/** A region's benchmark partition (`keys.benchmark`): opt-in markers, contributions, the computed benchmark. */
export const BENCHMARK_KEYS_PATTERN = 'RG*#BENCH';
export const BENCHMARK_PARTITION_ACTIONS = [
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
] as const;
/** What a participant's read session may do on its own space: read, nothing else. */
export const BENCHMARK_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
] as const;
/** The session tag values the read role admits: municipalities and regions, never a provider. */
export const BENCHMARK_READ_TAG_PATTERNS = ['GM*', 'RG*'] as const;

/**
 * The anonymous routes (issue 17) read with a role of their own: these two actions only, never a write.
 * `Query` on the table (the public register) and on the dated index (an iCal feed); `GetItem` on the table.
 */
export const PUBLIC_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query'] as const;

/**
 * The partition keys, after `<space>#`, that a public Woo register reads (`keys.space`, `keys.publicRegister`)
 * and that an iCal feed reads (`keys.icalFeed`, `keys.user`; on gsi1 the dated partitions of `readDeadlines`).
 */
export const PUBLIC_REGISTER_KEY_SUFFIXES = ['SPACE', 'PUB'] as const;
export const ICAL_TABLE_KEY_SUFFIXES = ['ICAL#*', 'USER#*'] as const;
export const ICAL_INDEX_KEY_SUFFIXES = ['DEADLINES', 'DUE', 'ESCOPEN', 'NOTIFOPEN'] as const;
/** The index the iCal feed's dated partitions live on. */
export const ICAL_INDEX = 'gsi1';

/**
 * The platform's list of spaces (`platformKeys.spaces`): the one partition the functions' own roles may read
 * (GetItem only), so a public route can tell an unknown space before it assumes any role.
 */
export const SPACE_REGISTRY_KEY = PLATFORM_SPACES_KEY;
