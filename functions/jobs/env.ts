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
