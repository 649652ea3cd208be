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

/**
 * Where iCal feeds are served: in AWS a CloudFront distribution of their own, which keeps no access logs (a
 * feed's path is its secret); without one, the app's own origin (local development).
 */
export function parseFeedOrigin(value: unknown, fallback: string): string {
  const origin = (value as { feedOrigin?: unknown } | null)?.feedOrigin;
  return typeof origin === 'string' && /^https:\/\/[a-z0-9.-]+$/.test(origin) ? origin : fallback;
}

let loaded: Promise<unknown> | null = null;

/** Read once per page load. A missing file, or the SPA's HTML fallback in its place, means none. */
function runtimeConfig(): Promise<unknown> {
  loaded ??= fetch('/config.json', { cache: 'no-store' })
    .then(async (response) =>
      response.ok && (response.headers.get('content-type') ?? '').includes('json') ? response.json() : null,
    )
    .catch(() => null);
  return loaded;
}

/** Without a config file: dev login. */
export async function signInConfig(): Promise<SignInConfig> {
  return parseConfig(await runtimeConfig());
}

export async function feedOrigin(): Promise<string> {
  return parseFeedOrigin(await runtimeConfig(), window.location.origin);
}
