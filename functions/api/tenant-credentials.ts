import { AssumeRoleCommand, type AssumeRoleCommandInput, STSClient } from '@aws-sdk/client-sts';
import type { Identity } from '@regie/api';
import { createDocumentClient, type Db } from '@regie/db';
import { SPACE_TAG, scopeKey, type TenantScope, tenantSessionPolicyJson } from './tenant-policy.ts';

/**
 * Tenant-scoped database handles for the API Lambda (`createApp({ dbFor })`).
 *
 * Per caller scope (home space + sorted reach) the execution environment keeps one DynamoDB document client
 * whose credentials come from STS AssumeRole on the tenant role, with the `space` session tag and the session
 * policy of tenant-policy.ts. The credentials are fetched lazily on the first database call (a request refused
 * before it touches the table costs no STS call) and the SDK refreshes them 5 minutes before they expire.
 * Credentials never leave this module: not in events, not in logs, not in errors.
 */

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export type AssumeRole = (input: AssumeRoleCommandInput) => Promise<TemporaryCredentials>;

export interface TenantDbOptions {
  roleArn: string;
  tableArn: string;
  tableName: string;
  /** STS by default; tests inject a fake. */
  assumeRole?: AssumeRole;
  /** Clients kept per execution environment (least recently used evicted). 342 municipalities fit. */
  maxClients?: number;
  /** Session length; the tenant role allows at most one hour. */
  sessionSeconds?: number;
  /** Called on every STS call with the home space (for a metric); never receives credentials. */
  onAssumeRole?: (space: string) => void;
}

export type DbFor = ((identity: Identity) => Promise<Db>) & { readonly size: () => number };

/** STS AssumeRole; errors carry no credentials (the request holds none, the response is not echoed). */
export function stsAssumeRole(client: STSClient = new STSClient({ maxAttempts: 3 })): AssumeRole {
  return async (input) => {
    const { Credentials: c } = await client.send(new AssumeRoleCommand(input));
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new Error('STS AssumeRole returned no credentials');
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
  };
}

/** The AssumeRole request for one scope. Exported for tests; holds no secret. */
export function assumeRoleInput(
  options: Pick<TenantDbOptions, 'roleArn' | 'tableArn' | 'sessionSeconds'>,
  scope: TenantScope,
): AssumeRoleCommandInput {
  return {
    RoleArn: options.roleArn,
    // Shows the tenant in CloudTrail next to every data call made with these credentials.
    RoleSessionName: `regie-${scope.space}`,
    DurationSeconds: options.sessionSeconds ?? 3600,
    Tags: [{ Key: SPACE_TAG, Value: scope.space }],
    Policy: tenantSessionPolicyJson(options.tableArn, scope),
  };
}

export function createTenantDbFor(options: TenantDbOptions): DbFor {
  const assumeRole = options.assumeRole ?? stsAssumeRole();
  const maxClients = options.maxClients ?? 400;
  const cache = new Map<string, Db>();

  const open = (scope: TenantScope): Db => {
    const input = assumeRoleInput(options, scope); // validates the scope before anything is cached
    const credentials = async () => {
      options.onAssumeRole?.(scope.space);
      return assumeRole(input);
    };
    return { doc: createDocumentClient({ credentials }), tableName: options.tableName };
  };

  const dbFor = async (identity: Identity): Promise<Db> => {
    const scope = { space: identity.space, reach: identity.reach };
    const key = scopeKey(scope);
    let db = cache.get(key);
    if (db) {
      cache.delete(key); // re-insert: the Map's order is the recency order
    } else {
      db = open(scope);
      if (cache.size >= maxClients) {
        const [oldestKey, oldest] = cache.entries().next().value!;
        cache.delete(oldestKey);
        oldest.doc.destroy();
      }
    }
    cache.set(key, db);
    return db;
  };
  return Object.assign(dbFor, { size: () => cache.size });
}
