import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_TIMEOUT_SECONDS, PENDING_CLAIM_SECONDS } from '@regie/db/limits';
import { tableDefinition } from '@regie/db/table';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devConfig, type StageConfig } from '../lib/config.ts';
import { featureFlags } from '../lib/feature-flags.ts';
import { addNagChecks, defineRegie, type RegieStacks } from '../lib/regie-app.ts';
import { USER_ROLES } from '../lib/roles.ts';
import { WebStack } from '../lib/stacks/web-stack.ts';
import {
  AGREEMENT_COLLECTION_KEYS_PATTERNS,
  leadingKeysPattern,
  PARTY_VIEW_KEYS_PATTERN,
  PROVIDER_SPACE_TAG_PATTERN,
  REGION_KEYS_PATTERN,
  SIGN_IN_KEYS_PATTERNS,
  SPACE_POLICY_VARIABLE,
  SPACE_REGISTRY_KEY,
  SPACE_TAG,
  TENANT_ITEM_ACTIONS,
} from '../lib/tenant-policy.ts';
import { iamStringLike, resolveVariables } from './support/iam.ts';

// Asset bundling is skipped: these tests check the templates, not the Lambda bundle.
const context = { ...featureFlags, 'aws:cdk:bundling-stacks': [] };

type Json = Record<string, unknown>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Condition?: Json;
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** All statements of the identity policies (AWS::IAM::Policy) in a template. */
function policyStatements(template: Template): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument
        .Statement,
  );
}

/** The statements of the identity policies attached to the role whose logical id starts with `rolePrefix`. */
function roleStatements(template: Template, rolePrefix: string): Statement[] {
  const roles = Object.keys(template.findResources('AWS::IAM::Role')).filter((id) =>
    id.startsWith(rolePrefix),
  );
  expect(roles, rolePrefix).toHaveLength(1);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .map(
      (policy) =>
        (policy as { Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } } })
          .Properties,
    )
    .filter((policy) => policy.Roles.some((role) => role.Ref === roles[0]))
    .flatMap((policy) => policy.PolicyDocument.Statement);
}

let webDist: string;
let config: StageConfig;
let stacks: RegieStacks;
let data: Template;
let auth: Template;
let api: Template;
let web: Template;

beforeAll(() => {
  // A stand-in web build, so the BucketDeployment path is covered too.
  webDist = mkdtempSync(join(tmpdir(), 'regie-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Regie</title>');
  const base = devConfig({});
  config = { ...base, web: { assetsPath: webDist } };

  stacks = defineRegie(new App({ context }), config);
  data = Template.fromStack(stacks.data);
  auth = Template.fromStack(stacks.auth);
  api = Template.fromStack(stacks.api);
  web = Template.fromStack(stacks.web);
});

afterAll(() => rmSync(webDist, { recursive: true, force: true }));

describe('data stack', () => {
  it('builds the table keys and indexes from the shared definition', () => {
    const keyNames = [
      tableDefinition.partitionKey,
      tableDefinition.sortKey,
      ...tableDefinition.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    data.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    data.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayEquals(
        keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      ),
      GlobalSecondaryIndexes: Match.arrayEquals(
        tableDefinition.indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      ),
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('protects the table: PITR, deletion protection, encryption, retained', () => {
    data.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });

  it('keeps documents versioned, private, encrypted and logged', () => {
    data.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
      }),
    });
  });
});

describe('every bucket', () => {
  it('blocks public access, encrypts, and denies plain HTTP', () => {
    for (const template of [data, web]) {
      const buckets = template.findResources('AWS::S3::Bucket');
      expect(Object.keys(buckets).length).toBeGreaterThan(0);
      for (const bucket of Object.values(buckets) as { Properties: Json }[]) {
        expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
        expect(bucket.Properties.BucketEncryption).toBeDefined();
      }
      const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
      expect(policies).toHaveLength(Object.keys(buckets).length);
      for (const policy of policies) {
        expect(policy).toMatchObject({
          Properties: {
            PolicyDocument: {
              Statement: expect.arrayContaining([
                expect.objectContaining({
                  Effect: 'Deny',
                  Action: 's3:*',
                  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                }),
              ]),
            },
          },
        });
      }
    }
  });
});

