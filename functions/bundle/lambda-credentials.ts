import { runtimeCredentials } from '../shared/env.ts';

/**
 * Stand-in for `@aws-sdk/credential-provider-node` in the Lambda bundles only (an esbuild alias set by
 * infra/lib/bundling.ts). In Lambda the execution role's credentials are always in the environment; the full
 * chain (INI/SSO profiles, process, web identity, IMDS, with their nested STS/SSO/OIDC clients) is ~136 KB
 * of bundle that would never run there. Locally and in tests the real chain is used.
 */
export const defaultProvider = () => async () => {
  const credentials = runtimeCredentials();
  if (!credentials)
    throw new Error('No AWS credentials in the environment (the Lambda bundle reads only those)');
  return credentials;
};
