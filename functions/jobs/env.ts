/** The deadline job's configuration, validated at cold start. */
export interface JobsEnv {
  tableName: string;
  /** Only for tests against DynamoDB Local; never set in AWS. */
  dynamoEndpoint?: string;
}

export function readJobsEnv(env: NodeJS.ProcessEnv = process.env): JobsEnv {
  if (!env.TABLE_NAME) throw new Error('Missing environment: TABLE_NAME');
  return { tableName: env.TABLE_NAME, dynamoEndpoint: env.DYNAMO_ENDPOINT || undefined };
}

/** The benchmark job's configuration (issue 15), validated at cold start. */
export interface BenchmarkEnv extends JobsEnv {
  tableArn: string;
  /** The read-only role assumed per participant, tagged with its space (infra/lib/stacks/jobs-stack.ts). */
  readRoleArn: string;
}

export function readBenchmarkEnv(env: NodeJS.ProcessEnv = process.env): BenchmarkEnv {
  const base = readJobsEnv(env);
  // Against DynamoDB Local (tests) there is no STS: each participant is read through `readOnlyFor` instead.
  if (base.dynamoEndpoint)
    return { ...base, tableArn: env.TABLE_ARN ?? '', readRoleArn: env.READ_ROLE_ARN ?? '' };
  if (!env.TABLE_ARN) throw new Error('Missing environment: TABLE_ARN');
  if (!env.READ_ROLE_ARN) throw new Error('Missing environment: READ_ROLE_ARN');
  return { ...base, tableArn: env.TABLE_ARN, readRoleArn: env.READ_ROLE_ARN };
}

/** The audit anchor job's configuration (issue 17 point 2), validated at cold start. */
export interface AnchorEnv extends JobsEnv {
  /** The Object Lock bucket the signed anchors go to. */
  bucket: string;
  /** The KMS key (ARN) that signs. */
  keyId: string;
}

export function readAnchorEnv(env: NodeJS.ProcessEnv = process.env): AnchorEnv {
  const base = readJobsEnv(env);
  if (!env.ANCHOR_BUCKET) throw new Error('Missing environment: ANCHOR_BUCKET');
  if (
    !env.ANCHOR_KEY_ID ||
    !/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/.test(env.ANCHOR_KEY_ID)
  ) {
    throw new Error('ANCHOR_KEY_ID must be a KMS key ARN');
  }
  return { ...base, bucket: env.ANCHOR_BUCKET, keyId: env.ANCHOR_KEY_ID };
}
