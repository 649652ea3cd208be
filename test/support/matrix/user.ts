import type { RouterCalls } from './types.ts';

/** A seed user of each space, named by `user.update` calls from outside that space. */
const USER_OF: Record<string, string> = {
  GM0233: 'ermelo.admin',
  GM0243: 'harderwijk.inkoper',
  GM0050: 'zeewolde.inkoper',
  GM0344: 'utrecht.inkoper',
  RGNOORDVELUWE: 'noordveluwe.coordinator',
  PV81234567: 'kompas.admin',
  PV40123456: 'wijkracht.signer',
};

/** The matrices' calls for the `user` router's procedures (test/support/matrix.ts). */
export const user = {
  // People: always the caller's own space. A list shows nothing foreign; a foreign user's key is NOT_FOUND (as a
  // missing one) for an admin, FORBIDDEN for anyone else; an invite names no space at all.
  'user.list': () => [
    { type: 'query', input: undefined },
    { type: 'query', input: { limit: 100 } },
  ],
  'user.invite': () => [],
  'user.update': (t) =>
    [{ disabled: true }, { roles: t.space.startsWith('PV') ? ['provider_reporter'] : ['viewer'] }].map(
      (change) => ({
        type: 'mutation' as const,
        input: { key: USER_OF[t.space] ?? `nobody.${t.space.toLowerCase()}`, expectedVersion: 1, ...change },
      }),
    ),
} satisfies RouterCalls<'user'>;
