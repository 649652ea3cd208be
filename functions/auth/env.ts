/** The pre token generation trigger's configuration, validated at cold start. */
export interface TriggerEnv {
  tableName: string;
  /** Only for tests against DynamoDB Local; never set in AWS. */
  dynamoEndpoint?: string;
}

export function readTriggerEnv(env: NodeJS.ProcessEnv = process.env): TriggerEnv {
  if (!env.TABLE_NAME) throw new Error('Missing environment: TABLE_NAME');
  return { tableName: env.TABLE_NAME, dynamoEndpoint: env.DYNAMO_ENDPOINT || undefined };
}