describe('auth stack', () => {
  it('is invitation-only with required TOTP and a strong password policy', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      // Roles are data on the user's record (read into the token at sign-in), never a user attribute.
      Schema: [Match.objectLike({ Name: 'space', AttributeDataType: 'String' })],
      // Access token customisation (pre token generation V2_0) needs Essentials or Plus.
      UserPoolTier: 'ESSENTIALS',
    });
  });

  it('puts space, roles and reach into the tokens with a V2_0 pre token generation trigger', () => {
    const [fnId] = Object.keys(
      auth.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }),
    );
    expect(fnId).toMatch(/^PreTokenFunction/);
    auth.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [fnId, 'Arn'] }, LambdaVersion: 'V2_0' },
      },
    });
    auth.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: Match.anyValue(),
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.objectLike({ 'Fn::ImportValue': Match.anyValue() }),
        }),
      },
    });
    const [fn] = Object.values(
      auth.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }),
    ) as {
      Properties: { Timeout: number };
    }[];
    expect(fn!.Properties.Timeout).toBeLessThanOrEqual(5); // Cognito waits 5 s for a trigger
    // Only this user pool may invoke it.
    auth.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^UserPool'), 'Arn'] },
    });
  });

  it('lets the trigger read user and space records only', () => {
    const dynamo = roleStatements(auth, 'PreTokenRole').filter((s) =>
      asArray(s.Action).some((a) => a.startsWith('dynamodb:')),
    );
    expect(dynamo).toEqual([
      {
        Effect: 'Allow',
        Action: 'dynamodb:GetItem',
        Resource: { 'Fn::ImportValue': expect.stringMatching(/Table.*Arn/) },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...SIGN_IN_KEYS_PATTERNS] } },
      },
    ]);
    const [userPattern, spacePattern] = SIGN_IN_KEYS_PATTERNS;
    expect(iamStringLike(userPattern, 'GM0233#USER#7f3c2a9e-1b4d')).toBe(true);
    expect(iamStringLike(spacePattern, 'GM0233#SPACE')).toBe(true);
    for (const key of ['GM0233#AGR#a', 'GM0233#ORG#o', 'GM0233#REG', 'GM0233#USERS', 'GM0233#IDEM#u#k']) {
      expect(
        SIGN_IN_KEYS_PATTERNS.some((p) => iamStringLike(p, key)),
        key,
      ).toBe(false);
    }
  });

  it('has one group per role', () => {
    auth.resourceCountIs('AWS::Cognito::UserPoolGroup', USER_ROLES.length);
    for (const role of USER_ROLES) {
      auth.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
    }
  });

  it('gives the web client no secret, SRP/code flow, and no write access to tenant attributes', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
    });
    const [client] = Object.values(auth.findResources('AWS::Cognito::UserPoolClient')) as {
      Properties: { WriteAttributes: string[] };
    }[];
    expect(client!.Properties.WriteAttributes).not.toContain('custom:space');
    expect(client!.Properties.WriteAttributes).not.toContain('custom:roles');
  });
});

