import { freePort, startDynamoLocal, startS3Local } from '@regie/local';
import type { TestProject } from 'vitest/node';
import '../support/provided.ts';

/**
 * One in-memory DynamoDB Local for the integration tier, each test file making its own table; and one
 * S3-compatible document store (s3rver, a temporary directory), each test API making its own bucket.
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const s3 = await startS3Local({ port: await freePort() }).catch(async (error) => {
    await dynamo.stop();
    throw error;
  });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await s3.stop();
    await dynamo.stop();
  };
}
