import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { nodeFunctionDefaults } from '../bundling.ts';

export interface JobsStackProps extends StackProps {
  readonly table: ITableV2;
  /** Absolute path of the deadline job's entry exporting `handler`. */
  readonly entry: string;
  /** When the job runs, as an EventBridge cron in UTC. */
  readonly schedule: { readonly hour: string; readonly minute: string };
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
      ...nodeFunctionDefaults({ withoutEventStreams: true }),
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
  }
}