describe('api stack', () => {
  it('stops a request well before a retry may take over its Idempotency-Key claim', () => {
    expect(API_TIMEOUT_SECONDS).toBe(10);
    expect(PENDING_CLAIM_SECONDS - API_TIMEOUT_SECONDS).toBeGreaterThanOrEqual(15);
  });

  it('runs the API on Node.js 22, arm64, with its limits and configuration', () => {
    api.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: API_TIMEOUT_SECONDS,
      ReservedConcurrentExecutions: config.api.reservedConcurrency,
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: Match.anyValue(),
          JWKS_URL: Match.anyValue(),
          JWT_ISSUER: Match.anyValue(),
          JWT_AUDIENCE: Match.anyValue(),
          TABLE_ARN: Match.objectLike({ 'Fn::ImportValue': Match.anyValue() }),
          TENANT_ROLE_ARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TenantDataRole'), 'Arn'] },
          USER_POOL_ID: Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('UserPool') }),
        }),
      },
    });
  });

  it('starts the API and files functions without --enable-source-maps (stacks are mapped when logged)', () => {
    // The flag parses the whole source map on every cold start (docs/benchmarks.md); functions/shared/stack-map.ts
    // maps a logged stack instead.
    const functions = Object.values(api.findResources('AWS::Lambda::Function')) as {
      Properties: { Handler?: string; Environment?: { Variables?: Record<string, unknown> } };
    }[];
    const http = functions.filter((f) => f.Properties.Environment?.Variables?.JWKS_URL !== undefined);
    expect(http.length).toBeGreaterThanOrEqual(2);
    for (const f of http) expect(f.Properties.Environment!.Variables!.NODE_OPTIONS).toBeUndefined();
  });

  it('lets the API function manage users of its own pool with exactly five admin actions', () => {
    const cognito = roleStatements(api, 'ApiFunctionRole').filter((s) =>
      asArray(s.Action).some((action) => action.startsWith('cognito-idp:')),
    );
    expect(cognito).toHaveLength(1);
    expect([...asArray(cognito[0]!.Action)].sort()).toEqual([
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminUserGlobalSignOut',
    ]);
    expect(cognito[0]!.Effect).toBe('Allow');
    // The pool's ARN from the auth stack, nothing wider.
    expect(asArray(cognito[0]!.Resource)).toHaveLength(1);
    expect(JSON.stringify(cognito[0]!.Resource)).toMatch(/"Fn::ImportValue":"[^"]*UserPool[^"]*Arn/);
    // No other role of any stack may call Cognito's admin API.
    for (const template of [data, auth, api, web]) {
      const all = policyStatements(template).flatMap((s) => asArray(s.Action));
      expect(all.filter((a) => a.startsWith('cognito-idp:')).length).toBe(template === api ? 5 : 0);
    }
  });

  it('guards /trpc with the Cognito JWT authorizer', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: Match.objectLike({
          'Fn::Join': ['', Match.arrayWith(['https://cognito-idp.eu-central-1.amazonaws.com/'])],
        }),
        Audience: [Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('WebClient') })],
      },
    });
    const [authorizerId] = Object.keys(api.findResources('AWS::ApiGatewayV2::Authorizer'));
    api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'ANY /trpc/{proxy+}',
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizerId },
    });
  });

  it('leaves exactly the public routes unauthenticated', () => {
    const publicRoutes = ['GET /health', 'GET /public/{proxy+}', 'GET /ical/{proxy+}'];
    for (const routeKey of publicRoutes) {
      api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        AuthorizationType: 'NONE',
        AuthorizerId: Match.absent(),
      });
    }
    const routes = Object.values(api.findResources('AWS::ApiGatewayV2::Route')) as { Properties: Json }[];
    for (const { Properties: route } of routes) {
      if (!publicRoutes.includes(route.RouteKey as string)) expect(route.AuthorizationType).toBe('JWT');
    }
  });

  it('throttles and logs the default stage', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: {
        ThrottlingBurstLimit: config.api.throttle.burstLimit,
        ThrottlingRateLimit: config.api.throttle.rateLimit,
      },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('grants no DynamoDB wildcard action or resource to any role', () => {
    for (const template of [data, auth, api, web]) {
      for (const statement of policyStatements(template)) {
        const actions = asArray(statement.Action);
        expect(actions).not.toContain('*');
        expect(actions).not.toContain('dynamodb:*');
        if (actions.some((action) => action.startsWith('dynamodb:'))) {
          expect(asArray(statement.Resource)).not.toContain('*');
          expect(JSON.stringify(statement.Resource)).not.toMatch(/\/index\/\*/);
        }
      }
    }
    // Managed policies would bypass the checks above.
    api.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });

  it('gives the functions no wildcard resource, and the API function no table access of its own', () => {
    for (const [template, rolePrefix] of [
      [api, 'ApiFunctionRole'],
      [auth, 'PreTokenRole'],
    ] as const) {
      for (const statement of roleStatements(template, rolePrefix)) {
        expect(asArray(statement.Resource), rolePrefix).not.toContain('*');
        expect(JSON.stringify(statement.Resource)).not.toMatch(/[:/]\*"/);
      }
    }
    for (const rolePrefix of ['ApiFunctionRole', 'FilesFunctionRole']) {
      const statements = roleStatements(api, rolePrefix);
      // Its one table read: whether a space exists, on exactly the registry partition (issue 17).
      const dynamo = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo, rolePrefix).toEqual([
        expect.objectContaining({
          Action: 'dynamodb:GetItem',
          Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [SPACE_REGISTRY_KEY] } },
        }),
      ]);
    }
    const apiActions = roleStatements(api, 'ApiFunctionRole').flatMap((s) => asArray(s.Action));
    expect(apiActions.filter((a) => a.startsWith('sts:'))).toEqual(['sts:AssumeRole', 'sts:TagSession']);
  });

  it('serves /files from its own function behind the JWT authorizer, with S3 only through a scoped role', () => {
    const [authorizerId] = Object.keys(api.findResources('AWS::ApiGatewayV2::Authorizer'));
    api.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'ANY /files/{proxy+}',
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizerId },
      Target: Match.objectLike({
        'Fn::Join': [
          '',
          Match.arrayWith([
            Match.objectLike({ Ref: Match.stringLikeRegexp('^HttpApiANYfilesproxyFilesIntegration') }),
          ]),
        ],
      }),
    });
    api.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Role: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FilesFunctionRole'), 'Arn'] },
      Environment: {
        Variables: Match.objectLike({
          DOCUMENTS_BUCKET: { 'Fn::ImportValue': Match.stringLikeRegexp('DocumentsBucket') },
          DOCUMENTS_ROLE_ARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DocumentsRole'), 'Arn'] },
          TENANT_ROLE_ARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TenantDataRole'), 'Arn'] },
        }),
      },
    });
    // The function's own role: its logs, the space registry read (above) and assuming the scoped roles; no
    // bucket, no wildcard.
    const own = roleStatements(api, 'FilesFunctionRole');
    const actions = own.flatMap((s) => asArray(s.Action));
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:GetItem']);
    expect(actions.filter((a) => a.startsWith('sts:'))).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    for (const statement of own) {
      expect(asArray(statement.Resource)).not.toContain('*');
      expect(JSON.stringify(statement.Resource)).not.toMatch(/[:/]\*"/);
    }
    // The documents role: get and put of objects under municipality and region prefixes only, never s3:*.
    const documents = roleStatements(api, 'DocumentsRole');
    expect(documents).toEqual([
      {
        Sid: 'AgreementDocuments',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: ['/GM*/agreements/*', '/RG*/agreements/*'].map((suffix) => ({
          'Fn::Join': ['', [{ 'Fn::ImportValue': expect.stringMatching(/DocumentsBucketArn$/) }, suffix]],
        })),
      },
    ]);
    expect(JSON.stringify(documents)).toContain('/GM*/agreements/*');
    expect(JSON.stringify(documents)).toContain('/RG*/agreements/*');
    expect(JSON.stringify(documents)).not.toMatch(/s3:\*|"\*"/);
    api.hasResourceProperties('AWS::IAM::Role', {
      Description: Match.stringLikeRegexp('documents'),
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { AWS: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FilesFunctionRole'), 'Arn'] } },
            Condition: Match.objectLike({ Null: { [`aws:RequestTag/${SPACE_TAG}`]: 'false' } }),
          }),
        ],
      },
    });
  });

  it('bounds the tenant role by the session tag space, regions, write-only party views and provider collections', () => {
    const [tenantRoleId] = Object.keys(
      api.findResources('AWS::IAM::Role', { Properties: { Description: Match.stringLikeRegexp('tenant') } }),
    );
    expect(tenantRoleId).toBeDefined();
    const statements = roleStatements(api, 'TenantDataRole');
    expect(statements).toEqual([
      expect.objectContaining({
        Sid: 'OwnSpaceAndRegions',
        Effect: 'Allow',
        Action: [...TENANT_ITEM_ACTIONS],
        Resource: [
          { 'Fn::ImportValue': expect.stringMatching(/Table.*Arn/) },
          ...tableDefinition.indexes.map((index) => ({
            'Fn::Join': [
              '',
              [{ 'Fn::ImportValue': expect.stringMatching(/Table.*Arn/) }, `/index/${index.name}`],
            ],
          })),
        ],
        Condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [leadingKeysPattern(), REGION_KEYS_PATTERN] },
        },
      }),
      expect.objectContaining({
        Sid: 'PartyViewsWriteOnly',
        Action: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
        Condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [PARTY_VIEW_KEYS_PATTERN] },
          StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
        },
      }),
      // Provider sessions only (the `space` tag is `PV…`): municipality and region agreement collections,
      // on the table alone; the session policy names the exact keys (functions/api/tenant-policy.ts).
      {
        Sid: 'ProviderAgreementCollections',
        Effect: 'Allow',
        Action: [...TENANT_ITEM_ACTIONS],
        Resource: { 'Fn::ImportValue': expect.stringMatching(/Table.*Arn/) },
        Condition: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['GM*#AGR#*', 'RG*#AGR#*'] },
          StringLike: { 'aws:PrincipalTag/space': 'PV*' },
        },
      },
    ]);
    expect([...AGREEMENT_COLLECTION_KEYS_PATTERNS]).toEqual(['GM*#AGR#*', 'RG*#AGR#*']);
    expect(PROVIDER_SPACE_TAG_PATTERN).toBe('PV*');
    expect(statements.flatMap((s) => asArray(s.Action))).not.toContain('dynamodb:Scan');
    // Only the API and files function roles may assume it, only with a `space` session tag and no other tag.
    api.hasResourceProperties('AWS::IAM::Role', {
      Description: Match.stringLikeRegexp('tenant'),
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: {
        Statement: ['^ApiFunctionRole', '^FilesFunctionRole'].map((role) => ({
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Principal: { AWS: { 'Fn::GetAtt': [Match.stringLikeRegexp(role), 'Arn'] } },
          Condition: {
            Null: { [`aws:RequestTag/${SPACE_TAG}`]: 'false' },
            'ForAllValues:StringEquals': { 'aws:TagKeys': [SPACE_TAG] },
          },
        })),
      },
    });
    api.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^ApiFunctionRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            // The tenant role, and the public routes' read-only role (public-edge.test.ts).
            Resource: [
              { 'Fn::GetAtt': [tenantRoleId, 'Arn'] },
              { 'Fn::GetAtt': [Match.stringLikeRegexp('^PublicReadRole'), 'Arn'] },
            ],
          },
        ]),
      },
    });
  });

  it('has LeadingKeys patterns that admit the tagged space and regions, never another municipality or provider', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JS template
    expect(leadingKeysPattern()).toBe('${aws:PrincipalTag/space}#*');
    expect(SPACE_POLICY_VARIABLE).toBe(`\${aws:PrincipalTag/${SPACE_TAG}}`);
    const patterns = [leadingKeysPattern(), REGION_KEYS_PATTERN].map(
      (p) => resolveVariables(p, { space: 'GM0233' })!,
    );
    const admitted = (key: string) => patterns.some((p) => iamStringLike(p, key));
    expect(admitted('GM0233#AGR#abc')).toBe(true);
    expect(admitted('RGNOORDVELUWE#REG')).toBe(true);
    for (const key of [
      'GM0234#AGR#abc',
      'GM02330#AGR#abc',
      'GM0233',
      'PV81234567#AGR#x',
      'PV81234567#ORG#o',
    ]) {
      expect(admitted(key), key).toBe(false);
    }
    // Without the tag the home pattern matches nothing.
    expect(resolveVariables(leadingKeysPattern(), {})).toBeNull();
    expect(iamStringLike(PARTY_VIEW_KEYS_PATTERN, 'PV81234567#AGR#abc')).toBe(true);
    expect(iamStringLike(PARTY_VIEW_KEYS_PATTERN, 'PV81234567#ORG#abc')).toBe(false);
  });
});

