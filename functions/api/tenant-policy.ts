import { isSpace, spaceKind } from '@regie/core';
import {
  PARTY_VIEW_ACTIONS,
  PARTY_VIEW_KEYS_PATTERN as PARTY_VIEW_KEYS,
  TENANT_ITEM_ACTIONS,
} from '@regie/db/access';
import { tableDefinition } from '@regie/db/table';

export { PARTY_VIEW_ACTIONS, PARTY_VIEW_KEYS, TENANT_ITEM_ACTIONS };

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
