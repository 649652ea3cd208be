import {
  CfnOutput,
  DefaultStackSynthesizer,
  Duration,
  RemovalPolicy,
  SecretValue,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';

export interface WebStackProps extends StackProps {
  /** Host name of the HTTP API (no scheme), reached through CloudFront on the same origin. */
  readonly apiDomainName: string;
  /** Built SPA directory; when undefined nothing is deployed (synth before a web build). */
  readonly assetsPath: string | undefined;
  /** Cognito's sign-in pages and the web client, written to the app's `/config.json` at deploy time. */
  readonly signIn: { readonly authority: string; readonly clientId: string };
  /** The Secrets Manager secret whose value CloudFront sends to the API as `x-origin-verify` (Api stack). */
  readonly originSecretName: string;
  /** The CloudFront-scope WAF web ACL (us-east-1, EdgeWafStack). */
  readonly webAclArn: string;
}

/** The header the API functions check (packages/api/src/origin-guard.ts). */
export const ORIGIN_SECRET_HEADER = 'x-origin-verify';

/** Paths served by the API. Same origin as the SPA, so the browser needs no CORS. */
export const API_PATH_PATTERNS = ['/trpc/*', '/files/*', '/public/*', '/health'] as const;

/**
 * The iCal feeds (`/ical/<space>/<secret>.ics`) have a distribution of their own, without standard logging:
 * CloudFront's standard logs cannot leave out one path, and a feed's path is its secret (issue 17 point 3).
 */
export const FEED_PATH_PATTERN = '/ical/*';

/** The feed distribution answers nothing but feeds; anything else is 404 at the edge, never the API. */
const FEEDS_ONLY = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('/ical/') !== 0) return { statusCode: 404, statusDescription: 'Not Found' };
  return request;
}`;

/**
 * SPA routing: a path without a file extension gets `index.html`. Done in a viewer-request function rather
 * than with distribution-wide error responses, which would also turn the API's 404 NOT_FOUND into HTML.
 */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export class WebStack extends Stack {
  readonly distribution: Distribution;
  /** Serves only `/ical/*`, with no access logs (FEED_PATH_PATTERN). */
  readonly feedDistribution: Distribution;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    // CloudFront standard logging writes with ACLs, hence BUCKET_OWNER_PREFERRED rather than ENFORCED.
    const logsBucket = new Bucket(this, 'LogsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const siteBucket = new Bucket(this, 'SiteBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logsBucket,
      serverAccessLogsPrefix: 'site/',
    });

    const cognitoEndpoints = [
      `https://cognito-idp.${this.region}.amazonaws.com`,
      `https://*.auth.${this.region}.amazoncognito.com`,
    ];
    const contentSecurityPolicy = [
      "default-src 'self'",
      // Vite emits external modules only; no inline scripts, no eval.
      "script-src 'self'",
      // Component libraries set style attributes; inline styles carry far less risk than inline scripts.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      `connect-src 'self' ${cognitoEndpoints.join(' ')}`,
      "object-src 'none'",
      "base-uri 'self'",
      `form-action 'self' ${cognitoEndpoints[1]}`,
      "frame-ancestors 'none'",
      'upgrade-insecure-requests',
    ].join('; ');

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Regie security headers',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentSecurityPolicy: { contentSecurityPolicy, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=()',
            override: true,
          },
        ],
      },
    });

    // One origin for every API path. It carries the origin secret: the API answers nothing without it, so the
    // WAF in front of this distribution cannot be walked around (the value is resolved by CloudFormation at deploy
    // time from Secrets Manager; it is not in the template).
    const apiOrigin = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: {
        [ORIGIN_SECRET_HEADER]: SecretValue.secretsManager(props.originSecretName).unsafeUnwrap(),
      },
    });
    // API behaviours: never cached (responses are per user), all viewer headers except Host (API Gateway
    // routes on its own host name) so Authorization, query strings and Idempotency-Key reach the API.
    const apiBehavior: BehaviorOptions = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: securityHeaders,
    };

    // The public Woo registers: the same for everyone, so cached at the edge for as long as the app says
    // (`cache-control: public, max-age=300`; an unknown code's 404 for 60 s). No TTL of its own (default 0,
    // minimum 0): what the origin does not mark cacheable is not cached. Nothing of the viewer is in the key or
    // forwarded — no Authorization, no cookies, no query string — so one cached answer serves every caller.
    const publicCachePolicy = new CachePolicy(this, 'PublicRegisterCache', {
      comment: 'Regie public registers: honour the origin Cache-Control, key on the path only',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.hours(1),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const publicBehavior: BehaviorOptions = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: publicCachePolicy,
      responseHeadersPolicy: securityHeaders,
    };

    this.distribution = new Distribution(this, 'Distribution', {
      webAclId: props.webAclArn,
      comment: 'Regie web app and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, 'SpaRewrite', {
              code: FunctionCode.fromInline(SPA_REWRITE),
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: Object.fromEntries(
        API_PATH_PATTERNS.map((pattern) => [pattern, pattern === '/public/*' ? publicBehavior : apiBehavior]),
      ),
    });

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain yet: the default *.cloudfront.net certificate fixes the viewer TLS policy. ' +
          'Set a certificate with TLSv1.2_2021 when the domain is known.',
      },
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Municipal staff and providers may work from abroad; geography is not an access boundary here.',
      },
    );

    new CfnOutput(this, 'WebUrl', { value: `https://${this.distribution.distributionDomainName}` });

    // The feeds' own distribution: the same origin, origin secret and web ACL (its stricter `/ical/` rate rule
    // included), GET and HEAD only, never cached, and no standard logging. The web app builds feed links with
    // this host (`feedOrigin` in config.json); the main distribution has no `/ical/*` behaviour.
    this.feedDistribution = new Distribution(this, 'FeedDistribution', {
      webAclId: props.webAclArn,
      comment: 'Regie iCal feeds (not logged: the path is the secret)',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: false,
      defaultBehavior: {
        ...apiBehavior,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, 'FeedsOnly', {
              code: FunctionCode.fromInline(FEEDS_ONLY),
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
    });
    Validations.of(this.feedDistribution).acknowledge(
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'Access logging is off on purpose: every path of this distribution is an iCal feed whose path is ' +
          'its secret, and standard logs cannot redact the path (issue 17 point 3; docs/security.md). ' +
          'Requests are still counted by CloudFront and WAF metrics and rate-limited by the WAF.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'No custom domain yet: the default *.cloudfront.net certificate fixes the viewer TLS policy.',
      },
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Calendar clients fetch feeds from wherever their users are; geography is no boundary.',
      },
    );
    const feedOrigin = `https://${this.feedDistribution.distributionDomainName}`;
    new CfnOutput(this, 'FeedUrl', { value: feedOrigin });

    if (props.assetsPath) this.deploySite(props.assetsPath, siteBucket, props.signIn, feedOrigin);
  }

  /** Uploads the built SPA and invalidates the distribution. */
  private deploySite(
    assetsPath: string,
    siteBucket: Bucket,
    signIn: WebStackProps['signIn'],
    feedOrigin: string,
  ): void {
    // Own role and log group instead of CDK's default AWSLambdaBasicExecutionRole.
    const logGroup = new LogGroup(this, 'DeploySiteLogs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'DeploySiteRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    logGroup.grantWrite(role);

    new BucketDeployment(this, 'DeploySite', {
      // The runtime configuration the SPA reads at start (web/src/lib/runtime-config.ts): sign in through Cognito.
      sources: [
        Source.asset(assetsPath),
        Source.jsonData('config.json', {
          signIn: { mode: 'cognito', authority: signIn.authority, clientId: signIn.clientId },
          feedOrigin,
        }),
      ],
      destinationBucket: siteBucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role,
      logGroup,
    });

    // The grants below are generated by CDK's BucketDeployment and cannot be narrowed from outside.
    const reason =
      'CDK BucketDeployment grants: read of the CDK asset bucket, write of the site bucket, and ' +
      'cloudfront:CreateInvalidation, which supports no resource-level permissions.';
    const siteBucketArn = `<${this.getLogicalId(siteBucket.node.defaultChild as CfnBucket)}.Arn>`;
    const assetsBucketArn = `arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${this.account}-${this.region}`;
    const findings = [
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      `Resource::${assetsBucketArn}/*`,
      `Resource::${siteBucketArn}/*`,
      'Resource::*',
    ];
    for (const finding of findings) {
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }

    // The handler is a stack-level singleton whose runtime CDK pins; it only runs during deployments.
    const handler = this.node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (handler) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'CDK-managed BucketDeployment handler; its runtime is pinned by aws-cdk-lib, not by this app.',
      });
    }
  }
}
