import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { devConfig, type StageConfig } from '../lib/config.ts';
import { featureFlags } from '../lib/feature-flags.ts';
import { addNagChecks, defineRegie, type RegieStacks } from '../lib/regie-app.ts';
import { ORIGIN_SECRET_HEADER } from '../lib/stacks/web-stack.ts';
import { policyAllows, type Statement } from './support/iam.ts';

/**
 * Issue 17, point 1 in the templates: the public routes' read-only role, CloudFront caching `/public/*`, the WAF
 * web ACLs (edge and sign-in), the origin secret, and the execute-api endpoint switched off with a domain.
 */
const context = { ...featureFlags, 'aws:cdk:bundling-stacks': [] };
const TABLE = 'arn:aws:dynamodb:eu-central-1:123456789012:table/regie';
const DOMAIN = {
  name: 'api.regie.example.nl',
  certificateArn: 'arn:aws:acm:eu-central-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
};

type Json = Record<string, unknown>;
let stacks: RegieStacks;
let api: Template;
let web: Template;
let edge: Template;
let signIn: Template;

beforeAll(() => {
  stacks = defineRegie(new App({ context }), devConfig({}));
  api = Template.fromStack(stacks.api);
  web = Template.fromStack(stacks.web);
  edge = Template.fromStack(stacks.edgeWaf);
  signIn = Template.fromStack(stacks.signInWaf);
});

/** The statements of the role whose logical id starts with `prefix`, the table ARN put in for its token. */
function statementsOf(template: Template, prefix: string): Statement[] {
  const [roleId] = Object.keys(template.findResources('AWS::IAM::Role')).filter((id) =>
    id.startsWith(prefix),
  );
  const json = JSON.stringify(
    Object.values(template.findResources('AWS::IAM::Policy'))
      .map(
        (p) =>
          (p as { Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } } })
            .Properties,
      )
      .filter((p) => p.Roles.some((r) => r.Ref === roleId))
      .flatMap((p) => p.PolicyDocument.Statement),
  );
  // The table's ARN is an import from the Data stack; put a literal in so the evaluator can match resources.
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') {
      const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
      if (join) return join[1].map(resolve).join(join[0]);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  return resolve(
    JSON.parse(json.replace(/\{"Fn::ImportValue":"[^"]*Table[^"]*Arn[^"]*"\}/g, `"${TABLE}"`)),
  ) as Statement[];
}

describe('the public read-only role', () => {
  it('reads only the tagged space’s public register and iCal partitions, and writes nothing', () => {
    const statements = statementsOf(api, 'PublicReadRole');
    const actions = new Set(statements.flatMap((s) => [s.Action].flat()));
    expect([...actions].sort()).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    const tags = { space: 'GM0233' };
    const allows = (action: string, key: string, resource = TABLE) =>
      policyAllows(statements, { action: `dynamodb:${action}`, resource, leadingKeys: [key] }, tags);
    expect(allows('GetItem', 'GM0233#SPACE')).toBe(true);
    expect(allows('Query', 'GM0233#PUB')).toBe(true);
    expect(allows('GetItem', 'GM0233#ICAL#abc')).toBe(true);
    expect(allows('GetItem', 'GM0233#USER#ermelo.inkoper')).toBe(true);
    expect(allows('Query', 'GM0233#DEADLINES', `${TABLE}/index/gsi1`)).toBe(true);
    // Not another space, not an agreement, not a write, not another index.
    expect(allows('Query', 'GM0243#PUB')).toBe(false);
    expect(allows('GetItem', 'GM0233#AGR#erm-jh-2025')).toBe(false);
    expect(allows('Query', 'GM0233#REG', `${TABLE}/index/gsi1`)).toBe(false);
    expect(allows('PutItem', 'GM0233#PUB')).toBe(false);
    expect(allows('Query', 'GM0233#DEADLINES', `${TABLE}/index/gsi2`)).toBe(false);
    expect(
      policyAllows(statements, { action: 'dynamodb:Query', resource: TABLE, leadingKeys: ['GM0233#PUB'] }),
    ).toBe(false); // without the session tag, nothing
  });

  it('is assumed only by the two functions, with the space tag, and named in their environment', () => {
    const role = Object.values(api.findResources('AWS::IAM::Role', {})).find((r) =>
      JSON.stringify(r).includes('public register and iCal feeds'),
    ) as { Properties: { AssumeRolePolicyDocument: { Statement: Json[] } } };
    const trust = role.Properties.AssumeRolePolicyDocument.Statement;
    expect(trust).toHaveLength(2);
    for (const statement of trust) {
      const condition = statement.Condition as Record<string, Record<string, unknown>>;
      expect(condition.Null).toEqual({ 'aws:RequestTag/space': 'false' });
      expect([condition['ForAllValues:StringEquals']!['aws:TagKeys']].flat()).toEqual(['space']);
    }
    for (const handler of ['regie-api', 'regie-files']) {
      api.hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({
            POWERTOOLS_SERVICE_NAME: handler,
            PUBLIC_ROLE_ARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PublicReadRole'), 'Arn'] },
            ORIGIN_SECRET: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
          }),
        },
      });
    }
  });
});