describe('web stack', () => {
  it('sends security headers', () => {
    web.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: Match.anyValue(),
            IncludeSubdomains: true,
          }),
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp(
              "default-src 'self'.*script-src 'self';.*frame-ancestors 'none'",
            ),
            Override: true,
          },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: Match.objectLike({ ReferrerPolicy: 'strict-origin-when-cross-origin' }),
        },
      }),
    });
  });

  it('serves the SPA from a private bucket through OAC and the API paths uncached (but /public/*)', () => {
    const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
    const allViewerExceptHost = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
    web.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: Match.arrayWith([Match.objectLike({ OriginAccessControlId: Match.anyValue() })]),
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: Match.anyValue(),
        }),
        // `/ical/*` has a distribution of its own (session-edge.test.ts).
        CacheBehaviors: ['/trpc/*', '/files/*', '/public/*', '/health'].map((pathPattern) =>
          Match.objectLike({
            PathPattern: pathPattern,
            // The public registers are cached as the origin says (public-edge.test.ts).
            CachePolicyId: pathPattern === '/public/*' ? Match.anyValue() : cachingDisabled,
            OriginRequestPolicyId: pathPattern === '/public/*' ? Match.absent() : allViewerExceptHost,
            ViewerProtocolPolicy: 'https-only',
            ResponseHeadersPolicyId: Match.anyValue(),
          }),
        ),
      }),
    });
    web.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });

  it('deploys no assets when there is no web build', () => {
    const stack = new WebStack(new App({ context }), 'WebWithoutBuild', {
      env: config.env,
      apiDomainName: 'example.execute-api.eu-central-1.amazonaws.com',
      assetsPath: undefined,
      signIn: { authority: 'https://regie.auth.eu-central-1.amazoncognito.com', clientId: 'client' },
      originSecretName: 'regie-test/origin-verify',
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/regie/abc',
    });
    Template.fromStack(stack).resourceCountIs('Custom::CDKBucketDeployment', 0);
  });
});

