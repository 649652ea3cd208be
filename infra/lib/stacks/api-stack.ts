import { API_TIMEOUT_SECONDS } from '@regie/db/limits';
import { tableDefinition } from '@regie/db/table';
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  DomainName,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ArnPrincipal, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { nodeFunctionDefaults } from '../bundling.ts';
import { paths } from '../paths.ts';
import {
  AGREEMENT_COLLECTION_KEYS_PATTERNS,
  ICAL_INDEX,
  ICAL_INDEX_KEY_SUFFIXES,
  ICAL_TABLE_KEY_SUFFIXES,
  leadingKeysPattern,
  PARTY_VIEW_ACTIONS,
  PARTY_VIEW_KEYS_PATTERN,
  PROVIDER_SPACE_TAG_PATTERN,
  PUBLIC_READ_ACTIONS,
  PUBLIC_REGISTER_KEY_SUFFIXES,
  REGION_KEYS_PATTERN,
  SPACE_POLICY_VARIABLE,
  SPACE_REGISTRY_KEY,
  SPACE_TAG,
  TENANT_ITEM_ACTIONS,
} from '../tenant-policy.ts';

export interface ApiStackProps extends StackProps {
  readonly table: ITableV2;
  /** Absolute path of the Lambda entry exporting `handler`. */
  readonly entry: string;
  readonly jwt: { readonly issuer: string; readonly audience: string; readonly jwksUrl: string };
  readonly reservedConcurrency: number;
  readonly throttle: { readonly burstLimit: number; readonly rateLimit: number };
  /** Agreement documents (SPEC §5.2), read and written by the files function only. */
  readonly documentsBucket: IBucket;
  /** Absolute path of the files Lambda entry; functions/files/handler.ts by default. */
  readonly filesEntry?: string;
  /** The user pool where `user.invite` creates logins and `user.update` disables them (issue 13). */
  readonly userPool: { readonly id: string; readonly arn: string };
  /** The audit anchor public key (base64 DER) `agreement.verifyAudit` checks anchors with; config.ts `audit`. */
  readonly anchorPublicKey?: string;
  /** The API's own host name and certificate; with it the execute-api endpoint is disabled (config.ts). */
  readonly domain?: { readonly name: string; readonly certificateArn: string };
  /** Name of the Secrets Manager secret CloudFront sends as `x-origin-verify` (read by the Web stack). */
  readonly originSecretName: string;
}

/** What the API may do in the user pool: invite, compensate, disable/enable and end sessions — nothing else. */
export const USER_POOL_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
] as const;

/** GetItem on the platform's list of spaces (`PLATFORM#SPACES`), exactly that partition: the registry read. */
function spaceRegistryRead(tableArn: string): PolicyStatement {
  return new PolicyStatement({
    sid: 'SpaceRegistryRead',
    actions: ['dynamodb:GetItem'],
    resources: [tableArn],
    conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [SPACE_REGISTRY_KEY] } },
  });
}

/** Stateless: the API function, its roles and the HTTP API. Safe to destroy and recreate. */
export class ApiStack extends Stack {
  readonly httpApi: HttpApi;
  /** Host name CloudFront reaches the API at: the custom domain when configured, else the execute-api endpoint. */
  readonly apiDomainName: string;
  /** The read-only role of the anonymous routes (public register, iCal feeds). */
  readonly publicReadRole: Role;
  /** What CloudFront adds to every request as `x-origin-verify`; the functions refuse requests without it. */
  readonly originSecret: Secret;
  readonly handler: NodejsFunction;
  readonly tenantDataRole: Role;
  /** The files function (`/files/*`: documents, PDFs) and the role it assumes per agreement for S3. */
  readonly filesHandler: NodejsFunction;
  documentsRole!: Role;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    const { table } = props;
    // Explicit index ARNs (no `index/*` wildcard), derived from the shared definition.
    const tableResources = [
      table.tableArn,
      ...tableDefinition.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
    ];

    const logGroup = new LogGroup(this, 'ApiFunctionLogs', { retention: RetentionDays.ONE_MONTH });

