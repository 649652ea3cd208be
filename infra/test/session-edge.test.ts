import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConfig, prodConfig, signInUrls, stageConfig } from '../lib/config.ts';
import { featureFlags } from '../lib/feature-flags.ts';
import { addNagChecks, defineRegie, type RegieStacks } from '../lib/regie-app.ts';

/**
 * Issue 17 points 3 and 4 in the templates: iCal feeds on a distribution without standard logging, MFA required
 * at Cognito, and sign-in callbacks per stage with no localhost in production.
 */
const context = { ...featureFlags, 'aws:cdk:bundling-stacks': [] };
const PROD_ENV = { REGIE_WEB_URL: 'https://regie.example.nl', REGIE_AUTH_DOMAIN_PREFIX: 'regie-prod-test' };

type Json = Record<string, unknown>;
interface DistributionConfig {
  Logging?: Json;
  Comment?: string;
  DefaultCacheBehavior: Json & { AllowedMethods?: string[]; FunctionAssociations?: Json[] };
  CacheBehaviors?: { PathPattern: string }[];
  WebACLId?: unknown;
}

let site: string;
let prod: RegieStacks;
let web: Template;

const distributions = (template: Template) =>
  Object.entries(template.findResources('AWS::CloudFront::Distribution')).map(([id, resource]) => ({
    id,
    config: (resource as { Properties: { DistributionConfig: DistributionConfig } }).Properties
      .DistributionConfig,
  }));

beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'regie-web-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Regie</title>');
  prod = defineRegie(new App({ context }), { ...prodConfig(PROD_ENV), web: { assetsPath: site } });
  web = Template.fromStack(prod.web);
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('iCal feeds are never in CloudFront access logs', () => {
  it('serves /ical/* from a distribution of its own without standard logging, behind the same WAF', () => {
    const all = distributions(web);
    expect(all).toHaveLength(2);
    const feed = all.find(({ id }) => id.startsWith('FeedDistribution'));
    const main = all.find(({ id }) => id.startsWith('Distribution'));
    expect(feed?.config.Logging).toBeUndefined();
    expect(feed?.config.CacheBehaviors ?? []).toEqual([]);
    expect(feed?.config.DefaultCacheBehavior.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(feed?.config.WebACLId).toEqual(main?.config.WebACLId);
    expect(feed?.config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      {
        EventType: 'viewer-request',
        FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^FeedsOnly/), 'FunctionARN'] },
      },
    ]);
    // The main distribution keeps its logs, and has no path that could carry a feed secret into them.
    expect(main?.config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    expect(main?.config.CacheBehaviors?.map((b) => b.PathPattern)).not.toContain('/ical/*');
  });

  it('answers only /ical/ paths at the feed edge', () => {
    const [fn] = Object.values(web.findResources('AWS::CloudFront::Function')).filter((f) =>
      String((f as { Properties: { FunctionCode: string } }).Properties.FunctionCode).includes('/ical/'),
    ) as { Properties: { FunctionCode: string } }[];
    const code = fn?.Properties.FunctionCode ?? '';
    const handler = new Function(`${code}; return handler;`)() as (event: { request: { uri: string } }) => {
      statusCode?: number;
      uri?: string;
    };
    expect(handler({ request: { uri: '/ical/GM0233/secret.ics' } })).toEqual({
      uri: '/ical/GM0233/secret.ics',
    });
    for (const uri of ['/trpc/me.get', '/', '/index.html', '/public/GM0233/register.json']) {
      expect(handler({ request: { uri } })).toMatchObject({ statusCode: 404 });
    }
  });

  it('tells the web app where feeds live (config.json) and outputs the feed URL', () => {
    const deployment = Object.values(web.findResources('Custom::CDKBucketDeployment'))[0] as {
      Properties: { SourceMarkers?: Json[] };
    };
    expect(JSON.stringify(deployment.Properties.SourceMarkers)).toMatch(/FeedDistribution/);
    web.hasOutput('FeedUrl', {});
  });
});

describe('MFA', () => {
  it('is required by the user pool (TOTP), so no admin or approver signs in without it', () => {
    const auth = Template.fromStack(prod.auth);
    auth.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      // No remembered devices: a remembered device would skip the second factor.
      DeviceConfiguration: Match.absent(),
    });
  });
});

describe('sign-in callbacks per stage', () => {
  it('lets only the deployed web app receive codes in production — no localhost', () => {
    const client = Object.values(
      Template.fromStack(prod.auth).findResources('AWS::Cognito::UserPoolClient'),
    )[0] as { Properties: { CallbackURLs: string[]; LogoutURLs: string[] } };
    expect(client.Properties.CallbackURLs).toEqual(['https://regie.example.nl/auth/callback']);
    expect(client.Properties.LogoutURLs).toEqual(['https://regie.example.nl/login']);
    expect(JSON.stringify(client.Properties)).not.toMatch(/localhost|127\.0\.0\.1|http:\/\//);
  });

  it('keeps localhost for the dev stage only, and names stacks per stage', () => {
    expect(devConfig({}).auth.callbackUrls).toEqual(['http://localhost:5173/auth/callback']);
    expect(signInUrls('prod', ['https://a.example']).callbackUrls).toEqual([
      'https://a.example/auth/callback',
    ]);
    expect(prod.auth.stackName).toBe('Regie-prod-Auth');
  });

  it('refuses a production stage without its web address, and unknown stages', () => {
    expect(() => prodConfig({})).toThrow(/REGIE_WEB_URL is required/);
    expect(() => stageConfig({ REGIE_STAGE: 'staging' })).toThrow(/REGIE_STAGE/);
    expect(stageConfig({ REGIE_STAGE: 'prod', ...PROD_ENV }).stage).toBe('prod');
    expect(stageConfig({}).stage).toBe('dev');
  });

  it('passes cdk-nag for the production stage', () => {
    const app = new App({ context });
    defineRegie(app, prodConfig(PROD_ENV));
    addNagChecks(app);
    // A failing validation throws here with the full report in the message.
    expect(() => app.synth()).not.toThrow();
  });
});
