/**
 * Cognito groups, one per product role. Mirrors the role names the API checks; kept here (not imported
 * from packages/) because infra may only depend on the table definition.
 */
export const USER_ROLES = [
  'inkoper',
  'contractmanager',
  'approver',
  'viewer',
  'admin',
  'coordinator',
  'provider_signer',
  'provider_reporter',
  'provider_admin',
] as const;