    // Own role instead of AWSLambdaBasicExecutionRole: logs to its own group only. No table access of its
    // own: every database call of a request runs with the caller's tenant credentials (below).
    const functionRole = new Role(this, 'ApiFunctionRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Regie API function',
    });
    logGroup.grantWrite(functionRole);

    // Assumed per caller scope with a `space` session tag and a session policy naming the caller's reach and,
    // for a provider's report, the exact agreement collection (functions/api/tenant-credentials.ts). This
    // policy is the outer bound; see infra/lib/tenant-policy.ts.
    this.tenantDataRole = new Role(this, 'TenantDataRole', {
      assumedBy: new ArnPrincipal(functionRole.roleArn).withSessionTags().withConditions({
        Null: { [`aws:RequestTag/${SPACE_TAG}`]: 'false' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [SPACE_TAG] },
      }),
      description:
        'Regie tenant-scoped data access (LeadingKeys = session tag space; session policy = reach)',
      maxSessionDuration: Duration.hours(1),
    });
    this.tenantDataRole.addToPolicy(
      new PolicyStatement({
        sid: 'OwnSpaceAndRegions',
        actions: [...TENANT_ITEM_ACTIONS],
        resources: tableResources,
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [leadingKeysPattern(), REGION_KEYS_PATTERN] },
        },
      }),
    );
    this.tenantDataRole.addToPolicy(
      new PolicyStatement({
        sid: 'PartyViewsWriteOnly',
        actions: [...PARTY_VIEW_ACTIONS],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [PARTY_VIEW_KEYS_PATTERN] },
          StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
        },
      }),
    );
    // A provider delivering a report writes into the municipality's (or region's) agreement item collection
    // (SPEC §4.3, packages/db/src/reports.ts). This bound admits agreement collections of any municipality or
    // region, but only to provider sessions (the `space` tag, which the trust policy demands, is `PV…`), and it
    // stays safe because IAM grants the intersection with the session policy: a provider session's policy
    // names its own `PV<kvk>#*` and, only when the repository widened the request after reading the provider's
    // own party view, the exact keys of those collections (`ForAllValues:StringEquals`, no wildcard). A provider
    // session without a collection has no such statement in its session policy and so gets nothing from this
    // one; municipality and region sessions never match the tag condition (their collections are their reach).
    // Table only: a collection has no index partitions of its own.
    this.tenantDataRole.addToPolicy(
      new PolicyStatement({
        sid: 'ProviderAgreementCollections',
        actions: [...TENANT_ITEM_ACTIONS],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...AGREEMENT_COLLECTION_KEYS_PATTERNS] },
          StringLike: { [`aws:PrincipalTag/${SPACE_TAG}`]: PROVIDER_SPACE_TAG_PATTERN },
        },
      }),
    );
    // The anonymous routes' role (public-credentials.ts): GetItem and Query only, on the tagged space's record and
    // public register and its iCal feeds' records, users and dated index partitions — nothing else, never a write.
    // Each session narrows it further to one route's exact keys of one space.
    this.publicReadRole = new Role(this, 'PublicReadRole', {
      assumedBy: new ArnPrincipal(functionRole.roleArn).withSessionTags().withConditions({
        Null: { [`aws:RequestTag/${SPACE_TAG}`]: 'false' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [SPACE_TAG] },
      }),
      description: 'Regie public register and iCal feeds: read-only, one space (session tag) per session',
      maxSessionDuration: Duration.hours(1),
    });
    const tagged = (suffix: string) => `${SPACE_POLICY_VARIABLE}#${suffix}`;
    this.publicReadRole.addToPolicy(
      new PolicyStatement({
        sid: 'PublicRegisterAndIcalItems',
        actions: [...PUBLIC_READ_ACTIONS],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringLike': {
            'dynamodb:LeadingKeys': [...PUBLIC_REGISTER_KEY_SUFFIXES, ...ICAL_TABLE_KEY_SUFFIXES].map(tagged),
          },
        },
      }),
    );
    this.publicReadRole.addToPolicy(
      new PolicyStatement({
        sid: 'IcalDatedIndex',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${ICAL_INDEX}`],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ICAL_INDEX_KEY_SUFFIXES.map(tagged) },
        },
      }),
    );
    functionRole.addToPolicy(
      new PolicyStatement({
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: [this.tenantDataRole.roleArn, this.publicReadRole.roleArn],
      }),
    );
    // The one table read of the function's own: whether a space exists (space-registry.ts), before any role.
    functionRole.addToPolicy(spaceRegistryRead(table.tableArn));

    this.originSecret = new Secret(this, 'OriginSecret', {
      secretName: props.originSecretName,
      description:
        'Regie: header CloudFront adds to API requests (x-origin-verify); requests without it answer 403',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'CloudFront and the functions read the value at deploy time (a dynamic reference); rotating means ' +
        'regenerating it and redeploying the Api and Web stacks together (docs/deployment.md).',
    });
    // People of a space (user.invite / user.update): exactly these actions, on this one pool.
    functionRole.addToPolicy(
      new PolicyStatement({
        sid: 'InvitePeople',
        actions: [...USER_POOL_ACTIONS],
        resources: [props.userPool.arn],
      }),
    );

    const defaults = nodeFunctionDefaults();
    this.handler = new NodejsFunction(this, 'ApiFunction', {
      ...nodeFunctionDefaults(),
      entry: props.entry,
      handler: 'handler',
      memorySize: 1024,
      // Idempotency claims are taken over after this plus a margin (@regie/db/limits), so they must agree.
      timeout: Duration.seconds(API_TIMEOUT_SECONDS),
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: functionRole,
      logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        TABLE_ARN: table.tableArn,
        TENANT_ROLE_ARN: this.tenantDataRole.roleArn,
        PUBLIC_ROLE_ARN: this.publicReadRole.roleArn,
        ORIGIN_SECRET: this.originSecret.secretValue.unsafeUnwrap(),
        USER_POOL_ID: props.userPool.id,
        ...(props.anchorPublicKey ? { AUDIT_ANCHOR_PUBLIC_KEY: props.anchorPublicKey } : {}),
        JWKS_URL: props.jwt.jwksUrl,
        JWT_ISSUER: props.jwt.issuer,
        JWT_AUDIENCE: props.jwt.audience,
        POWERTOOLS_SERVICE_NAME: 'regie-api',
        POWERTOOLS_METRICS_NAMESPACE: 'Regie',
      },
    });

    Validations.of(this.handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is pinned on purpose: the bundle targets node22 and the code is tested on Node 20/22; ' +
        'moving to a newer runtime is a deliberate upgrade, not an implicit one.',
    });

    const accessLogs = new LogGroup(this, 'HttpApiAccessLogs', { retention: RetentionDays.ONE_MONTH });

    // Every route requires a Cognito JWT unless it opts out explicitly below.
    const jwtAuthorizer = new HttpJwtAuthorizer('CognitoJwt', props.jwt.issuer, {
      jwtAudience: [props.jwt.audience],
    });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Regie API (tRPC over Hono)',
      createDefaultStage: false,
      defaultAuthorizer: jwtAuthorizer,
      // With a domain of its own, the API answers there only (CloudFront's origin); execute-api is switched off.
      disableExecuteApiEndpoint: props.domain !== undefined,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            method: '$context.httpMethod',
            // The route, not the path: an iCal feed's path holds its secret, which must never be logged.
            route: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    const integration = new HttpLambdaIntegration('ApiIntegration', this.handler);
    this.httpApi.addRoutes({ path: '/trpc/{proxy+}', methods: [HttpMethod.ANY], integration });

    // Documents and PDFs: their own function behind the same JWT authorizer (the default one).
    this.filesHandler = this.filesFunction(props, defaults);
    const filesIntegration = new HttpLambdaIntegration('FilesIntegration', this.filesHandler);
    this.httpApi.addRoutes({
      path: '/files/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: filesIntegration,
    });

    // Public by specification (SPEC §7): health check and public registers (API function), iCal feeds with the
    // secret in the path (files function, where the iCal library lives).
    const publicRoutes = [
      { path: '/health', integration },
      { path: '/public/{proxy+}', integration },
      { path: '/ical/{proxy+}', integration: filesIntegration },
    ];
    for (const { path, integration: target } of publicRoutes) {
      const [route] = this.httpApi.addRoutes({
        path,
        methods: [HttpMethod.GET],
        integration: target,
        authorizer: new HttpNoneAuthorizer(),
      });
      Validations.of(route!).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${path} is public by specification (SPEC §7); the handler serves no tenant-private data on it.`,
      });
    }

    if (props.domain) {
      const domainName = new DomainName(this, 'ApiDomain', {
        domainName: props.domain.name,
        certificate: Certificate.fromCertificateArn(this, 'ApiCertificate', props.domain.certificateArn),
      });
      new ApiMapping(this, 'ApiMapping', { api: this.httpApi, domainName, stage });
      this.apiDomainName = props.domain.name;
      // The DNS record to create: <domain> CNAME <this target>.
      new CfnOutput(this, 'ApiDomainTarget', { value: domainName.regionalDomainName });
    } else {
      this.apiDomainName = `${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`;
    }
    new CfnOutput(this, 'ApiUrl', { value: `https://${this.apiDomainName}` });
  }

  /**
   * The files function: pdf-lib and the S3 client live here, not in the API function (whose bundle stays small).
   * Its database calls use the same tenant role as the API function (the same session policies); its S3 calls a
   * documents role assumed per request with a session policy naming only that agreement's key prefix
   * (functions/files/document-credentials.ts). The function's own role reaches neither the table nor the bucket.
   */
  private filesFunction(
    props: ApiStackProps,
    defaults: ReturnType<typeof nodeFunctionDefaults>,
  ): NodejsFunction {
    const logGroup = new LogGroup(this, 'FilesFunctionLogs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'FilesFunctionRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Regie files function',
    });
    logGroup.grantWrite(role);
    const tagConditions = {
      Null: { [`aws:RequestTag/${SPACE_TAG}`]: 'false' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': [SPACE_TAG] },
    };
    // The tenant role trusts the files function as it trusts the API function: with the space tag, nothing else.
    this.tenantDataRole.assumeRolePolicy!.addStatements(
      new PolicyStatement({
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        principals: [new ArnPrincipal(role.roleArn)],
        conditions: tagConditions,
      }),
    );
    this.documentsRole = new Role(this, 'DocumentsRole', {
      assumedBy: new ArnPrincipal(role.roleArn).withSessionTags().withConditions(tagConditions),
      description: 'Regie agreement documents (session policy = one agreement prefix)',
      maxSessionDuration: Duration.hours(1),
    });
    // The outer bound: objects under a municipality's or region's agreements; providers own no documents. The
    // bucket's ARN comes through a named export, so the cdk-nag finding below names it exactly.
    const objectPatterns = ['GM*/agreements/*', 'RG*/agreements/*'];
    const bucketStack = Stack.of(props.documentsBucket);
    const bucketArnExport = `${bucketStack.stackName}-DocumentsBucketArn`;
    const bucketArn = bucketStack.exportValue(props.documentsBucket.bucketArn, { name: bucketArnExport });
    this.documentsRole.addToPolicy(
      new PolicyStatement({
        sid: 'AgreementDocuments',
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: objectPatterns.map((pattern) => `${bucketArn}/${pattern}`),
      }),
    );
    for (const pattern of objectPatterns) {
      Validations.of(this.documentsRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${bucketArnExport}/${pattern}]`,
        reason:
          'Objects under the municipality and region prefixes are the outer bound; every session is narrowed by its ' +
          'session policy to one agreement prefix <space>/agreements/<id>/ (functions/files/document-credentials.ts).',
      });
    }
    this.publicReadRole.assumeRolePolicy!.addStatements(
      new PolicyStatement({
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        principals: [new ArnPrincipal(role.roleArn)],
        conditions: tagConditions,
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: [this.tenantDataRole.roleArn, this.documentsRole.roleArn, this.publicReadRole.roleArn],
      }),
    );
    role.addToPolicy(spaceRegistryRead(props.table.tableArn));

    const fn = new NodejsFunction(this, 'FilesFunction', {
      ...defaults,
      entry: props.filesEntry ?? paths.filesEntry,
      handler: 'handler',
      memorySize: 1024,
      timeout: Duration.seconds(15),
      reservedConcurrentExecutions: Math.max(1, Math.floor(props.reservedConcurrency / 2)),
      role,
      logGroup,
      environment: {
        TABLE_NAME: props.table.tableName,
        TABLE_ARN: props.table.tableArn,
        TENANT_ROLE_ARN: this.tenantDataRole.roleArn,
        PUBLIC_ROLE_ARN: this.publicReadRole.roleArn,
        ORIGIN_SECRET: this.originSecret.secretValue.unsafeUnwrap(),
        DOCUMENTS_BUCKET: props.documentsBucket.bucketName,
        DOCUMENTS_ROLE_ARN: this.documentsRole.roleArn,
        JWKS_URL: props.jwt.jwksUrl,
        JWT_ISSUER: props.jwt.issuer,
        JWT_AUDIENCE: props.jwt.audience,
        POWERTOOLS_SERVICE_NAME: 'regie-files',
        POWERTOOLS_METRICS_NAMESPACE: 'Regie',
      },
    });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'nodejs22.x is pinned on purpose, like the API function (the bundle targets node22).',
    });
    return fn;
  }
}
