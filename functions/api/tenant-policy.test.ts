import { keys } from '@regie/db';
import { tableDefinition } from '@regie/db/table';
import { describe, expect, it } from 'vitest';
import { iamStringLike, policyAllows, type Request } from '../../infra/test/support/iam.ts';
import {
  COLLECTION_PATTERN,
  leadingKeyPatterns,
  MAX_COLLECTIONS,
  MAX_SESSION_POLICY_CHARS,
  PARTY_VIEW_KEYS,
  scopeKey,
  TENANT_ITEM_ACTIONS,
  tenantSessionPolicy,
  tenantSessionPolicyJson,
} from './tenant-policy.ts';

const TABLE_ARN =
  'arn:aws:dynamodb:eu-central-1:123456789012:table/Regie-dev-Data-TableCD117FA1-1A2B3C4D5E6F';
const INDEX_ARNS = tableDefinition.indexes.map((index) => `${TABLE_ARN}/index/${index.name}`);
const ermelo = { space: 'GM0233', reach: ['GM0233', 'RGNOORDVELUWE'] };
const COLLECTION = keys.agreement('GM0233', 'erm-jh-2025').pk;
/** Jeugdhulp Kompas delivering a report into Ermelo's agreement erm-jh-2025. */
const kompasReporting = { space: 'PV81234567', reach: ['PV81234567'], collections: [COLLECTION] };

const get = (leadingKey: string, resource = TABLE_ARN): Request => ({
  action: 'dynamodb:GetItem',
  resource,
  leadingKeys: [leadingKey],
});

