import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { StageConfig } from './config.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { AuthStack } from './stacks/auth-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { JobsStack } from './stacks/jobs-stack.ts';
import { EdgeWafStack, SignInWafStack } from './stacks/waf-stack.ts';
import { WebStack } from './stacks/web-stack.ts';

export interface RegieStacks {
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly api: ApiStack;
  readonly jobs: JobsStack;
  readonly web: WebStack;
  readonly edgeWaf: EdgeWafStack;
  readonly signInWaf: SignInWafStack;
}

/**
 * Builds every stack of one stage into `app`. Shared by `bin/regie.ts` and the tests, so the tests check
 * exactly what gets deployed.
 */
export function defineRegie(app: App, config: StageConfig): RegieStacks {
  const prefix = `Regie-${config.stage}`;
  const env = config.env;

  const data = new DataStack(app, `${prefix}-Data`, {
    env,
    terminationProtection: true,
    anchorRetentionDays: config.audit.anchorRetentionDays,
  });
  const auth = new AuthStack(app, `${prefix}-Auth`, {
    env,
    callbackUrls: config.auth.callbackUrls,
    logoutUrls: config.auth.logoutUrls,
    table: data.table,
    preTokenEntry: config.auth.preTokenEntry,
    domainPrefix: config.auth.domainPrefix,
  });
  const signInWaf = new SignInWafStack(app, `${prefix}-SignInWaf`, {
    env,
    signInPerIp: config.waf.signInPerIp,
    userPoolArn: auth.userPool.userPoolArn,
  });
  // A CloudFront-scope web ACL exists only in us-east-1; the Web stack reads its ARN across regions.
  const edgeWaf = new EdgeWafStack(app, `${prefix}-EdgeWaf`, {
    env: { account: env.account, region: 'us-east-1' },
    crossRegionReferences: true,
    perIp: config.waf.perIp,
    publicPerIp: config.waf.publicPerIp,
  });
  const originSecretName = `regie-${config.stage}/origin-verify`;
  const api = new ApiStack(app, `${prefix}-Api`, {
    env,
    domain: config.api.domain,
    originSecretName,
    table: data.table,
    documentsBucket: data.documentsBucket,
    entry: config.api.entry,
    // The web app sends the ID token: its `aud` is the client id, which both the HTTP API's JWT authorizer
    // and the app's verifier check (Cognito access tokens carry `client_id` instead of `aud`).
    jwt: { issuer: auth.issuer, audience: auth.webClient.userPoolClientId, jwksUrl: auth.jwksUrl },
    reservedConcurrency: config.api.reservedConcurrency,
    throttle: config.api.throttle,
    userPool: { id: auth.userPool.userPoolId, arn: auth.userPool.userPoolArn },
    anchorPublicKey: config.audit.anchorPublicKey,
  });
  const jobs = new JobsStack(app, `${prefix}-Jobs`, {
    env,
    table: data.table,
    entry: config.jobs.entry,
    schedule: config.jobs.schedule,
    benchmark: { entry: config.jobs.benchmarkEntry, schedule: config.jobs.benchmarkSchedule },
    anchors: {
      entry: config.audit.anchorEntry,
      schedule: config.audit.anchorSchedule,
      bucket: data.auditAnchorsBucket,
      key: data.auditAnchorKey,
    },
  });
  const web = new WebStack(app, `${prefix}-Web`, {
    env,
    crossRegionReferences: true,
    apiDomainName: api.apiDomainName,
    originSecretName,
    webAclArn: edgeWaf.webAcl.attrArn,
    signIn: { authority: auth.authority, clientId: auth.webClient.userPoolClientId },
    assetsPath: config.web.assetsPath,
  });

  Tags.of(app).add('project', 'regie');
  Tags.of(app).add('stage', config.stage);
  // CloudFront reads the origin secret by name when the Web stack deploys: the Api stack creates it first.
  web.addDependency(api);
  return { data, auth, api, jobs, web, edgeWaf, signInWaf };
}

/** cdk-nag v3: AwsSolutions runs as a policy-validation plugin; findings fail synth unless acknowledged. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}
