/**
 * The web app's runtime configuration: `/config.json`, written next to the app at deploy time by the web stack
 * (infra/lib/stacks/web-stack.ts). Without one (local development, `vite preview`) the app uses the local dev
 * login; nothing about the environment is baked into the build.
 */
export type SignInConfig = { mode: 'dev' } | { mode: 'cognito'; authority: string; clientId: string };

export function parseConfig(value: unknown): SignInConfig {
  const signIn = (value as { signIn?: Record<string, unknown> } | null)?.signIn;
  if (
    signIn?.mode === 'cognito' &&
    typeof signIn.authority === 'string' &&
    /^https?:\/\/[^\s/?#]+$/.test(signIn.authority) &&
    typeof signIn.clientId === 'string' &&
    /^[\w-]{1,128}$/.test(signIn.clientId)
  ) {
    return { mode: 'cognito', authority: signIn.authority, clientId: signIn.clientId };
  }
  return { mode: 'dev' };
}

let loaded: Promise<SignInConfig> | null = null;

/** Read once per page load. A missing file, or the SPA's HTML fallback in its place, means dev login. */
export function signInConfig(): Promise<SignInConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-store' })
    .then(async (response) =>
      response.ok && (response.headers.get('content-type') ?? '').includes('json')
        ? parseConfig(await response.json())
        : { mode: 'dev' as const },
    )
    .catch(() => ({ mode: 'dev' as const }));
  return loaded;
}
