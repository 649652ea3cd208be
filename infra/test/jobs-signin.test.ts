import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { devConfig } from '../lib/config.ts';
import { featureFlags } from '../lib/feature-flags.ts';
import { defineRegie } from '../lib/regie-app.ts';
import { JOB_TABLE_ACTIONS } from '../lib/stacks/jobs-stack.ts';

// Asset bundling is skipped: these tests check the templates, not the Lambda bundle.
const context = { ...featureFlags, 'aws:cdk:bundling-stacks': [] };

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

let jobs: Template;
let api: Template;
beforeAll(() => {
  const stacks = defineRegie(new App({ context }), devConfig({}));
  jobs = Template.fromStack(stacks.jobs);
  api = Template.fromStack(stacks.api);
}, 60_000);

describe('jobs stack', () => {
  it('runs the deadline function daily on Node.js 22 arm64, one run at a time', () => {
    jobs.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: 300,
      ReservedConcurrentExecutions: 1,
      Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue() }) },
    });
    jobs.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 4 * * ? *)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeadlineJobFunction'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21600 },
          DeadLetterConfig: {
            Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeadlineJobDeadLetters'), 'Arn'] },
          },
        }),
      ],
    });
  });

  it('may only get, put and query the table and the one index it reads: no scan, no delete, no wildcard', () => {
    // The deadline job's own role (the benchmark job's roles are bound in benchmark-job.test.ts).
    const statements = Object.values(jobs.findResources('AWS::IAM::Policy'))
      .filter((p) =>
        JSON.stringify((p as { Properties: { Roles: unknown } }).Properties.Roles).includes(
          'DeadlineJobRole',
        ),
      )
      .flatMap(
        (p) =>
          (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument
            .Statement,
      );
    expect(statements.length).toBeGreaterThan(0);
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect([dynamo[0]!.Action].flat().sort()).toEqual([...JOB_TABLE_ACTIONS].sort());
    const resources = JSON.stringify(dynamo[0]!.Resource);
    expect(resources).toContain('/index/gsi1');
    expect(resources).not.toContain('*');
    for (const s of statements) {
      expect([s.Action].flat()).not.toContain('*');
      expect([s.Action].flat().some((a) => a.endsWith(':*'))).toBe(false);
    }
  });

  it('keeps failed runs in an encrypted dead-letter queue', () => {
    jobs.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1209600,
    });
  });
});

describe('api access logs', () => {
  it('log the route, never the path (an iCal path holds its secret)', () => {
    const stage = Object.values(api.findResources('AWS::ApiGatewayV2::Stage'))[0] as {
      Properties: { AccessLogSettings: { Format: string } };
    };
    const format = stage.Properties.AccessLogSettings.Format;
    expect(format).toContain('$context.routeKey');
    expect(format).not.toContain('$context.path');
  });
});

describe('web sign-in through Cognito', () => {
  let auth: Template;
  let web: Template;
  beforeAll(() => {
    const base = devConfig({
      REGIE_WEB_URL: 'https://regie.example.nl',
      REGIE_AUTH_DOMAIN_PREFIX: 'regie-test',
    });
    const site = mkdtempSync(join(tmpdir(), 'regie-web-'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Regie</title>');
    const stacks = defineRegie(new App({ context }), { ...base, web: { assetsPath: site } });
    auth = Template.fromStack(stacks.auth);
    web = Template.fromStack(stacks.web);
    rmSync(site, { recursive: true, force: true });
  }, 60_000);

  it('has managed sign-in pages on the configured Cognito domain', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'regie-test' });
  });

  it('lets the web client use only the code flow, back to the deployed app and localhost', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      CallbackURLs: ['https://regie.example.nl/auth/callback', 'http://localhost:5173/auth/callback'],
      LogoutURLs: ['https://regie.example.nl/login', 'http://localhost:5173/login'],
    });
  });

  it('writes the sign-in authority and client id into the app’s config.json at deploy time', () => {
    const deployment = Object.values(web.findResources('Custom::CDKBucketDeployment'))[0] as {
      Properties: { SourceObjectKeys: unknown[]; SourceMarkers?: Record<string, unknown>[] };
    };
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(deployment.Properties.SourceMarkers);
    expect(markers).toMatch(/WebClient/);
    expect(markers).toMatch(/SignInDomain/);
  });

  it('refuses a web URL that is not https', () => {
    expect(() => devConfig({ REGIE_WEB_URL: 'http://regie.example.nl' })).toThrow(/REGIE_WEB_URL/);
    expect(() => devConfig({ REGIE_AUTH_DOMAIN_PREFIX: 'Regie_Test' })).toThrow(/REGIE_AUTH_DOMAIN_PREFIX/);
  });
});

describe('iCal feeds', () => {
  it('are served, unauthenticated, by the files function (the iCal library stays out of the API bundle)', () => {
    const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route')) as {
      Properties: { RouteKey: string; Target: unknown; AuthorizationType?: string };
    }[];
    const target = (key: string) =>
      JSON.stringify(routes.find((r) => r.Properties.RouteKey === key)?.Properties.Target);
    const ical = routes.find((r) => r.Properties.RouteKey === 'GET /ical/{proxy+}')!;
    expect(ical.Properties.AuthorizationType).toBe('NONE');
    expect(target('GET /ical/{proxy+}')).toBe(target('ANY /files/{proxy+}'));
    expect(target('GET /ical/{proxy+}')).not.toBe(target('ANY /trpc/{proxy+}'));
  });
});