describe('tenant session policy', () => {
  it('allows exactly GM0233#* and RGNOORDVELUWE#* for reach [GM0233, RGNOORDVELUWE]', () => {
    const policy = tenantSessionPolicy(TABLE_ARN, ermelo);
    const reach = policy.Statement.find((s) => s.Sid === 'Reach')!;
    expect(reach.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['GM0233#*', 'RGNOORDVELUWE#*'] },
    });
    expect(reach.Action).toEqual([...TENANT_ITEM_ACTIONS]);
    expect(reach.Action).not.toContain('dynamodb:Scan');
    expect(reach.Resource).toEqual([TABLE_ARN, ...INDEX_ARNS]);
    // Nothing else in the whole document can grant a read.
    const others = policy.Statement.filter((s) => s !== reach);
    for (const statement of others) {
      expect(statement.Action).toEqual(['dynamodb:PutItem', 'dynamodb:DeleteItem']);
    }
  });

  it('lets IAM admit the caller’s keys and no other space’s', () => {
    const { Statement } = tenantSessionPolicy(TABLE_ARN, ermelo);
    expect(policyAllows(Statement, get('GM0233#AGR#abc'))).toBe(true);
    expect(policyAllows(Statement, get('RGNOORDVELUWE#REG', INDEX_ARNS[0]))).toBe(true);
    for (const foreign of [
      'GM0243#AGR#abc',
      'GM02330#AGR#abc',
      'RGNOORD#AGR#x',
      'PV81234567#AGR#x',
      'GM0233',
    ]) {
      expect(policyAllows(Statement, get(foreign)), foreign).toBe(false);
    }
    // A batch is refused as a whole when one key is outside the reach (ForAllValues).
    const batch = {
      action: 'dynamodb:BatchGetItem',
      resource: TABLE_ARN,
      leadingKeys: ['GM0233#AGR#a', 'GM0243#AGR#a'],
    };
    expect(policyAllows(Statement, batch)).toBe(false);
  });

  it('lets a municipality project party views into provider spaces, write-only, without returned values', () => {
    const { Statement } = tenantSessionPolicy(TABLE_ARN, ermelo);
    const view = keys.partyView('PV81234567', 'agr-1').pk;
    expect(iamStringLike(PARTY_VIEW_KEYS, view)).toBe(true);
    const put = { action: 'dynamodb:PutItem', resource: TABLE_ARN, leadingKeys: [view] };
    expect(policyAllows(Statement, put)).toBe(true);
    expect(policyAllows(Statement, { ...put, action: 'dynamodb:DeleteItem' })).toBe(true);
    expect(policyAllows(Statement, { ...put, returnValues: 'ALL_OLD' })).toBe(false);
    expect(policyAllows(Statement, { ...put, action: 'dynamodb:GetItem' })).toBe(false);
    expect(policyAllows(Statement, { ...put, action: 'dynamodb:UpdateItem' })).toBe(false);
    expect(policyAllows(Statement, { ...put, action: 'dynamodb:Query', resource: INDEX_ARNS[0]! })).toBe(
      false,
    );
    // Only views: a provider's other items stay out of reach.
    expect(policyAllows(Statement, { ...put, leadingKeys: [keys.organisation('PV81234567', 'o').pk] })).toBe(
      false,
    );
  });

  it('gives a provider user its own space only, with no projection rights', () => {
    const policy = tenantSessionPolicy(TABLE_ARN, { space: 'PV81234567', reach: [] });
    expect(policy.Statement).toHaveLength(1);
    expect(leadingKeyPatterns({ space: 'PV81234567', reach: [] })).toEqual(['PV81234567#*']);
    expect(policyAllows(policy.Statement, get(keys.partyView('PV81234567', 'a').pk))).toBe(true);
    const put = {
      action: 'dynamodb:PutItem',
      resource: TABLE_ARN,
      leadingKeys: [keys.partyView('PV40123456', 'a').pk],
    };
    expect(policyAllows(policy.Statement, put)).toBe(false);
  });

  it('refuses anything but valid spaces, so no caller text can widen the pattern', () => {
    for (const space of ['*', 'GM*', 'GM0233#', '', 'gm0233', 'GM0233?']) {
      expect(() => tenantSessionPolicy(TABLE_ARN, { space, reach: [] }), space).toThrow(/Invalid space/);
      expect(() => tenantSessionPolicy(TABLE_ARN, { space: 'GM0233', reach: [space] }), space).toThrow(
        /Invalid space/,
      );
    }
    expect(() => tenantSessionPolicy('arn:aws:dynamodb:eu-central-1:123456789012:table/*', ermelo)).toThrow();
  });

  it('identifies a session by home space and sorted reach', () => {
    expect(scopeKey({ space: 'GM0233', reach: ['RGNOORDVELUWE', 'GM0233'] })).toBe(
      scopeKey({ space: 'GM0233', reach: ['GM0233', 'RGNOORDVELUWE', 'RGNOORDVELUWE'] }),
    );
    expect(scopeKey({ space: 'GM0233', reach: [] })).not.toBe(scopeKey(ermelo));
  });

  it('stays within the STS session policy size for the largest reach the verifier accepts', () => {
    const regions = Array.from({ length: 19 }, (_, i) => `RG${'X'.repeat(28)}${String(i).padStart(2, '0')}`);
    const json = tenantSessionPolicyJson(TABLE_ARN, { space: 'GM0233', reach: regions });
    expect(json.length).toBeLessThanOrEqual(MAX_SESSION_POLICY_CHARS);
  });
});

