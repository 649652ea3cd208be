import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** WAF's rate-based rules count over a window of this many seconds (300 is WAF's default and the longest). */
export const WAF_WINDOW_SECONDS = 300;

/** Path prefixes of the anonymous routes, held to the stricter rate (`/public/*`, `/ical/*`). */
export const PUBLIC_PATH_PREFIXES = ['/public/', '/ical/'] as const;

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/** A block-by-IP rate rule, optionally scoped down to some requests. */
function rateRule(
  name: string,
  priority: number,
  limit: number,
  scopeDownStatement?: CfnWebACL.StatementProperty,
): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    action: { block: { customResponse: { responseCode: 429 } } },
    statement: {
      rateBasedStatement: {
        limit,
        aggregateKeyType: 'IP',
        evaluationWindowSec: WAF_WINDOW_SECONDS,
        scopeDownStatement,
      },
    },
    visibilityConfig: visibility(name),
  };
}

const startsWith = (prefix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'STARTS_WITH',
    searchString: prefix,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});

export interface EdgeWafStackProps extends StackProps {
  readonly perIp: number;
  readonly publicPerIp: number;
}

/**
 * The web ACL in front of CloudFront (and so of the API, which only answers requests CloudFront signed with the
 * origin secret). A CloudFront-scope web ACL can only be created in us-east-1, hence a stack of its own there;
 * the Web stack reads its ARN through a cross-region reference.
 */
export class EdgeWafStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeWafStackProps) {
    super(scope, id, props);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${this.stackName}-edge`,
      description: 'Regie - rate limits per IP in front of CloudFront, for the web app and the API',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('RegieEdge'),
      rules: [
        rateRule('PublicRoutesPerIp', 0, props.publicPerIp, {
          orStatement: { statements: PUBLIC_PATH_PREFIXES.map(startsWith) },
        }),
        rateRule('AllRequestsPerIp', 1, props.perIp),
        {
          name: 'AmazonIpReputation',
          priority: 2,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesAmazonIpReputationList' },
          },
          visibilityConfig: visibility('AmazonIpReputation'),
        },
      ],
    });
  }
}

export interface SignInWafStackProps extends StackProps {
  readonly signInPerIp: number;
  readonly userPoolArn: string;
}

/**
 * Sign-in does not pass CloudFront: the browser goes to Cognito's managed login and token endpoint directly. So
 * the stricter sign-in rule sits on a regional web ACL associated with the user pool, in the pool's region.
 */
export class SignInWafStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: SignInWafStackProps) {
    super(scope, id, props);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${this.stackName}-signin`,
      description: 'Regie - sign-in attempts per IP on the Cognito user pool',
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('RegieSignIn'),
      rules: [rateRule('SignInPerIp', 0, props.signInPerIp)],
    });
    new CfnWebACLAssociation(this, 'UserPoolAssociation', {
      resourceArn: props.userPoolArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
