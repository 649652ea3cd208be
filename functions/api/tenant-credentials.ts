import type { DbFor as ApiDbFor } from '@regie/api';
import { createDocumentClient, type Db } from '@regie/db';
import { type AssumeRoleInput, createAssumeRole } from './sts.ts';
import { SPACE_TAG, scopeKey, type TenantScope, tenantSessionPolicyJson } from './tenant-policy.ts';

/**
 * Tenant-scoped database handles for the API Lambda (`createApp({ dbFor })`).
 *
 * Per caller scope (home space + sorted reach) the execution environment keeps one DynamoDB document client
 * whose credentials come from STS AssumeRole on the tenant role, with the `space` session tag and the session
 * policy of tenant-policy.ts. A provider request widened to exact agreement collections (`dbFor(identity,
 * { collections })`, a report into a municipality's agreement) gets a client of its own, per scope and sorted
 * collections, kept in a second, smaller cache: those scopes are per agreement, and must not push the tenants'
 * clients out. The credentials are fetched lazily on the first database call (a request refused before it
 * touches the table costs no STS call) and the SDK refreshes them 5 minutes before they expire.
 * Credentials never leave this module: not in events, not in logs, not in errors.
 */

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export type AssumeRole = (input: AssumeRoleInput) => Promise<TemporaryCredentials>;

export interface TenantDbOptions {
  roleArn: string;
  tableArn: string;
  tableName: string;
  /** STS by default; tests inject a fake. */
  assumeRole?: AssumeRole;
  /** Clients kept per execution environment (least recently used evicted). 342 municipalities fit. */
  maxClients?: number;
  /** Clients of widened scopes (provider + agreement collections), kept apart and evicted the same way. */
  maxWidenedClients?: number;
  /** Session length; the tenant role allows at most one hour. */
  sessionSeconds?: number;
  /** Called on every STS call with the home space (for a metric); never receives credentials. */
  onAssumeRole?: (space: string) => void;
  /** Only for tests and benchmarks against DynamoDB Local (which takes any credentials); never set in AWS. */
  endpoint?: string;
}

/** `DbFor` of packages/api, plus the sizes of its two caches (plain scopes, widened scopes). */
export type DbFor = ApiDbFor & { readonly size: () => number; readonly widenedSize: () => number };

let shared: AssumeRole | undefined;

/**
 * STS AssumeRole (functions/api/sts.ts), one client per execution environment; errors carry no credentials (the
 * request holds none, the response is not echoed).
 */
export function stsAssumeRole(): AssumeRole {
  shared ??= createAssumeRole({ maxAttempts: 3 });
  return shared;
}

/** The AssumeRole request for one scope. Exported for tests; holds no secret. */
export function assumeRoleInput(
  options: Pick<TenantDbOptions, 'roleArn' | 'tableArn' | 'sessionSeconds'>,
  scope: TenantScope,
): AssumeRoleInput {
  return {
    RoleArn: options.roleArn,
    // Shows the tenant in CloudTrail next to every data call made with these credentials.
    RoleSessionName: `regie-${scope.space}`,
    DurationSeconds: options.sessionSeconds ?? 3600,
    Tags: [{ Key: SPACE_TAG, Value: scope.space }],
    Policy: tenantSessionPolicyJson(options.tableArn, scope),
  };
}

/** A least-recently-used cache of clients; an evicted client is destroyed (its sockets closed). */
export function clientCache(max: number) {
  const entries = new Map<string, Db>(); // the Map's order is the recency order
  return {
    get size() {
      return entries.size;
    },
    take(key: string, open: () => Db): Db {
      let db = entries.get(key);
      if (db) {
        entries.delete(key); // re-inserted below as the most recent
      } else {
        db = open();
        if (entries.size >= max) {
          const [oldestKey, oldest] = entries.entries().next().value!;
          entries.delete(oldestKey);
          oldest.doc.destroy();
        }
      }
      entries.set(key, db);
      return db;
    },
  };
}

export function createTenantDbFor(options: TenantDbOptions): DbFor {
  const assumeRole = options.assumeRole ?? stsAssumeRole();
  const tenants = clientCache(options.maxClients ?? 400);
  const widened = clientCache(options.maxWidenedClients ?? 100);

  const open = (scope: TenantScope): Db => {
    const input = assumeRoleInput(options, scope); // validates the scope before anything is cached
    const credentials = async () => {
      options.onAssumeRole?.(scope.space);
      return assumeRole(input);
    };
    return {
      doc: createDocumentClient({ credentials, endpoint: options.endpoint }),
      tableName: options.tableName,
    };
  };

  const dbFor: ApiDbFor = async (identity, widen) => {
    const scope: TenantScope = {
      space: identity.space,
      reach: identity.reach,
      collections: widen?.collections ?? [],
    };
    const key = scopeKey(scope); // validates spaces and collections; throws before anything is cached
    const cache = (scope.collections?.length ?? 0) > 0 ? widened : tenants;
    return cache.take(key, () => open(scope));
  };
  return Object.assign(dbFor, { size: () => tenants.size, widenedSize: () => widened.size });
}
