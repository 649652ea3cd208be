import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

/**
 * The Lambda floor of issue 17 point 7: the least an API function on this stack does for a tenant's first read —
 * assume a role with `@aws-sdk/client-sts`, then read one item with `@aws-sdk/client-dynamodb`. Bundled and
 * started exactly like the API function (test/bench/floors/lambda.ts). Endpoints and names from the environment
 * (the benchmark's loopback STS and DynamoDB Local).
 */
const env = process.env;
const sts = new STSClient({ endpoint: env.STS_ENDPOINT });
let dynamo: DynamoDBClient | undefined;

export const handler = async () => {
  if (!dynamo) {
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({ RoleArn: env.TENANT_ROLE_ARN, RoleSessionName: 'reference' }),
    );
    dynamo = new DynamoDBClient({
      endpoint: env.DYNAMO_ENDPOINT,
      credentials: {
        accessKeyId: c!.AccessKeyId!,
        secretAccessKey: c!.SecretAccessKey!,
        sessionToken: c!.SessionToken,
      },
    });
  }
  const { Item } = await dynamo.send(
    new GetItemCommand({
      TableName: env.TABLE_NAME,
      Key: { pk: { S: env.REFERENCE_PK! }, sk: { S: env.REFERENCE_SK! } },
    }),
  );
  return {
    statusCode: Item ? 200 : 404,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(Item ?? null),
  };
};
