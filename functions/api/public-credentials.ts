import { isCbsMunicipalityCode, isSpace } from '@regie/core';
import { createDocumentClient, type Db } from '@regie/db';
import {
  ICAL_INDEX,
  ICAL_INDEX_KEY_SUFFIXES,
  ICAL_TABLE_KEY_SUFFIXES,
  PUBLIC_REGISTER_KEY_SUFFIXES,
} from '@regie/db/access';
import type { AssumeRoleInput } from './sts.ts';
import { type AssumeRole, clientCache, stsAssumeRole } from './tenant-credentials.ts';
import { MAX_SESSION_POLICY_CHARS, type PolicyDocument, SPACE_TAG } from './tenant-policy.ts';

/**
 * Database handles of the anonymous routes (issue 17): the public Woo register (`/public/<CBS>/…`, API function)
 * and the personal iCal feeds (`/ical/<space>/<secret>.ics`, files function). They read with a role of their own
 * — GetItem and Query only, on the few partitions of one space each route needs — and keep their clients in a
 * small cache of their own, so anonymous callers can never push a tenant's client out of the tenants' cache.
 * Routes ask only after the space registry (`createSpaceRegistry`) has said the space exists: a made-up space
 * never gets here, so it costs no STS call.
 */
export type PublicRoute = 'register' | 'ical';

export interface PublicDbOptions {
  roleArn: string;
  tableArn: string;
  tableName: string;
  assumeRole?: AssumeRole;
  /** Clients kept per execution environment; least recently used evicted. */
  maxClients?: number;
  sessionSeconds?: number;
  onAssumeRole?: (space: string) => void;
  /** Only for tests against DynamoDB Local (which takes any credentials); never set in AWS. */
  endpoint?: string;
}

export type PublicDbFor = ((route: PublicRoute, space: string) => Promise<Db>) & {
  readonly size: () => number;
};

/** The session policy of one route and one space: exact partition keys, read actions only. */
export function publicSessionPolicy(tableArn: string, route: PublicRoute, space: string): PolicyDocument {
  if (!/^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[A-Za-z0-9_.-]+$/.test(tableArn)) {
    throw new Error(`Not a DynamoDB table ARN: ${tableArn}`);
  }
  if (route === 'register') {
    if (!isCbsMunicipalityCode(space)) throw new Error(`Not a municipality: ${JSON.stringify(space)}`);
    return {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PublicRegister',
          Effect: 'Allow',
          Action: ['dynamodb:GetItem', 'dynamodb:Query'],
          Resource: [tableArn],
          Condition: {
            'ForAllValues:StringEquals': {
              'dynamodb:LeadingKeys': PUBLIC_REGISTER_KEY_SUFFIXES.map((s) => `${space}#${s}`),
            },
          },
        },
      ],
    };
  }
  if (!isSpace(space)) throw new Error(`Invalid space: ${JSON.stringify(space)}`);
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'IcalFeedAndUser',
        Effect: 'Allow',
        Action: ['dynamodb:GetItem'],
        Resource: [tableArn],
        Condition: {
          'ForAllValues:StringLike': {
            'dynamodb:LeadingKeys': ICAL_TABLE_KEY_SUFFIXES.map((s) => `${space}#${s}`),
          },
        },
      },
      {
        Sid: 'IcalDates',
        Effect: 'Allow',
        Action: ['dynamodb:Query'],
        Resource: [`${tableArn}/index/${ICAL_INDEX}`],
        Condition: {
          'ForAllValues:StringEquals': {
            'dynamodb:LeadingKeys': ICAL_INDEX_KEY_SUFFIXES.map((s) => `${space}#${s}`),
          },
        },
      },
    ],
  };
}

export function publicAssumeRoleInput(
  options: Pick<PublicDbOptions, 'roleArn' | 'tableArn' | 'sessionSeconds'>,
  route: PublicRoute,
  space: string,
): AssumeRoleInput {
  const policy = JSON.stringify(publicSessionPolicy(options.tableArn, route, space));
  if (policy.length > MAX_SESSION_POLICY_CHARS) throw new Error('Public session policy too long');
  return {
    RoleArn: options.roleArn,
    RoleSessionName: `regie-${route}-${space}`,
    DurationSeconds: options.sessionSeconds ?? 3600,
    Tags: [{ Key: SPACE_TAG, Value: space }],
    Policy: policy,
  };
}

export function createPublicDbFor(options: PublicDbOptions): PublicDbFor {
  const assumeRole = options.assumeRole ?? stsAssumeRole();
  const cache = clientCache(options.maxClients ?? 50);
  const dbFor = async (route: PublicRoute, space: string): Promise<Db> => {
    const input = publicAssumeRoleInput(options, route, space); // validates before anything is cached
    return cache.take(`${route}|${space}`, () => ({
      doc: createDocumentClient({
        endpoint: options.endpoint,
        credentials: async () => {
          options.onAssumeRole?.(space);
          return assumeRole(input);
        },
      }),
      tableName: options.tableName,
    }));
  };
  return Object.assign(dbFor, { size: () => cache.size });
}
