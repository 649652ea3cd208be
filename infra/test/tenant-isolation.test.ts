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
import { policyAllows, type Request, type Statement, statementAllows } from './support/iam.ts';

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
  'GM0233#AGR#erm-jh-2025',
  'GM0233#AGR#other',
  'GM0233#SPACE',
  'GM0243#AGR#erm-jh-2025',
  'RGNOORDVELUWE#AGR#rnv-gr-01',
  'PV81234567#AGR#erm-jh-2025',
  'PV40123456#AGR#erm-jh-2025',
];

const COLLECTION = 'GM0233#AGR#erm-jh-2025';

interface Scope {
  space: string;
  reach: string[];
  collections?: string[];
}
const scopes: Scope[] = [
  { space: 'GM0233', reach: ['GM0233', 'RGNOORDVELUWE'] },
  { space: 'GM0344', reach: ['GM0344'] },
  { space: 'RGNOORDVELUWE', reach: ['RGNOORDVELUWE'] },
  { space: 'PV81234567', reach: ['PV81234567'] },
  // Jeugdhulp Kompas delivering a report into Ermelo's agreement (SPEC §4.3).
  { space: 'PV81234567', reach: ['PV81234567'], collections: [COLLECTION] },
  { space: 'PV40123456', reach: ['PV40123456'], collections: [COLLECTION, 'RGNOORDVELUWE#AGR#rnv-gr-01'] },
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
    const name = `${scope.space}${scope.collections ? ` (widened to ${scope.collections.join(', ')})` : ''}`;
    it(`lets a ${name} session do what its session policy allows and nothing more`, () => {
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
        // Effective access: the caller's reach, (municipalities and regions) writing a provider's party view,
        // or (a widened provider) exactly the named collection on the table.
        expect(
          scope.reach.includes(space) ||
            (projection && /^PV\d{8}#AGR#/.test(key!) && !scope.space.startsWith('PV')) ||
            (scope.space.startsWith('PV') &&
              !!scope.collections?.includes(key!) &&
              request.resource === TABLE_ARN),
          JSON.stringify(request),
        ).toBe(true);
        expect(request.action).not.toMatch(/Scan|DescribeTable/);
      }
      expect(allowed).toBeGreaterThan(0);
    });
  }

  describe('a provider widened to one agreement collection', () => {
    const kompas = { space: 'PV81234567', reach: ['PV81234567'] };
    const put = (key: string, resource = TABLE_ARN): Request => ({
      action: 'dynamodb:PutItem',
      resource,
      leadingKeys: [key],
    });
    /** What IAM grants: the role's own policy with the session's tags, intersected with the session policy. */
    const effective = (scope: Scope, request: Request) =>
      policyAllows(tenantSessionPolicy(TABLE_ARN, scope).Statement as Statement[], request) &&
      policyAllows(rolePolicy, request, { space: scope.space });
    const providerStatement = () => rolePolicy.find((s) => s.Sid === 'ProviderAgreementCollections')!;

    it('may PutItem on that exact partition key, not on GM0233#AGR#other and not on GM0233#SPACE', () => {
      const widened = { ...kompas, collections: [COLLECTION] };
      expect(effective(widened, put(COLLECTION))).toBe(true);
      expect(effective(widened, { ...put(COLLECTION), action: 'dynamodb:UpdateItem' })).toBe(true);
      expect(effective(widened, { ...put(COLLECTION), action: 'dynamodb:Query' })).toBe(true);
      expect(effective(widened, put('PV81234567#AGR#erm-jh-2025'))).toBe(true); // its own party view
      for (const key of [
        'GM0233#AGR#other',
        'GM0233#SPACE',
        'GM0233#REG',
        'GM0233#AGR#erm-jh-2025#x',
        'GM0233#AGR#erm-jh-20255',
        'GM0243#AGR#erm-jh-2025',
        'PV40123456#AGR#erm-jh-2025',
      ]) {
        expect(effective(widened, put(key)), key).toBe(false);
      }
      for (const index of tableDefinition.indexes) {
        expect(effective(widened, put(COLLECTION, `${TABLE_ARN}/index/${index.name}`)), index.name).toBe(
          false,
        );
      }
    });

    it('gets nothing of the municipality without a collection in its session policy', () => {
      // The role alone would admit it (the bound), the session policy does not: no statement names the key.
      expect(policyAllows(rolePolicy, put(COLLECTION), { space: 'PV81234567' })).toBe(true);
      expect(effective(kompas, put(COLLECTION))).toBe(false);
      expect(effective({ ...kompas, collections: [] }, put(COLLECTION))).toBe(false);
    });

    it('is the provider statement’s only use: municipality and region sessions get nothing from it', () => {
      const statement = providerStatement();
      expect(statement.Resource).toBe(TABLE_ARN);
      for (const action of ACTIONS) {
        for (const key of SAMPLE_KEYS) {
          const request = { action, resource: TABLE_ARN, leadingKeys: [key] };
          for (const space of ['GM0233', 'GM0243', 'RGNOORDVELUWE']) {
            expect(statementAllows(statement, request, { space }), `${space} ${action} ${key}`).toBe(false);
          }
          // Without the tag neither (the trust policy demands it anyway).
          expect(statementAllows(statement, request, {}), `${action} ${key}`).toBe(false);
        }
      }
      // A municipality's session policy never carries collections: the session policy refuses to widen it.
      expect(() =>
        tenantSessionPolicy(TABLE_ARN, { space: 'GM0243', reach: [], collections: [COLLECTION] }),
      ).toThrow(/Only provider scopes/);
      // …and a GM0243 session given the Collections statement anyway would still be denied by the role.
      const forged: Statement[] = [
        { ...tenantSessionPolicy(TABLE_ARN, { ...kompas, collections: [COLLECTION] }).Statement.at(-1)! },
      ];
      expect(policyAllows(forged, put(COLLECTION))).toBe(true);
      expect(policyAllows(rolePolicy, put(COLLECTION), { space: 'GM0243' })).toBe(false);
    });

    it('admits only agreement collections of municipalities and regions, for provider sessions only', () => {
      const statement = providerStatement();
      const get = (key: string) => ({ action: 'dynamodb:GetItem', resource: TABLE_ARN, leadingKeys: [key] });
      for (const key of ['GM0233#AGR#erm-jh-2025', 'RGNOORDVELUWE#AGR#rnv-gr-01']) {
        expect(statementAllows(statement, get(key), { space: 'PV81234567' }), key).toBe(true);
      }
      for (const key of [
        'GM0233#SPACE',
        'GM0233#REG',
        'GM0233#USER#u',
        'PV40123456#AGR#a',
        'PV40123456#ORG#o',
      ]) {
        expect(statementAllows(statement, get(key), { space: 'PV81234567' }), key).toBe(false);
      }
    });
  });

  it('keeps a session without a session policy away from other municipalities and providers', () => {
    const tags = { space: 'GM0233' };
    const get = (key: string) => ({ action: 'dynamodb:GetItem', resource: TABLE_ARN, leadingKeys: [key] });
    expect(policyAllows(rolePolicy, get('GM0233#AGR#a'), tags)).toBe(true);
    for (const key of ['GM0243#AGR#a', 'PV81234567#AGR#a', 'PV81234567#ORG#o']) {
      expect(policyAllows(rolePolicy, get(key), tags), key).toBe(false);
    }
    // No tag, no home space.
    expect(policyAllows(rolePolicy, get('GM0233#AGR#a'), {})).toBe(false);
    // A provider session without one (the API never opens such a session: assumeRoleInput always sends a
    // policy) would reach its own space and agreement collections, never another provider's space or a
    // municipality's other items.
    const provider = { space: 'PV81234567' };
    for (const key of ['PV81234567#ORG#o', 'GM0233#AGR#a', 'RGNOORDVELUWE#AGR#a']) {
      expect(policyAllows(rolePolicy, get(key), provider), key).toBe(true);
    }
    for (const key of [
      'PV40123456#AGR#a',
      'PV40123456#ORG#o',
      'GM0233#SPACE',
      'GM0233#USER#u',
      'GM0233#REG',
    ]) {
      expect(policyAllows(rolePolicy, get(key), provider), key).toBe(false);
    }
  });
});
