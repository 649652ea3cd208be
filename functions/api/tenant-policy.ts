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

/**
 * An agreement item collection of a municipality or region (`<owner>#AGR#<id>`, SPEC §4.3): the only partition
 * keys a provider session may be widened to. Anchored, no wildcard can pass (ids are `[0-9a-z-]{1,40}`).
 */
export const COLLECTION_PATTERN = /^(GM\d{4}|RG[A-Z0-9]{2,30})#AGR#[0-9a-z-]{1,40}$/;

/** A submission needs one collection; a few keep the policy well inside the STS size limit. */
export const MAX_COLLECTIONS = 5;

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
  /**
   * Exact partition keys beyond the reach: agreement item collections a provider reports into (the repository
   * asks for them after reading its own party view; packages/db/src/reports.ts). Provider scopes only.
   */
  collections?: readonly string[];
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

/**
 * The widened collections, validated, de-duplicated and sorted. Refused: anything but an exact municipality or
 * region agreement collection, more than MAX_COLLECTIONS, and any collection on a non-provider scope (the
 * tenant role admits exact collections for provider sessions only; municipalities and regions have their reach).
 */
export function scopeCollections(scope: TenantScope): string[] {
  const collections = [...new Set(scope.collections ?? [])].sort();
  if (collections.length === 0) return collections;
  if (!isSpace(scope.space) || spaceKind(scope.space) !== 'provider') {
    throw new Error(`Only provider scopes are widened to collections, not ${JSON.stringify(scope.space)}`);
  }
  if (collections.length > MAX_COLLECTIONS) {
    throw new Error(`Too many collections in scope: ${collections.length} (at most ${MAX_COLLECTIONS})`);
  }
  for (const collection of collections) {
    if (!COLLECTION_PATTERN.test(collection)) {
      throw new Error(`Invalid collection in scope: ${JSON.stringify(collection)}`);
    }
  }
  return collections;
}

/**
 * Cache key of a tenant session: the home space (tag), the sorted reach and the sorted collections (policy), so
 * a widened client is never handed to a request of another scope, nor a plain one to a widened request.
 */
export function scopeKey(scope: TenantScope): string {
  const base = `${scope.space}|${scopeSpaces(scope).join(',')}`;
  const collections = scopeCollections(scope);
  return collections.length > 0 ? `${base}|${collections.join(',')}` : base;
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
  // A provider widened to exact agreement collections (a report into the municipality's agreement): the item
  // actions on the table (a collection has no index partitions of its own) for exactly those partition keys.
  // StringEquals, not StringLike: no pattern, so `GM0233#AGR#a` never admits `GM0233#AGR#ab` or `GM0233#…`.
  const collections = scopeCollections(scope);
  if (collections.length > 0) {
    statements.push({
      Sid: 'Collections',
      Effect: 'Allow',
      Action: [...TENANT_ITEM_ACTIONS],
      Resource: [tableArn],
      Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': collections } },
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
