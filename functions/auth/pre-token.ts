import { Logger } from '@aws-lambda-powertools/logger';
import { createDocumentClient, type Db, readSpace, readUser } from '@regie/db';
import { assertSignInSpace, claimsOverride, regieClaims, SignInRefused } from './claims.ts';
import { readTriggerEnv } from './env.ts';

/**
 * Cognito pre token generation trigger (event version V2_0): puts Regie's `space`, `roles`, `reach` and
 * `name` claims into the ID and access tokens, read from the user's and the space's records — the same
 * records the local dev issuer reads. Roles are data in the table, not Cognito groups. A user without a
 * record (or without a role) gets no token at all.
 */
export interface PreTokenGenerationV2Event {
  version: string;
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: {
    userAttributes: Record<string, string>;
    groupConfiguration?: unknown;
    scopes?: string[];
  };
  response: Record<string, unknown>;
}

const env = readTriggerEnv();
const logger = new Logger({ serviceName: 'regie-pre-token' });
const db: Db = { doc: createDocumentClient({ endpoint: env.dynamoEndpoint }), tableName: env.tableName };

export async function handler(event: PreTokenGenerationV2Event): Promise<PreTokenGenerationV2Event> {
  const space = event.request.userAttributes['custom:space'];
  const userKey = event.request.userAttributes.sub;
  logger.resetKeys();
  logger.appendKeys({ space, triggerSource: event.triggerSource });
  try {
    assertSignInSpace(space);
    const [user, spaceRecord] = await Promise.all([
      userKey ? readUser(db, space, userKey) : null,
      readSpace(db, space),
    ]);
    event.response = claimsOverride(regieClaims({ space, userKey, user, spaceRecord }));
    return event;
  } catch (error) {
    // The attributes and tokens are not logged; the sub is the pseudonymous key an administrator looks up.
    if (error instanceof SignInRefused)
      logger.warn('sign-in refused', { reason: error.message, sub: userKey });
    else logger.error('claims lookup failed', { error: (error as Error).message });
    throw error;
  }
}
