import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { nodeFunctionDefaults, TRIGGER_TIMEOUT } from '../bundling.ts';
import { USER_ROLES } from '../roles.ts';
import { SIGN_IN_KEYS_PATTERNS } from '../tenant-policy.ts';

export interface AuthStackProps extends StackProps {
  readonly callbackUrls: readonly string[];
  readonly logoutUrls: readonly string[];
  /** The table holding user and space records, read at sign-in to put Regie's claims in the tokens. */
  readonly table: ITableV2;
  /** Absolute path of the pre token generation trigger's entry. */
  readonly preTokenEntry: string;
  /** The Cognito domain prefix of the sign-in pages (`<prefix>.auth.<region>.amazoncognito.com`), unique per region. */
  readonly domainPrefix: string;
}

export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  /** The `iss` claim of tokens from this pool. */
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly preTokenFunction: NodejsFunction;
  /** The sign-in pages' base URL (authorize, token and logout endpoints), for the web app's code flow with PKCE. */
  readonly authority: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'UserPool', {
      // Users are invited by an administrator of their organisation; nobody signs up on their own.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      // MFA for every user, so for admins and approvers too (issue 17 point 4): Cognito cannot require MFA per
      // group, and in OPTIONAL mode it neither prompts nor offers enrolment to users without a chosen factor.
      // Managed login enrols an authenticator app (TOTP) at sign-in. No device remembering: every sign-in asks.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Access token customisation (pre token generation V2_0) needs Essentials or Plus.
      featurePlan: FeaturePlan.ESSENTIALS,
      // The user's space; only administrators (AdminCreateUser/AdminUpdateUserAttributes) set it. Roles are
      // not an attribute: they are data on the user's record, read into the tokens by the trigger below.
      customAttributes: {
        space: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const role of USER_ROLES) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `Regie role ${role}` });
    }

    // Users may edit their own profile, never `custom:space` / `custom:roles`.
    const userWritable = new ClientAttributes().withStandardAttributes({ email: true, fullname: true });
    const userReadable = new ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
      .withCustomAttributes('space');

    this.webClient = this.userPool.addClient('WebClient', {
      generateSecret: false, // a browser cannot keep a secret
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [...props.callbackUrls],
        logoutUrls: [...props.logoutUrls],
      },
      readAttributes: userReadable,
      writeAttributes: userWritable,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });

    this.preTokenFunction = this.addPreTokenTrigger(props);

    // Cognito's managed sign-in pages: the web app sends users there (authorization code flow with PKCE).
    const domain = this.userPool.addDomain('SignInDomain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });
    this.authority = domain.baseUrl();
    new CfnOutput(this, 'SignInUrl', { value: this.authority });

    this.issuer = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.webClient.userPoolClientId });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials feature plan: Plus-tier threat protection is a per-deployment cost decision; ' +
        'sign-in is SRP/code flow with a strong password policy and required TOTP.',
    });
  }

  /**
   * Pre token generation (V2_0): `space`, `roles`, `reach` and `name` claims in the ID and access tokens,
   * read from the user's and the space's records (functions/auth/pre-token.ts).
   */
  private addPreTokenTrigger(props: AuthStackProps): NodejsFunction {
    const { table } = props;
    const logGroup = new LogGroup(this, 'PreTokenLogs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'PreTokenRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Regie pre token generation trigger: reads user and space records',
    });
    logGroup.grantWrite(role);
    // GetItem only, only on user and space records (LeadingKeys sees partition keys, which is enough here).
    role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...SIGN_IN_KEYS_PATTERNS] },
        },
      }),
    );

    const fn = new NodejsFunction(this, 'PreTokenFunction', {
      ...nodeFunctionDefaults(),
      entry: props.preTokenEntry,
      handler: 'handler',
      memorySize: 512,
      timeout: TRIGGER_TIMEOUT,
      role,
      logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        POWERTOOLS_SERVICE_NAME: 'regie-pre-token',
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, fn, LambdaVersion.V2_0);

    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is pinned on purpose: the bundle targets node22 and the code is tested on Node 20/22; ' +
        'moving to a newer runtime is a deliberate upgrade, not an implicit one.',
    });
    return fn;
  }
}
