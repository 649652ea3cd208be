import {
  BENCHMARK_KEYS_PATTERN,
  BENCHMARK_PARTITION_ACTIONS,
  BENCHMARK_READ_ACTIONS,
  BENCHMARK_READ_TAG_PATTERNS,
  PLATFORM_SPACES_KEY,
  REGION_RECORD_KEYS_PATTERN,
} from '@regie/db/access';
import { tableDefinition } from '@regie/db/table';
import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { ArnPrincipal, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { nodeFunctionDefaults } from '../bundling.ts';
import { SPACE_POLICY_VARIABLE, SPACE_TAG } from '../tenant-policy.ts';

export interface JobsStackProps extends StackProps {
  readonly table: ITableV2;
  /** Absolute path of the deadline job's entry exporting `handler`. */
  readonly entry: string;
  /** When the job runs, as an EventBridge cron in UTC. */
  readonly schedule: { readonly hour: string; readonly minute: string };
  /** The regional benchmark job (issue 15): its entry and its daily time in UTC. */
  readonly benchmark: {
    readonly entry: string;
    readonly schedule: { readonly hour: string; readonly minute: string };
  };
  /** The daily audit anchor job (issue 17 point 2): its entry, time (UTC), the locked bucket and the signing key. */
  readonly anchors: {
    readonly entry: string;
    readonly schedule: { readonly hour: string; readonly minute: string };
    readonly bucket: IBucket;
    readonly key: IKey;
  };
}

/** The only table actions the anchor job uses: read register indexes, heads and chains; put the anchor copies. */
export const ANCHOR_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'] as const;
/** Where the anchor objects live in their bucket (packages/db/src/anchor-store.ts `ANCHOR_ROOT`). */
export const ANCHOR_OBJECTS = 'audit-anchors/*';

/** The only table actions the deadline job uses: read a space's dated index ranges, write signals. */
export const JOB_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'] as const;

/**
 * Stateless: the scheduled deadline function (SPEC §5.3). Once a day it turns what falls due into inbox
 * signals. It visits every space, so it cannot be scoped to one with LeadingKeys like the API; instead it
 * may only get, put and query — no delete, no update, no scan — on the table and the one index it reads.
 */
export class JobsStack extends Stack {
  readonly deadlineFunction: NodejsFunction;
  readonly benchmarkFunction: NodejsFunction;
  /** Assumed by the benchmark job once per participant, tagged with its space: read-only on that space. */
  readonly benchmarkReadRole: Role;
  readonly anchorFunction: NodejsFunction;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);
    const logGroup = new LogGroup(this, 'DeadlineJobLogs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'DeadlineJobRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Regie deadline job',
    });
    logGroup.grantWrite(role);
    role.addToPolicy(
      new PolicyStatement({
        sid: 'DatedIndexesAndSignals',
        actions: [...JOB_TABLE_ACTIONS],
        resources: [props.table.tableArn, `${props.table.tableArn}/index/gsi1`],
      }),
    );

    this.deadlineFunction = new NodejsFunction(this, 'DeadlineJobFunction', {
      ...nodeFunctionDefaults(),
      entry: props.entry,
      handler: 'handler',
      memorySize: 512,
      timeout: Duration.minutes(5),
      // One run at a time: a retry never races the run it repeats.
      reservedConcurrentExecutions: 1,
      role,
      logGroup,
      environment: {
        TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: 'regie-jobs',
        POWERTOOLS_METRICS_NAMESPACE: 'Regie',
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    Validations.of(this.deadlineFunction).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'nodejs22.x is pinned on purpose, like the API function: the bundle targets node22.',
    });

    // Failed runs (after EventBridge's retries) are kept for two weeks, encrypted, for a manual rerun.
    const deadLetters = new Queue(this, 'DeadlineJobDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the scheduled job.',
    });

    new Rule(this, 'DailyDeadlineSignals', {
      description: "Creates the day's deadline signals (Regie, SPEC §5.3)",
      schedule: Schedule.cron({ hour: props.schedule.hour, minute: props.schedule.minute }),
      targets: [
        new LambdaFunction(this.deadlineFunction, {
          deadLetterQueue: deadLetters,
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });

    const benchmark = this.benchmark(props, deadLetters);
    this.benchmarkFunction = benchmark.fn;
    this.benchmarkReadRole = benchmark.readRole;
    this.anchorFunction = this.anchorJob(props, deadLetters);
  }

  /**
   * The daily audit anchor job (issue 17 point 2; packages/db/src/audit-anchors.ts). Its role may sign with the
   * one anchor key (kms:Sign, and read its public key to check earlier anchors) and put, get and list anchor
   * objects in the locked bucket — no delete, and Object Lock (compliance mode) keeps every version anyway; on the
   * table it may only get, put and query.
   */
  private anchorJob(props: JobsStackProps, deadLetters: Queue): NodejsFunction {
    const { bucket, key } = props.anchors;
    const logGroup = new LogGroup(this, 'AnchorJobLogs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'AnchorJobRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Regie audit anchor job (sign chain heads, store them locked)',
    });
    logGroup.grantWrite(role);
    role.addToPolicy(
      new PolicyStatement({
        sid: 'RegistersChainsAndAnchorCopies',
        actions: [...ANCHOR_TABLE_ACTIONS],
        resources: [props.table.tableArn, `${props.table.tableArn}/index/gsi1`],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        sid: 'SignWithTheAnchorKey',
        actions: ['kms:Sign', 'kms:GetPublicKey'],
        resources: [key.keyArn],
      }),
    );
    // The bucket's ARN comes through a named export, so the cdk-nag finding below names it exactly.
    const bucketStack = Stack.of(bucket);
    const bucketArnExport = `${bucketStack.stackName}-AuditAnchorsBucketArn`;
    const bucketArn = bucketStack.exportValue(bucket.bucketArn, { name: bucketArnExport });
    role.addToPolicy(
      new PolicyStatement({
        sid: 'StoreAnchors',
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [`${bucketArn}/${ANCHOR_OBJECTS}`],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        sid: 'ListAnchors',
        actions: ['s3:ListBucket'],
        resources: [bucketArn],
        conditions: { StringLike: { 's3:prefix': [ANCHOR_OBJECTS] } },
      }),
    );
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${bucketArnExport}/${ANCHOR_OBJECTS}]`,
      reason:
        'The anchor objects of every agreement (one per anchored head, keyed audit-anchors/<space>/<agreement>/<seq>); ' +
        'the job anchors every space. No delete; Object Lock in compliance mode keeps every version.',
    });

    const fn = new NodejsFunction(this, 'AnchorJobFunction', {
      // The S3 client needs the event-stream serde the other jobs leave out.
      ...nodeFunctionDefaults(),
      entry: props.anchors.entry,
      handler: 'handler',
      memorySize: 512,
      timeout: Duration.minutes(10),
      reservedConcurrentExecutions: 1,
      role,
      logGroup,
      environment: {
        TABLE_NAME: props.table.tableName,
        ANCHOR_BUCKET: bucket.bucketName,
        ANCHOR_KEY_ID: key.keyArn,
        POWERTOOLS_SERVICE_NAME: 'regie-anchors',
        POWERTOOLS_METRICS_NAMESPACE: 'Regie',
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'nodejs22.x is pinned on purpose, like the API function: the bundle targets node22.',
    });
    new Rule(this, 'DailyAuditAnchors', {
      description: 'Signs the audit chain heads that moved and stores them locked (Regie, issue 17)',
      schedule: Schedule.cron({ hour: props.anchors.schedule.hour, minute: props.anchors.schedule.minute }),
      targets: [
        new LambdaFunction(fn, {
          deadLetterQueue: deadLetters,
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });
    return fn;
  }

  /**
   * The regional benchmark job (issue 15 point 4; packages/db/src/benchmark.ts). Two roles, so that the job never
   * holds credentials that read a member's partitions:
   * - its own role reads the platform's list of spaces and region records, and reads and writes the regions'
   *   benchmark partitions `RG…#BENCH` (opt-in markers, contributions, the computed benchmark) — nothing else;
   * - the read role, which only this job's role may assume and only with a `space` session tag of a municipality
   *   or region, reads (get, query; no write) exactly the tagged space (`dynamodb:LeadingKeys` = `<tag>#*`). The
   *   job assumes it once per participant — the region and each member whose opt-in marker is in the region.
   */
  private benchmark(props: JobsStackProps, deadLetters: Queue): { fn: NodejsFunction; readRole: Role } {
    const table = props.table;
    const logGroup = new LogGroup(this, 'BenchmarkJobLogs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'BenchmarkJobRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Regie regional benchmark job (region benchmark partitions only)',
    });
    logGroup.grantWrite(role);
    role.addToPolicy(
      new PolicyStatement({
        sid: 'PlatformSpaceList',
        actions: ['dynamodb:Query'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [PLATFORM_SPACES_KEY] } },
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        sid: 'RegionRecords',
        actions: ['dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [REGION_RECORD_KEYS_PATTERN] } },
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        sid: 'RegionBenchmarkPartitions',
        actions: [...BENCHMARK_PARTITION_ACTIONS],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [BENCHMARK_KEYS_PATTERN] } },
      }),
    );
    const readRole = new Role(this, 'BenchmarkReadRole', {
      assumedBy: new ArnPrincipal(role.roleArn).withSessionTags().withConditions({
        Null: { [`aws:RequestTag/${SPACE_TAG}`]: 'false' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [SPACE_TAG] },
        StringLike: { [`aws:RequestTag/${SPACE_TAG}`]: [...BENCHMARK_READ_TAG_PATTERNS] },
      }),
      description: 'Regie benchmark: read-only on the one space of the session tag',
      maxSessionDuration: Duration.hours(1),
    });
    readRole.addToPolicy(
      new PolicyStatement({
        sid: 'OneParticipantReadOnly',
        actions: [...BENCHMARK_READ_ACTIONS],
        resources: [
          table.tableArn,
          ...tableDefinition.indexes.map((index) => `${table.tableArn}/index/${index.name}`),
        ],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${SPACE_POLICY_VARIABLE}#*`] } },
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        sid: 'AssumeReadRole',
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        resources: [readRole.roleArn],
      }),
    );

    const fn = new NodejsFunction(this, 'BenchmarkJobFunction', {
      ...nodeFunctionDefaults(),
      entry: props.benchmark.entry,
      handler: 'handler',
      memorySize: 512,
      timeout: Duration.minutes(10),
      reservedConcurrentExecutions: 1,
      role,
      logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        TABLE_ARN: table.tableArn,
        READ_ROLE_ARN: readRole.roleArn,
        POWERTOOLS_SERVICE_NAME: 'regie-benchmark',
        POWERTOOLS_METRICS_NAMESPACE: 'Regie',
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'nodejs22.x is pinned on purpose, like the API function: the bundle targets node22.',
    });
    new Rule(this, 'DailyRegionalBenchmark', {
      description: 'Computes the regional benchmarks of opted-in members (Regie, issue 15)',
      schedule: Schedule.cron({
        hour: props.benchmark.schedule.hour,
        minute: props.benchmark.schedule.minute,
      }),
      targets: [
        new LambdaFunction(fn, {
          deadLetterQueue: deadLetters,
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });
    return { fn, readRole };
  }
}