describe('outputs', () => {
  it('exposes what an operator needs to onboard a tenant and reach the app', () => {
    data.hasOutput('TableName', { Value: { Ref: Match.stringLikeRegexp('^Table') } });
    auth.hasOutput('UserPoolId', { Value: { Ref: Match.stringLikeRegexp('^UserPool') } });
    auth.hasOutput('WebClientId', { Value: { Ref: Match.stringLikeRegexp('^UserPool.*WebClient') } });
    api.hasOutput('ApiUrl', {});
    web.hasOutput('WebUrl', {});
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  /** AwsSolutions violations from the assembly's validation report (cdk-nag v3 reports there, not as annotations). */
  function nagViolations(assemblyDir: string): { rule: string; severity: string; paths: string[] }[] {
    const report = JSON.parse(readFileSync(join(assemblyDir, 'validation-report.json'), 'utf8')) as {
      pluginReports: {
        pluginName: string;
        violations: {
          ruleName: string;
          severity: string;
          violatingConstructs: { constructPath: string }[];
        }[];
      }[];
    };
    return report.pluginReports
      .filter((plugin) => plugin.pluginName === 'AwsSolutions')
      .flatMap((plugin) => plugin.violations)
      .map((v) => ({
        rule: v.ruleName,
        severity: v.severity,
        paths: v.violatingConstructs.map((c) => c.constructPath),
      }));
  }

  it('finds no unacknowledged errors in the whole app', () => {
    const app = new App({ context });
    defineRegie(app, config);
    addNagChecks(app);
    // A failing validation throws here with the full report in the message.
    const assembly = app.synth();
    const errors = nagViolations(assembly.directory).filter((v) => v.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('does report a non-compliant resource (the plugin is really wired in)', () => {
    const app = new App({ context: { ...context, '@aws-cdk/core:failSynthOnValidationErrors': false } });
    new Bucket(new Stack(app, 'Careless', { env: config.env }), 'Bucket');
    addNagChecks(app);
    const rules = nagViolations(app.synth().directory).map((v) => v.rule);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });
});
