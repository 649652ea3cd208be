import type { AppRouter } from '@regie/api';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { getToken, logout } from './auth';
import { errorStatus } from './errors';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** A 401 from any API call means the token is gone or expired: log out, the router then shows /login. */
async function fetchWithSessionCheck(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (response.status === 401) logout('expired');
  return response;
}

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: '/trpc',
        fetch: fetchWithSessionCheck,
        headers({ op }) {
          const headers: Record<string, string> = {};
          const token = getToken();
          if (token) headers.Authorization = `Bearer ${token}`;
          // A mutation may carry its Idempotency-Key (SPEC §7) in the operation's context.
          const key = op.context.idempotencyKey;
          if (op.type === 'mutation' && typeof key === 'string') headers['Idempotency-Key'] = key;
          return headers;
        },
      }),
    ],
  });
}

/**
 * One Idempotency-Key per distinct input: sending the same form twice (a double click, a retry after a lost
 * answer) reuses the key, so the server creates once; changed input gets a new key.
 */
export function idempotencyKeys(): (input: unknown) => string | undefined {
  const keys = new Map<string, string>();
  return (input) => {
    if (typeof crypto.randomUUID !== 'function') return undefined; // only in a secure context
    const fingerprint = JSON.stringify(input);
    let key = keys.get(fingerprint);
    if (!key) {
      key = crypto.randomUUID();
      keys.set(fingerprint, key);
    }
    return key;
  };
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again; a network failure or a 503 might.
        retry: (failureCount, error) => {
          const status = errorStatus(error);
          if (status !== undefined && status >= 400 && status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
