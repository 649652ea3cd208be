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
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
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
}

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
