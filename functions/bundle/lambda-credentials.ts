/**
 * Stand-in for `@aws-sdk/credential-provider-node` in the Lambda bundles only (an esbuild alias set by
 * infra/lib/bundling.ts). In Lambda the execution role's credentials are always in the environment; the full
 * chain (INI/SSO profiles, process, web identity, IMDS, with their nested STS/SSO/OIDC clients) is ~136 KB
 * of bundle that would never run there. Locally and in tests the real chain is used.
 */
export const defaultProvider = () => async () => {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('No AWS credentials in the environment (the Lambda bundle reads only those)');
  }
  const sessionToken = process.env.AWS_SESSION_TOKEN;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
};
