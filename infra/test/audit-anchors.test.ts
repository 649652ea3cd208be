import { generateKeyPairSync } from 'node:crypto';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { devConfig } from '../lib/config.ts';
import { featureFlags } from '../lib/feature-flags.ts';
import { defineRegie } from '../lib/regie-app.ts';

/**
 * The anchored audit's infrastructure (issue 17 point 2, docs/security.md): an asymmetric P-256 signing key, a
 * bucket whose objects are locked in compliance mode for the configured retention, and a daily job whose role may
 * sign with that one key and put (never delete) anchor objects in that one bucket.
 */
const context = { ...featureFlags, 'aws:cdk:bundling-stacks': [] };

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

const publicKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');
let regie: ReturnType<typeof defineRegie>;
let data: Template;
let jobs: Template;

beforeAll(() => {
  // One synth (it takes a minute on a busy machine): retention and public key both from the stage configuration.
  regie = defineRegie(
    new App({ context }),
    devConfig({ REGIE_AUDIT_ANCHOR_PUBLIC_KEY: publicKey, REGIE_ANCHOR_RETENTION_DAYS: '400' }),
  );
  data = Template.fromStack(regie.data);
  jobs = Template.fromStack(regie.jobs);
}, 400_000);

const statementsOf = (template: Template, roleLogicalId: string): Statement[] =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .map((p) => p as { Properties: { Roles: unknown; PolicyDocument: { Statement: Statement[] } } })
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleLogicalId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
const roleId = (template: Template, description: string) =>
  Object.keys(template.findResources('AWS::IAM::Role', { Properties: { Description: description } }))[0]!;

describe('audit anchor key and bucket', () => {
  it('is an asymmetric P-256 signing key, kept on stack deletion', () => {
    data.hasResource('AWS::KMS::Key', {
      Properties: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', EnableKeyRotation: Match.absent() },
      DeletionPolicy: 'Retain',
    });
    data.hasOutput('AuditAnchorKeyArn', {});
  });

  it('locks every anchor in compliance mode for the configured retention, versioned, private, TLS only', () => {
    data.hasResource('AWS::S3::Bucket', {
      Properties: {
        ObjectLockEnabled: true,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 400 } },
        },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: Match.objectLike({
          BlockPublicAcls: true,
          RestrictPublicBuckets: true,
        }),
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'audit-anchors/' }),
      },
      DeletionPolicy: 'Retain',
    });
    // Ten years unless the stage configures otherwise.
    expect(devConfig({}).audit.anchorRetentionDays).toBe(3653);
    expect(() => devConfig({ REGIE_ANCHOR_RETENTION_DAYS: '0' })).toThrow('REGIE_ANCHOR_RETENTION_DAYS');
  });
});

describe('audit anchor job', () => {
  it('runs daily, one run at a time, with the bucket and key it needs', () => {
    jobs.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(15 2 * * ? *)' });
    jobs.hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: 1,
      Environment: {
        Variables: Match.objectLike({ ANCHOR_BUCKET: Match.anyValue(), ANCHOR_KEY_ID: Match.anyValue() }),
      },
    });
  });

  it('may only sign with the anchor key and put, get and list anchor objects — never delete', () => {
    const statements = statementsOf(
      jobs,
      roleId(jobs, 'Regie audit anchor job (sign chain heads, store them locked)'),
    );
    const actions = statements.flatMap((s) => [s.Action].flat());
    const kms = statements.find((s) => s.Sid === 'SignWithTheAnchorKey')!;
    expect([kms.Action].flat().sort()).toEqual(['kms:GetPublicKey', 'kms:Sign']);
    expect(JSON.stringify(kms.Resource)).toContain('AuditAnchorKey');
    expect(JSON.stringify(kms.Resource)).not.toContain('*');
    const store = statements.find((s) => s.Sid === 'StoreAnchors')!;
    expect([store.Action].flat().sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(JSON.stringify(store.Resource)).toContain('AuditAnchorsBucketArn');
    expect(JSON.stringify(store.Resource)).toContain('/audit-anchors/*');
    expect(
      actions.filter((a) => /Delete|PutObjectRetention|BypassGovernance|PutBucket|kms:\*|s3:\*/.test(a)),
    ).toEqual([]);
    // No other role of the stack may sign.
    const others = Object.values(jobs.findResources('AWS::IAM::Policy'))
      .map((p) => JSON.stringify(p))
      .filter((p) => p.includes('kms:Sign'));
    expect(others).toHaveLength(1);
  });

  it('hands the public key to the API when configured, and nothing otherwise', () => {
    Template.fromStack(regie.api).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ AUDIT_ANCHOR_PUBLIC_KEY: publicKey }) },
    });
    // Without a configured key (before the first deploy) the variable is absent: the API reports `noKey`.
    expect(devConfig({}).audit.anchorPublicKey).toBeUndefined();
    expect(() => devConfig({ REGIE_AUDIT_ANCHOR_PUBLIC_KEY: 'not-a-key' })).toThrow(
      'REGIE_AUDIT_ANCHOR_PUBLIC_KEY',
    );
  });
});
