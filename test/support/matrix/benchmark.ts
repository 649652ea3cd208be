import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `benchmark` router's procedures (test/support/matrix.ts). */
export const benchmark = {
  // The benchmark of the target's space: only a region in the caller's reach is found (a foreign one is NOT_FOUND,
  // like a missing one); non-opted-in members' figures are never in it (benchmark.integration.test.ts).
  'benchmark.region': (t) => [
    { type: 'query', input: { space: t.space } },
    { type: 'query', input: { space: t.space, productCode: '45A12' } },
  ],
} satisfies RouterCalls<'benchmark'>;
