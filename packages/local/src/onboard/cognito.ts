import type { Accounts } from '@regie/api';
import { TargetError } from './target.ts';

/** A stage's accounts: Cognito's user pool through the people's Cognito adapter (packages/api). */
export function cognitoAccounts(_options: {
  userPoolId: string;
  awsRegion?: string;
}): Accounts & { destroy?(): void } {
  throw new TargetError('The Cognito adapter is not available yet');
}
