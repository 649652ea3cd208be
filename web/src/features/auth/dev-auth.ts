/**
 * Dev login: only a local server with dev auth answers `/dev/*` (SPEC §7). In AWS the route does not exist, so
 * a 404 — or the static host's HTML fallback — means "not available here", which is not an error.
 */

export interface DevUser {
  key: string;
  name: string;
  organisation: string;
  roles: string[];
}

export type DevUsersResult = { available: true; users: DevUser[] } | { available: false };

function isDevUser(value: unknown): value is DevUser {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.key === 'string' &&
    typeof v.name === 'string' &&
    typeof v.organisation === 'string' &&
    Array.isArray(v.roles) &&
    v.roles.every((role) => typeof role === 'string')
  );
}

function isJson(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('application/json');
}

export async function fetchDevUsers(signal?: AbortSignal): Promise<DevUsersResult> {
  const response = await fetch('/dev/users', { signal, headers: { accept: 'application/json' } });
  if (response.status === 404) return { available: false };
  if (!response.ok) throw new Error(`GET /dev/users answered ${response.status}`);
  if (!isJson(response)) return { available: false };
  const body: unknown = await response.json();
  const users = (body as { users?: unknown } | null)?.users;
  if (!Array.isArray(users)) throw new Error('GET /dev/users answered an unexpected shape');
  return { available: true, users: users.filter(isDevUser) };
}

export async function fetchDevToken(user: string): Promise<string> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ user }),
  });
  if (!response.ok || !isJson(response)) throw new Error(`POST /dev/token answered ${response.status}`);
  const body = (await response.json()) as { token?: unknown } | null;
  if (typeof body?.token !== 'string' || body.token === '') throw new Error('POST /dev/token sent no token');
  return body.token;
}
