import { keys } from '@regie/db';
import { tableDefinition } from '@regie/db/table';
import { describe, expect, it } from 'vitest';
import { iamStringLike, policyAllows, type Request } from '../../infra/test/support/iam.ts';
import {
  leadingKeyPatterns,
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
