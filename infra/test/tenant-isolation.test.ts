import { tableDefinition } from '@regie/db/table';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  TENANT_ITEM_ACTIONS as SESSION_ITEM_ACTIONS,
  tenantSessionPolicy,
} from '../../functions/api/tenant-policy.ts';
import { devConfig } from '../lib/config.ts';
import { featureFlags } from '../lib/feature-flags.ts';
import { defineRegie } from '../lib/regie-app.ts';
import { TENANT_ITEM_ACTIONS } from '../lib/tenant-policy.ts';
import { policyAllows, type Request, type Statement } from './support/iam.ts';

/**
 * The two layers of tenant isolation evaluated together, as IAM does: the tenant role's own policy (from the
 * synthesised template) and the session policy the API function sends with AssumeRole
 * (functions/api/tenant-policy.ts). A session may do exactly what both allow.
 */
const TABLE_ARN = 'arn:aws:dynamodb:eu-central-1:123456789012:table/Regie-dev-Data-Table-ABC';

/** Replaces the imported table ARN in CloudFormation resource values by a concrete ARN. */
function resolve(value: unknown): unknown {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(resolve);
  const object = value as Record<string, unknown>;
  if (typeof object['Fn::ImportValue'] === 'string' && /Table.*Arn/.test(object['Fn::ImportValue'])) {
    return TABLE_ARN;
  }
  if (Array.isArray(object['Fn::Join'])) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(resolve).join(separator);
  }
  throw new Error(`unresolvable ${JSON.stringify(value)}`);
}

let rolePolicy: Statement[];

beforeAll(() => {
  const app = new App({ context: { ...featureFlags, 'aws:cdk:bundling-stacks': [] } });
  const template = Template.fromStack(defineRegie(app, devConfig({})).api);
  const [roleId] = Object.keys(template.findResources('AWS::IAM::Role')).filter((id) =>
    id.startsWith('TenantDataRole'),
  );
  rolePolicy = Object.values(template.findResources('AWS::IAM::Policy'))
    .map(
      (p) =>
        (p as { Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } } })
          .Properties,
    )
    .filter((p) => p.Roles.some((r) => r.Ref === roleId))
    .flatMap((p) => p.PolicyDocument.Statement)
    .map((s) => ({ ...s, Resource: resolve(s.Resource) }));
});

const resources = [TABLE_ARN, ...tableDefinition.indexes.map((index) => `${TABLE_ARN}/index/${index.name}`)];
const ACTIONS = [...TENANT_ITEM_ACTIONS, 'dynamodb:Scan', 'dynamodb:DescribeTable'];
const SAMPLE_KEYS = [
  'GM0233#AGR#a',
  'GM0233#REG',
  'GM0243#AGR#a',
  'GM0050#USER#u',
  'GM02330#AGR#a',
  'RGNOORDVELUWE#AGR#a',
  'RGANDERS#REG',
  'PV81234567#AGR#a',
  'PV81234567#ORG#o',
  'PV40123456#AGR#a',
];

const scopes = [
  { space: 'GM0233', reach: ['GM0233', 'RGNOORDVELUWE'] },
  { space: 'GM0344', reach: ['GM0344'] },
  { space: 'RGNOORDVELUWE', reach: ['RGNOORDVELUWE'] },
  { space: 'PV81234567', reach: ['PV81234567'] },
];

function requests(): Request[] {
  return ACTIONS.flatMap((action) =>
    resources.flatMap((resource) =>
      SAMPLE_KEYS.flatMap((key) =>
        [undefined, 'ALL_OLD'].map((returnValues) => ({
          action,
          resource,
          leadingKeys: [key],
          returnValues,
        })),
      ),
    ),
  );
}

describe('tenant isolation: role policy and session policy together', () => {
  it('uses the same item actions in the role and in the session policy', () => {
    expect([...SESSION_ITEM_ACTIONS]).toEqual([...TENANT_ITEM_ACTIONS]);
  });

  for (const scope of scopes) {
    it(`lets a ${scope.space} session do what its session policy allows and nothing more`, () => {
      const session = tenantSessionPolicy(TABLE_ARN, scope).Statement as Statement[];
      const tags = { space: scope.space };
      let allowed = 0;
      for (const request of requests()) {
        const bySession = policyAllows(session, request);
        const byRole = policyAllows(rolePolicy, request, tags);
        // Everything the session policy grants is inside the role's bound: no silent denials in AWS.
        if (bySession) expect(byRole, JSON.stringify(request)).toBe(true);
        const effective = bySession && byRole;
        if (!effective) continue;
        allowed++;
        const [key] = request.leadingKeys;
        const space = key!.split('#')[0]!;
        const projection = request.action === 'dynamodb:PutItem' || request.action === 'dynamodb:DeleteItem';
        // Effective access: the caller's reach, or (municipalities and regions) writing a provider's party view.
        expect(
          scope.reach.includes(space) ||
            (projection && /^PV\d{8}#AGR#/.test(key!) && !scope.space.startsWith('PV')),
          JSON.stringify(request),
        ).toBe(true);
        expect(request.action).not.toMatch(/Scan|DescribeTable/);
      }
      expect(allowed).toBeGreaterThan(0);
    });
  }

  it('keeps a session without a session policy away from other municipalities and providers', () => {
    const tags = { space: 'GM0233' };
    const get = (key: string) => ({ action: 'dynamodb:GetItem', resource: TABLE_ARN, leadingKeys: [key] });
    expect(policyAllows(rolePolicy, get('GM0233#AGR#a'), tags)).toBe(true);
    for (const key of ['GM0243#AGR#a', 'PV81234567#AGR#a', 'PV81234567#ORG#o']) {
      expect(policyAllows(rolePolicy, get(key), tags), key).toBe(false);
    }
    // No tag, no home space.
    expect(policyAllows(rolePolicy, get('GM0233#AGR#a'), {})).toBe(false);
  });
});
