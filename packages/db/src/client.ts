import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { runtimeRegion } from './env.ts';

export interface DbConfig {
  /** Only for DynamoDB Local; in AWS the SDK finds the regional endpoint. */
  endpoint?: string;
  region?: string;
  /** Per-request timeout so an unreachable database fails fast (SPEC §9 faults). */
  requestTimeoutMs?: number;
  /**
   * Credentials (or a provider) instead of the default chain: in AWS, tenant-scoped credentials from STS
   * (functions/api/tenant-credentials.ts). A provider returning `expiration` is refreshed by the SDK.
   */
  credentials?: DynamoDBClientConfig['credentials'];
}

export interface Db {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

export function createDocumentClient(config: DbConfig = {}): DynamoDBDocumentClient {
  const local = config.endpoint !== undefined;
  const client = new DynamoDBClient({
    region: config.region ?? (local ? 'local' : runtimeRegion()),
    ...(local
      ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    maxAttempts: 2,
    requestHandler: {
      connectionTimeout: Math.min(config.requestTimeoutMs ?? 2000, 1000),
      requestTimeout: config.requestTimeoutMs ?? 2000,
    },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
