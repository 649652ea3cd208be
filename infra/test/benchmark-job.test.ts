import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { devConfig } from '../lib/config.ts';
import { featureFlags } from '../lib/feature-flags.ts';
import { defineRegie } from '../lib/regie-app.ts';
import { SPACE_POLICY_VARIABLE } from '../lib/tenant-policy.ts';

/**
 * The regional benchmark job's IAM bound (issue 15 point 4, docs/security.md): its own role reads the platform's
 * space list and region records and reaches only the regions' benchmark partitions; a participant's own data is
 * read only through the read role, read-only, on exactly the space of the session tag, never a provider's.
 */
const context = { ...featureFlags, 'aws:cdk:bundling-stacks': [] };

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
interface PolicyResource {
  Properties: { Roles: unknown; PolicyDocument: { Statement: Statement[] } };
}

let jobs: Template;
const statementsOf = (roleLogicalId: string): Statement[] =>
  Object.values(jobs.findResources('AWS::IAM::Policy'))
    .map((p) => p as PolicyResource)
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleLogicalId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
const actions = (s: Statement) => [s.Action].flat();
const leadingKeys = (s: Statement) =>
  JSON.stringify(
    s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ??
      s.Condition?.['ForAllValues:StringEquals']?.['dynamodb:LeadingKeys'] ??
      null,
  );

beforeAll(() => {
  jobs = Template.fromStack(defineRegie(new App({ context }), devConfig({})).jobs);
}, 60_000);

describe('benchmark job IAM', () => {
  it('runs daily after the deadline job, one run at a time, on Node.js 22 arm64', () => {
    jobs.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(30 4 * * ? *)' });
    jobs.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      ReservedConcurrentExecutions: 1,
      Timeout: 600,
    });
  });

  it('gives the job role every DynamoDB action only under a key condition: no member partition, no scan', () => {
    const dynamo = statementsOf('BenchmarkJobRole').filter((s) =>
      actions(s).some((a) => a.startsWith('dynamodb:')),
    );
    expect(dynamo.map((s) => s.Sid).sort()).toEqual([
      'PlatformSpaceList',
      'RegionBenchmarkPartitions',
      'RegionRecords',
    ]);
    const bySid = Object.fromEntries(dynamo.map((s) => [s.Sid, s]));
    expect(actions(bySid.PlatformSpaceList!)).toEqual(['dynamodb:Query']);
    expect(leadingKeys(bySid.PlatformSpaceList!)).toBe('["PLATFORM#SPACES"]');
    expect(actions(bySid.RegionRecords!)).toEqual(['dynamodb:GetItem']);
    expect(leadingKeys(bySid.RegionRecords!)).toBe('["RG*#SPACE"]');
    expect(actions(bySid.RegionBenchmarkPartitions!).sort()).toEqual(
      ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Query'].sort(),
    );
    expect(leadingKeys(bySid.RegionBenchmarkPartitions!)).toBe('["RG*#BENCH"]');
    for (const s of dynamo) {
      expect(actions(s)).not.toContain('dynamodb:Scan');
      // The table only: no index, so not even a region's register index is within reach.
      expect(JSON.stringify(s.Resource)).not.toContain('/index/');
      // Nothing of a municipality (`GM…`) or provider (`PV…`), and no `<space>#*` wildcard of any space.
      expect(leadingKeys(s)).not.toMatch(/GM|PV|\*#\*|"\*"/);
    }
    for (const s of statementsOf('BenchmarkJobRole')) {
      expect(actions(s).some((a) => a === '*' || a.endsWith(':*'))).toBe(false);
    }
  });

  it('lets the job role assume the read role and nothing else', () => {
    const sts = statementsOf('BenchmarkJobRole').filter((s) => actions(s).some((a) => a.startsWith('sts:')));
    expect(sts).toHaveLength(1);
    expect(actions(sts[0]!).sort()).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    expect(JSON.stringify(sts[0]!.Resource)).toContain('BenchmarkReadRole');
  });

  it('bounds the read role to reading the one space of its session tag, municipalities and regions only', () => {
    const read = statementsOf('BenchmarkReadRole');
    expect(read).toHaveLength(1);
    expect(actions(read[0]!).sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(leadingKeys(read[0]!)).toBe(JSON.stringify([`${SPACE_POLICY_VARIABLE}#*`]));
    expect(SPACE_POLICY_VARIABLE).toBe('$' + '{aws:PrincipalTag/space}');
    const roles = jobs.findResources('AWS::IAM::Role');
    const [id, role] = Object.entries(roles).find(([logicalId]) =>
      logicalId.startsWith('BenchmarkReadRole'),
    )!;
    expect(id).toMatch(/^BenchmarkReadRole/);
    const trust = JSON.stringify((role as { Properties: { AssumeRolePolicyDocument: unknown } }).Properties);
    expect(trust).toContain('BenchmarkJobRole');
    expect(trust).toContain('"aws:RequestTag/space":["GM*","RG*"]');
    expect(trust).toContain('"aws:TagKeys":["space"]');
    expect(trust).not.toContain('PV');
  });

  it('gives the deadline job no way into the benchmark read role', () => {
    const deadline = JSON.stringify(statementsOf('DeadlineJobRole'));
    expect(deadline).not.toContain('sts:');
    expect(deadline).not.toContain('BenchmarkReadRole');
  });
});
