import { freePort, startDynamoLocal } from '@regie/local';
import type { TestProject } from 'vitest/node';
import '../support/provided.ts';

/** One in-memory DynamoDB Local for the integration tier; each test file makes its own table. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