describe('CloudFront', () => {
  it('caches /public/* as long as the origin says, keyed on the path alone, and nothing else of the API', () => {
    const distribution = web.findResources('AWS::CloudFront::Distribution');
    const behaviors = (
      Object.values(distribution)[0] as { Properties: { DistributionConfig: { CacheBehaviors: Json[] } } }
    ).Properties.DistributionConfig.CacheBehaviors;
    const publicBehavior = behaviors.find((b) => b.PathPattern === '/public/*')!;
    expect(publicBehavior.OriginRequestPolicyId).toBeUndefined(); // nothing of the viewer is forwarded
    const [policyId] = Object.keys(web.findResources('AWS::CloudFront::CachePolicy'));
    expect(publicBehavior.CachePolicyId).toEqual({ Ref: policyId });
    web.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: {
        DefaultTTL: 0,
        MinTTL: 0,
        MaxTTL: Match.anyValue(),
        Name: Match.anyValue(),
        Comment: Match.anyValue(),
        ParametersInCacheKeyAndForwardedToOrigin: {
          HeadersConfig: { HeaderBehavior: 'none' },
          CookiesConfig: { CookieBehavior: 'none' },
          QueryStringsConfig: { QueryStringBehavior: 'none' },
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
        },
      },
    });
    const maxTtl = (
      Object.values(web.findResources('AWS::CloudFront::CachePolicy'))[0] as {
        Properties: { CachePolicyConfig: { MaxTTL: number } };
      }
    ).Properties.CachePolicyConfig.MaxTTL;
    expect(maxTtl).toBeGreaterThanOrEqual(300); // the app's max-age=300 is honoured, not cut
    const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
    for (const b of behaviors.filter((b) => b.PathPattern !== '/public/*')) {
      expect(b.CachePolicyId, String(b.PathPattern)).toBe(cachingDisabled);
    }
  });

  it('sends the origin secret from Secrets Manager to the API, and has the edge web ACL', () => {
    const json = JSON.stringify(web.findResources('AWS::CloudFront::Distribution'));
    expect(json).toContain(`"HeaderName":"${ORIGIN_SECRET_HEADER}"`);
    expect(json).toContain('{{resolve:secretsmanager:regie-dev/origin-verify:SecretString:::}}');
    web.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ WebACLId: Match.anyValue() }),
    });
    api.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'regie-dev/origin-verify',
      GenerateSecretString: Match.objectLike({ PasswordLength: 48 }),
    });
  });
});

describe('WAF', () => {
  const rules = (template: Template) =>
    (Object.values(template.findResources('AWS::WAFv2::WebACL'))[0] as { Properties: { Rules: Json[] } })
      .Properties.Rules;
  const rate = (rule: Json) =>
    (rule.Statement as { RateBasedStatement: Json }).RateBasedStatement as {
      Limit: number;
      AggregateKeyType: string;
      EvaluationWindowSec: number;
      ScopeDownStatement?: Json;
    };

  it('puts a CloudFront-scope web ACL in us-east-1 with a per-IP rate rule and a stricter one on /public and /ical', () => {
    expect(stacks.edgeWaf.region).toBe('us-east-1');
    edge.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    const byName = Object.fromEntries(rules(edge).map((r) => [r.Name, r]));
    const all = rate(byName.AllRequestsPerIp!);
    const pub = rate(byName.PublicRoutesPerIp!);
    expect(all).toMatchObject({ Limit: 6000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    expect(all.ScopeDownStatement).toBeUndefined();
    expect(pub).toMatchObject({ Limit: 300, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    expect(pub.Limit).toBeLessThan(all.Limit);
    expect(pub.ScopeDownStatement).toEqual({
      OrStatement: {
        Statements: ['/public/', '/ical/'].map((prefix) => ({
          ByteMatchStatement: {
            FieldToMatch: { UriPath: {} },
            PositionalConstraint: 'STARTS_WITH',
            SearchString: prefix,
            TextTransformations: [{ Priority: 0, Type: 'NONE' }],
          },
        })),
      },
    });
    for (const rule of [byName.AllRequestsPerIp!, byName.PublicRoutesPerIp!]) {
      expect(rule.Action).toEqual({ Block: { CustomResponse: { ResponseCode: 429 } } });
    }
  });

  it('holds sign-in to a stricter per-IP rate on a regional web ACL associated with the user pool', () => {
    expect(stacks.signInWaf.region).toBe(stacks.auth.region);
    signIn.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'REGIONAL' });
    const [rule] = rules(signIn);
    expect(rule!.Name).toBe('SignInPerIp');
    expect(rate(rule!)).toMatchObject({ Limit: 300, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    signIn.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::ImportValue': Match.stringLikeRegexp('UserPool') },
      WebACLArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebAcl'), 'Arn'] },
    });
  });
});

describe('the execute-api endpoint', () => {
  it('stays only without a domain of its own, guarded by the origin secret', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: false });
    api.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
  });

  it('is disabled with a domain: CloudFront reaches the API at that name, and cdk-nag stays clean', () => {
    const base = devConfig({});
    const config: StageConfig = { ...base, api: { ...base.api, domain: DOMAIN } };
    const app = new App({ context });
    const withDomain = defineRegie(app, config);
    addNagChecks(app);
    app.synth(); // a nag error would throw here
    const apiTemplate = Template.fromStack(withDomain.api);
    apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    apiTemplate.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: DOMAIN.name,
      DomainNameConfigurations: [Match.objectLike({ CertificateArn: DOMAIN.certificateArn })],
    });
    apiTemplate.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    Template.fromStack(withDomain.web).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: Match.arrayWith([Match.objectLike({ DomainName: DOMAIN.name })]),
      }),
    });
  });

  it('takes a domain only with its certificate, both well-formed', () => {
    expect(() => devConfig({ REGIE_API_DOMAIN: DOMAIN.name })).toThrow(/together/);
    expect(() =>
      devConfig({ REGIE_API_DOMAIN: 'not a host', REGIE_API_CERTIFICATE_ARN: DOMAIN.certificateArn }),
    ).toThrow(/host name/);
    expect(
      devConfig({ REGIE_API_DOMAIN: DOMAIN.name, REGIE_API_CERTIFICATE_ARN: DOMAIN.certificateArn }).api
        .domain,
    ).toEqual(DOMAIN);
  });
});