describe('tenant session policy widened to agreement collections', () => {
  const request = (action: string, leadingKey: string, resource = TABLE_ARN): Request => ({
    action: `dynamodb:${action}`,
    resource,
    leadingKeys: [leadingKey],
  });

  it('adds one exact-key statement on the table for the collection, and nothing else', () => {
    expect(COLLECTION).toBe('GM0233#AGR#erm-jh-2025');
    const plain = tenantSessionPolicy(TABLE_ARN, { space: 'PV81234567', reach: ['PV81234567'] });
    const policy = tenantSessionPolicy(TABLE_ARN, kompasReporting);
    expect(policy.Statement).toEqual([
      ...plain.Statement,
      {
        Sid: 'Collections',
        Effect: 'Allow',
        Action: [...TENANT_ITEM_ACTIONS],
        Resource: [TABLE_ARN],
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['GM0233#AGR#erm-jh-2025'] } },
      },
    ]);
    // Still no projection rights for a provider.
    expect(policy.Statement.map((s) => s.Sid)).toEqual(['Reach', 'Collections']);
  });

  it('allows exactly GM0233#AGR#erm-jh-2025 and the provider’s own prefix', () => {
    const { Statement } = tenantSessionPolicy(TABLE_ARN, kompasReporting);
    // What a submission does: read the own party view, read and write the agreement's collection.
    for (const [action, key] of [
      ['GetItem', keys.partyView('PV81234567', 'erm-jh-2025').pk],
      ['PutItem', keys.partyView('PV81234567', 'erm-jh-2025').pk],
      ['GetItem', COLLECTION],
      ['Query', COLLECTION],
      ['PutItem', keys.report('GM0233', 'erm-jh-2025', 'jh-kwartaal', '2025-Q1').pk],
      ['UpdateItem', keys.agreement('GM0233', 'erm-jh-2025').pk],
      ['DeleteItem', keys.due('GM0233', 'erm-jh-2025', 'jh-kwartaal').pk],
      ['PutItem', keys.auditEvent('GM0233', 'erm-jh-2025', 7).pk],
      ['ConditionCheckItem', COLLECTION],
    ] as const) {
      expect(policyAllows(Statement, request(action, key)), `${action} ${key}`).toBe(true);
    }
    for (const key of [
      'GM0233#AGR#other',
      'GM0233#AGR#erm-jh-2025x',
      'GM0233#AGR#erm-jh-202',
      'GM0233#AGR#erm-jh-2025#x',
      'GM0233#SPACE',
      'GM0233#REG',
      keys.dueIndex('GM0233'),
      'GM0243#AGR#erm-jh-2025',
      'RGNOORDVELUWE#AGR#erm-jh-2025',
      keys.partyView('PV40123456', 'erm-jh-2025').pk,
      'PV40123456#ORG#o',
    ]) {
      for (const action of ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem']) {
        expect(policyAllows(Statement, request(action, key)), `${action} ${key}`).toBe(false);
      }
    }
    // The collection has no index partitions: no index of the table is reachable with its key.
    for (const index of INDEX_ARNS) {
      expect(policyAllows(Statement, request('Query', COLLECTION, index)), index).toBe(false);
    }
    // A batch with one key outside the collection is refused as a whole.
    const batch = {
      action: 'dynamodb:BatchGetItem',
      resource: TABLE_ARN,
      leadingKeys: [COLLECTION, 'GM0233#SPACE'],
    };
    expect(policyAllows(Statement, batch)).toBe(false);
  });

  it('gives the same provider without a collection nothing of the municipality', () => {
    const { Statement } = tenantSessionPolicy(TABLE_ARN, { ...kompasReporting, collections: [] });
    expect(Statement.map((s) => s.Sid)).toEqual(['Reach']);
    expect(policyAllows(Statement, request('PutItem', COLLECTION))).toBe(false);
    expect(policyAllows(Statement, request('GetItem', COLLECTION))).toBe(false);
  });

  it('refuses anything but exact municipality or region agreement collections', () => {
    expect(COLLECTION_PATTERN.test('RGNOORDVELUWE#AGR#rnv-gr-01')).toBe(true);
    for (const collection of [
      '*',
      'GM0233#*',
      'GM0233#AGR#*',
      'GM0233#AGR#erm-jh-?',
      'GM0233#AGR#',
      'GM0233#AGR',
      'GM0233',
      'GM0233#SPACE',
      'GM0233#USER#u-1',
      'GM0233#AGR#erm-jh-2025#x',
      'GM0233#AGR#Erm-jh-2025',
      'GM0233#AGR#erm jh',
      'gm0233#AGR#erm-jh-2025',
      ' GM0233#AGR#erm-jh-2025',
      'GM0233#AGR#erm-jh-2025\n',
      `GM0233#AGR#${'a'.repeat(41)}`,
      'GM02330#AGR#erm-jh-2025',
      'RGX#AGR#a',
      'PV81234567#AGR#erm-jh-2025',
      'PV40123456#AGR#erm-jh-2025',
    ]) {
      expect(
        () => tenantSessionPolicy(TABLE_ARN, { ...kompasReporting, collections: [collection] }),
        collection,
      ).toThrow(/Invalid collection/);
      // Also next to a valid one: one bad key refuses the whole scope.
      expect(() =>
        tenantSessionPolicy(TABLE_ARN, { ...kompasReporting, collections: [COLLECTION, collection] }),
      ).toThrow(/Invalid collection/);
    }
  });

  it(`refuses more than ${MAX_COLLECTIONS} collections, counting duplicates once`, () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `GM0233#AGR#agr-${i}`);
    expect(() => tenantSessionPolicy(TABLE_ARN, { ...kompasReporting, collections: many(5) })).not.toThrow();
    expect(() => tenantSessionPolicy(TABLE_ARN, { ...kompasReporting, collections: many(6) })).toThrow(
      /Too many collections/,
    );
    const withDuplicate = [...many(5), 'GM0233#AGR#agr-0'];
    const policy = tenantSessionPolicy(TABLE_ARN, { ...kompasReporting, collections: withDuplicate });
    expect(policy.Statement.at(-1)!.Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': many(5) },
    });
  });

  it('widens provider scopes only', () => {
    for (const space of ['GM0233', 'RGNOORDVELUWE']) {
      expect(
        () => tenantSessionPolicy(TABLE_ARN, { space, reach: [space], collections: [COLLECTION] }),
        space,
      ).toThrow(/Only provider scopes/);
    }
  });

  it('identifies a widened session by its sorted collections too, never as the plain one', () => {
    const other = keys.agreement('GM0243', 'hw-jh-2025').pk;
    const plain = scopeKey({ space: 'PV81234567', reach: ['PV81234567'] });
    expect(scopeKey({ ...kompasReporting, collections: [] })).toBe(plain);
    expect(scopeKey(kompasReporting)).not.toBe(plain);
    expect(scopeKey({ ...kompasReporting, collections: [other, COLLECTION] })).toBe(
      scopeKey({ ...kompasReporting, collections: [COLLECTION, other, COLLECTION] }),
    );
    expect(scopeKey({ ...kompasReporting, collections: [other] })).not.toBe(scopeKey(kompasReporting));
    expect(scopeKey(kompasReporting)).toContain(COLLECTION);
    expect(() => scopeKey({ ...kompasReporting, collections: ['GM0233#*'] })).toThrow(/Invalid collection/);
  });

  it('stays within the STS session policy size with the most and longest collections allowed', () => {
    const longest = Array.from(
      { length: MAX_COLLECTIONS },
      (_, i) => `RG${'X'.repeat(30)}#AGR#${String(i).padStart(40, 'a')}`,
    );
    for (const collection of longest) expect(COLLECTION_PATTERN.test(collection)).toBe(true);
    const json = tenantSessionPolicyJson(TABLE_ARN, { ...kompasReporting, collections: longest });
    expect(json.length).toBeLessThanOrEqual(MAX_SESSION_POLICY_CHARS);
    expect(
      JSON.parse(json).Statement.at(-1).Condition['ForAllValues:StringEquals']['dynamodb:LeadingKeys'],
    ).toEqual([...longest].sort());
  });
});

