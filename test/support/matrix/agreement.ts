import type { RouterCalls } from './types.ts';

/** The matrices' calls for the `agreement` router's procedures (test/support/matrix.ts). */
export const agreement = {
  'agreement.find': (t) => [
    { type: 'query', input: { space: t.space } },
    { type: 'query', input: { space: t.space, q: t.reference } },
    { type: 'query', input: { q: t.reference } },
    { type: 'query', input: { party: 'org-kompas', space: t.space } },
    { type: 'query', input: { parentId: t.id } },
  ],
  'agreement.get': (t) => [{ type: 'query', input: { id: t.id } }],
  'agreement.versions': (t) => [{ type: 'query', input: { id: t.id } }],
  'agreement.history': (t) => [{ type: 'query', input: { id: t.id } }],
  'agreement.verifyAudit': (t) => [{ type: 'query', input: { id: t.id } }],
  'agreement.create': (t) => [
    {
      type: 'mutation',
      input: {
        kind: 'contract',
        space: t.space,
        reference: `X-${t.id}`,
        title: 'x',
        domain: 'youth',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
    },
    {
      type: 'mutation',
      input: {
        kind: 'contract',
        parentId: t.id,
        reference: `Y-${t.id}`,
        title: 'x',
        domain: 'youth',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
    },
  ],
  // A foreign space named by a row refuses the whole batch, dry run or not, like a space that does not exist.
  'agreement.import': (t) =>
    [true, false].map((dryRun) => ({
      type: 'mutation' as const,
      input: {
        dryRun,
        rows: [
          {
            line: 2,
            kind: t.kind,
            reference: `X-${t.reference}`,
            title: 'x',
            status: t.status,
            domain: 'youth',
            space: t.space,
            startDate: '2026-01-01',
            endDate: '2026-12-31',
            parties: [{ kvkNumber: '81234567', name: 'Jeugdhulp Kompas B.V.' }],
          },
          {
            line: 3,
            kind: 'contract',
            reference: t.reference,
            title: 'x',
            status: 'draft',
            domain: 'youth',
            space: t.space,
            startDate: '2026-01-01',
            endDate: '2026-12-31',
            parties: [],
          },
        ],
      },
    })),
  'agreement.update': (t) =>
    [1, 3, 5].map((v) => ({
      type: 'mutation' as const,
      input: { id: t.id, expectedVersion: v, data: { title: 'overgenomen' } },
    })),
  'agreement.transition': (t) =>
    ['in_approval', 'approved', 'active', 'granted'].flatMap((to) =>
      [1, 5].map((v) => ({ type: 'mutation' as const, input: { id: t.id, expectedVersion: v, to } })),
    ),
  'agreement.share': (t) =>
    [true, false].flatMap((shared) =>
      [1, 2].map((v) => ({ type: 'mutation' as const, input: { id: t.id, expectedVersion: v, shared } })),
    ),
  'agreement.renew': (t) =>
    [1, 5].map((v) => ({ type: 'mutation' as const, input: { id: t.id, expectedVersion: v } })),
} satisfies RouterCalls<'agreement'>;
