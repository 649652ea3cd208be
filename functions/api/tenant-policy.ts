import { isSpace, spaceKind } from '@regie/core';
import { tableDefinition } from '@regie/db/table';

/**
 * The STS session policy that scopes one caller's database credentials (issue 6 point 2).
 *
 * The tenant role's own policy (infra/lib/tenant-policy.ts) is the outer bound: the session's `space` tag
 * plus any region, and write-only party views. A session policy can only narrow that, so the effective
 * permissions of a session are exactly what this document allows: the item actions, on the table and its
 * indexes, for partition keys starting with `<space>#` for each space in the caller's reach — the same
 * prefix `keys.*` in packages/db writes (proven in tenant-policy.test.ts).
 *
 * Pure: used by tenant-credentials.ts at run time and by the tests.
 */

/** Item-level actions; all carry partition keys, so LeadingKeys constrains them. No Scan, no table admin. */
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
 * the same transaction (SPEC §2 rule 5, `keys.partyView`). Those writes are allowed, write-only and without
 * returned values, on `PV<kvk>#AGR#…`; reading a provider space stays impossible.
 */
export const PARTY_VIEW_ACTIONS = ['dynamodb:PutItem', 'dynamodb:DeleteItem'] as const;
export const PARTY_VIEW_KEYS = 'PV*#AGR#*';

/** Session tag carrying the caller's home space; the tenant role's trust and own policy rely on it. */
export const SPACE_TAG = 'space';

/** STS refuses session policies over 2,048 characters. */
export const MAX_SESSION_POLICY_CHARS = 2048;

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition: Record<string, Record<string, string | string[]>>;
}
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export interface TenantScope {
  /** The caller's home space (the session tag). */
  space: string;
  /** Every space the caller may reach; the home space is always added. */
  reach: readonly string[];
}

/** The caller's spaces, validated, de-duplicated and sorted: the identity of a cached session. */
export function scopeSpaces(scope: TenantScope): string[] {
  const spaces = [...new Set([scope.space, ...scope.reach])].sort();
  for (const space of spaces) {
    // A space is the only caller-derived text in the policy: anything but a valid space (e.g. a `*`) is refused.
    if (!isSpace(space)) throw new Error(`Invalid space in scope: ${JSON.stringify(space)}`);
  }
  return spaces;
}

/** Cache key of a tenant session: the home space (tag) and the sorted reach (policy). */
export function scopeKey(scope: TenantScope): string {
  return `${scope.space}|${scopeSpaces(scope).join(',')}`;
}

/** One `dynamodb:LeadingKeys` pattern per space: the space followed by the key separator. */
export function leadingKeyPatterns(scope: TenantScope): string[] {
  return scopeSpaces(scope).map((space) => `${space}#*`);
}

/** The table ARN and one ARN per index of the shared table definition (no `index/*` wildcard). */
export function tableResources(tableArn: string): string[] {
  return [tableArn, ...tableDefinition.indexes.map((index) => `${tableArn}/index/${index.name}`)];
}

export function tenantSessionPolicy(tableArn: string, scope: TenantScope): PolicyDocument {
  if (!/^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]+$/.test(tableArn)) {
    throw new Error(`Not a DynamoDB table ARN: ${tableArn}`);
  }
  const statements: PolicyStatement[] = [
    {
      Sid: 'Reach',
      Effect: 'Allow',
      Action: [...TENANT_ITEM_ACTIONS],
      Resource: tableResources(tableArn),
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeyPatterns(scope) } },
    },
  ];
  // Provider users never project into other spaces; municipalities and regions do.
  if (spaceKind(scope.space) !== 'provider') {
    statements.push({
      Sid: 'PartyViews',
      Effect: 'Allow',
      Action: [...PARTY_VIEW_ACTIONS],
      Resource: [tableArn],
      Condition: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [PARTY_VIEW_KEYS] },
        StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
      },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

/** The policy as STS receives it (compact JSON), checked against the STS size limit. */
export function tenantSessionPolicyJson(tableArn: string, scope: TenantScope): string {
  const json = JSON.stringify(tenantSessionPolicy(tableArn, scope));
  if (json.length > MAX_SESSION_POLICY_CHARS) {
    throw new Error(`Session policy is ${json.length} characters; STS allows ${MAX_SESSION_POLICY_CHARS}`);
  }
  return json;
}
