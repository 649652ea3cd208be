import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { USER_ROLES } from '../roles.ts';

export interface AuthStackProps extends StackProps {
  readonly callbackUrls: readonly string[];
  readonly logoutUrls: readonly string[];
}

export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  /** The `iss` claim of tokens from this pool. */
  readonly issuer: string;
  readonly jwksUrl: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'UserPool', {
      // Users are invited by an administrator of their organisation; nobody signs up on their own.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // The tenant and roles travel in the token; only administrators (AdminUpdateUserAttributes) set them.
      customAttributes: {
        space: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        roles: new StringAttribute({ minLen: 0, maxLen: 512, mutable: true }),
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
      .withCustomAttributes('space', 'roles');

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

    this.issuer = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional (TOTP) by product decision; requiring it per organisation is a later policy.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials feature plan: Plus-tier threat protection is a per-deployment cost decision; ' +
          'sign-in is SRP/code flow with a strong password policy and optional TOTP.',
      },
    );
  }
}
