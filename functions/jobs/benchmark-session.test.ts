import { describe, expect, it } from 'vitest';
import { benchmarkReadSession } from './benchmark-session.ts';

const options = {
  roleArn: 'arn:aws:iam::123456789012:role/read',
  tableArn: 'arn:aws:dynamodb:eu-central-1:123456789012:table/regie',
};

describe('benchmarkReadSession', () => {
  it('tags the session with the one participant and narrows it to reading that space', () => {
    const input = benchmarkReadSession(options, 'GM0233');
    expect(input.Tags).toEqual([{ Key: 'space', Value: 'GM0233' }]);
    const policy = JSON.parse(input.Policy);
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0].Action.sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
    ]);
    expect(policy.Statement[0].Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['GM0233#*'] },
    });
    expect(policy.Statement[0].Resource).toContain(`${options.tableArn}/index/gsi3`);
  });
  it('refuses a provider space and anything that is not a space', () => {
    expect(() => benchmarkReadSession(options, 'PV81234567')).toThrow(/participant/);
    expect(() => benchmarkReadSession(options, 'GM*')).toThrow(/participant/);
    expect(() => benchmarkReadSession(options, 'RGNOORDVELUWE').Tags).not.toThrow();
  });
});