describe('the prefix the policy allows is the prefix the repositories write', () => {
  const spaces = ['GM0233', 'GM0243', 'RGNOORDVELUWE', 'RGNOORD', 'PV81234567', 'PV40123456'];
  type KeyBuilder = (space: string, a: string, b: number) => string | { pk: string };
  const builders = (Object.entries(keys) as [string, unknown][]).filter(
    (entry): entry is [string, KeyBuilder] => typeof entry[1] === 'function',
  );

  it('covers every key builder in packages/db', () => {
    expect(builders.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'space',
        'user',
        'usersIndex',
        'agreement',
        'registerIndex',
        'auditEvent',
        'idempotency',
      ]),
    );
  });

  for (const [name, build] of builders) {
    it(`keys.${name}: the partition key matches its own space's pattern and no other space's`, () => {
      for (const space of spaces) {
        const built = build(space, 'x-1', 7);
        const pk = typeof built === 'string' ? built : built.pk;
        // Index keys are extended by the repositories (e.g. `<reg>#KIND#contract`): the prefix still decides.
        for (const key of [pk, `${pk}#KIND#contract`]) {
          for (const other of spaces) {
            const [pattern] = leadingKeyPatterns({ space: other, reach: [] });
            expect(iamStringLike(pattern!, key), `${key} vs ${pattern}`).toBe(other === space);
          }
        }
      }
    });
  }
});
