import { describe, expect, it } from 'vitest';
import {
  type Agreement,
  type Approval,
  agreementCreateInput,
  agreementTermsPatch,
  allowedTransitions,
  amend,
  applyTerms,
  approvalCovers,
  assertMandateCovers,
  assertTransition,
  LIFECYCLES,
  mandateMatters,
  statusesOf,
  type TransitionContext,
} from './agreement.ts';
import { DomainError } from './errors.ts';
import { ROLES } from './roles.ts';

const as = (role: string, extra: Partial<TransitionContext> = {}): TransitionContext => ({
  roles: [role as TransitionContext['roles'][number]],
  actor: `ermelo.${role}`,
  createdBy: 'ermelo.inkoper',
  valueCeilingCents: 20_000_000,
  mandateThresholdCents: 10_000_000,
  ...extra,
});

function rejection(run: () => void): DomainError | undefined {
  try {
    run();
  } catch (e) {
    return e as DomainError;
  }
}

describe('agreement life cycles', () => {
  it('lets a contract go draft → in_approval → approved and refuses skipping approval', () => {
    expect(() => assertTransition('contract', 'draft', 'in_approval', as('inkoper'))).not.toThrow();
    expect(() => assertTransition('contract', 'in_approval', 'approved', as('approver'))).not.toThrow();
    const error = rejection(() => assertTransition('contract', 'draft', 'active', as('inkoper')));
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.code).toBe('BAD_REQUEST');
    expect(error?.message).toContain('allowed from draft: in_approval, out_for_signature');
  });

  it('lets only an approver approve or reject, and never the drafter (SPEC §5.1)', () => {
    expect(() => assertTransition('contract', 'in_approval', 'approved', as('inkoper'))).toThrow(
      /needs role approver/,
    );
    expect(() => assertTransition('contract', 'in_approval', 'draft', as('approver'))).not.toThrow();
    const drafter = as('approver', { actor: 'ermelo.approver', createdBy: 'ermelo.approver' });
    expect(
      rejection(() => assertTransition('contract', 'in_approval', 'approved', drafter))?.message,
    ).toMatch(/cannot be the purchaser who drafted/);
    expect(allowedTransitions('contract', 'in_approval', drafter)).toEqual([]);
  });

  it('sends for signature without approval only within the mandate threshold', () => {
    const within = as('inkoper', { valueCeilingCents: 10_000_000 });
    expect(() => assertTransition('contract', 'draft', 'out_for_signature', within)).not.toThrow();
    expect(allowedTransitions('contract', 'draft', within)).toEqual(['in_approval', 'out_for_signature']);
    const above = as('inkoper', { valueCeilingCents: 10_000_001 });
    expect(
      rejection(() => assertTransition('contract', 'draft', 'out_for_signature', above))?.message,
    ).toMatch(/mandate threshold/);
    expect(allowedTransitions('contract', 'draft', above)).toEqual(['in_approval']);
    expect(allowedTransitions('contract', 'draft', as('inkoper', { valueCeilingCents: null }))).toEqual([
      'in_approval',
    ]);
    expect(allowedTransitions('contract', 'draft', as('inkoper', { mandateThresholdCents: null }))).toEqual([
      'in_approval',
    ]);
  });

  it('knows each kind’s statuses', () => {
    expect(statusesOf('subsidy')).toEqual(
      expect.arrayContaining([
        'requested',
        'granted',
        'settlement_requested',
        'settled',
        'refused',
        'withdrawn',
      ]),
    );
    expect(statusesOf('subsidy')).not.toContain('draft');
    expect(statusesOf('joint_arrangement')).toEqual(['draft', 'active', 'terminated']);
  });

  it('allows ex officio settlement of a granted subsidy (Awb 4:47)', () => {
    expect(() => assertTransition('subsidy', 'granted', 'settled', as('contractmanager'))).not.toThrow();
    expect(() => assertTransition('subsidy', 'settled', 'granted', as('contractmanager'))).toThrow();
  });
});

describe('agreement input', () => {
  const valid = {
    kind: 'contract',
    reference: 'ERM-2026-001',
    title: 'Jeugdhulp ambulant',
    domain: 'youth',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
  };

  it('accepts a valid create input', () => {
    expect(agreementCreateInput.safeParse(valid).success).toBe(true);
  });

  it('rejects unknown fields, bad dates and an end before the start, naming the field', () => {
    const extra = agreementCreateInput.safeParse({ ...valid, owner: 'GM0344' });
    expect(extra.success).toBe(false);
    expect(extra.error?.issues[0]?.message).toContain('Unrecognized key');
    const date = agreementCreateInput.safeParse({ ...valid, startDate: '2026-02-30' });
    expect(date.error?.issues[0]?.path).toEqual(['startDate']);
    const order = agreementCreateInput.safeParse({ ...valid, endDate: '2025-12-31' });
    expect(order.error?.issues[0]?.path).toEqual(['endDate']);
  });

  it('refuses a patch whose two dates are out of order, and leaves a single date to assertTerms', () => {
    const both = agreementTermsPatch.safeParse({ startDate: '2027-01-01', endDate: '2026-12-31' });
    expect(both.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['endDate', 'endDate must not be before startDate'],
    ]);
    expect(agreementTermsPatch.safeParse({ endDate: '2000-01-01' }).success).toBe(true);
  });

  it('bounds string lengths', () => {
    expect(agreementCreateInput.safeParse({ ...valid, title: 'x'.repeat(201) }).success).toBe(false);
    expect(agreementCreateInput.safeParse({ ...valid, reference: '' }).success).toBe(false);
  });
});

describe('applyTerms', () => {
  const current = {
    kind: 'contract',
    domain: 'youth',
    title: 'A',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    parties: [],
    productLines: [],
    renewal: null,
  } as unknown as Agreement;

  it('returns only the fields that changed', () => {
    const { next, changes } = applyTerms(current, { title: 'B', startDate: '2026-01-01' });
    expect(next.title).toBe('B');
    expect(changes).toEqual({ title: { before: 'A', after: 'B' } });
  });

  it('refuses a patch that puts the end before the start', () => {
    expect(() => applyTerms(current, { endDate: '2025-01-01' })).toThrow(/endDate/);
  });
});

describe('the mandate covers the current terms (SPEC §5.1)', () => {
  const approval: Approval = {
    by: 'ermelo.approver',
    at: '2026-11-23T10:00:00.000Z',
    termsVersion: 3,
    valueCeilingCents: 20_000_000,
  };
  const approved = (extra: Partial<TransitionContext> = {}) =>
    as('inkoper', { approval, termsVersion: 3, ...extra });

  it('covers only the terms version and value the approver approved', () => {
    expect(approvalCovers(approval, { termsVersion: 3, valueCeilingCents: 20_000_000 })).toBe(true);
    expect(approvalCovers(approval, { termsVersion: 3, valueCeilingCents: 15_000_000 })).toBe(true);
    expect(approvalCovers(approval, { termsVersion: 4, valueCeilingCents: 20_000_000 })).toBe(false);
    expect(approvalCovers(approval, { termsVersion: 3, valueCeilingCents: 20_000_001 })).toBe(false);
    expect(approvalCovers(approval, { termsVersion: 3, valueCeilingCents: null })).toBe(false);
    expect(approvalCovers(null, { termsVersion: 3, valueCeilingCents: 1 })).toBe(false);
  });

  it('refuses activation by hand above the threshold without an approval of the current terms', () => {
    const none = as('inkoper', { termsVersion: 3 });
    expect(rejection(() => assertTransition('contract', 'out_for_signature', 'active', none))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/approver must approve the current terms/),
    });
    expect(allowedTransitions('contract', 'out_for_signature', none)).toEqual([]);
    // The value was raised after approval (a new terms version): the old approval does not count.
    const raised = approved({ termsVersion: 5, valueCeilingCents: 90_000_000 });
    expect(
      rejection(() => assertTransition('contract', 'out_for_signature', 'active', raised))?.message,
    ).toMatch(/approval on record is of terms version 3/);
    expect(() => assertTransition('contract', 'out_for_signature', 'active', approved())).not.toThrow();
    expect(allowedTransitions('contract', 'out_for_signature', approved())).toEqual(['active']);
    // Within the threshold no approval is needed, by hand or by signature.
    const within = as('inkoper', { valueCeilingCents: 10_000_000, termsVersion: 3 });
    expect(() => assertTransition('contract', 'out_for_signature', 'active', within)).not.toThrow();
    expect(() => assertMandateCovers(within, 'active')).not.toThrow();
    expect(() => assertMandateCovers(none, 'active')).toThrow(DomainError);
  });

  it('tells which roles the threshold matters to, so a read for the others skips the space record', () => {
    expect(mandateMatters(['viewer'])).toBe(false);
    expect(mandateMatters(['approver'])).toBe(false);
    expect(mandateMatters(['viewer', 'inkoper'])).toBe(true);
    expect(mandateMatters(['coordinator'])).toBe(true);
    // Where it says false, no threshold changes any answer of allowedTransitions; where it says true, one does.
    for (const role of ROLES) {
      const differs = Object.entries(LIFECYCLES).some(([kind, { rules }]) =>
        rules.some(({ from }) =>
          [null, 0, 10_000_000, 30_000_000].some(
            (threshold) =>
              allowedTransitions(
                kind as Agreement['kind'],
                from,
                as(role, { mandateThresholdCents: threshold }),
              ).join() !==
              allowedTransitions(
                kind as Agreement['kind'],
                from,
                as(role, { mandateThresholdCents: 1 }),
              ).join(),
          ),
        ),
      );
      expect(differs, role).toBe(mandateMatters([role]));
    }
  });

  it('sends an approved agreement for signature only while the approval covers its terms', () => {
    expect(() => assertTransition('contract', 'approved', 'out_for_signature', approved())).not.toThrow();
    const stale = approved({ termsVersion: 4 });
    expect(rejection(() => assertTransition('contract', 'approved', 'out_for_signature', stale))?.code).toBe(
      'BAD_REQUEST',
    );
  });
});

describe('amendments once approval is asked', () => {
  const base: Agreement = {
    id: 'a1',
    space: 'GM0233',
    kind: 'contract',
    reference: 'X-1',
    title: 'Vervoer',
    description: '',
    status: 'draft',
    version: 7,
    domain: 'wmo',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    noticePeriodMonths: null,
    valueCeilingCents: 50_000_000,
    parties: [],
    productLines: [],
    renewal: null,
    duties: [],
    kpis: [],
    yearCeilings: [],
    publication: null,
    allocationKey: null,
    services: [],
    parentId: null,
    termsVersion: 4,
    approval: {
      by: 'ermelo.approver',
      at: '2026-11-23T10:00:00.000Z',
      termsVersion: 4,
      valueCeilingCents: 50_000_000,
    },
    createdAt: '2026-11-20T10:00:00.000Z',
    createdBy: 'ermelo.inkoper',
    updatedAt: '2026-11-23T10:00:00.000Z',
    updatedBy: 'ermelo.approver',
  };
  const change = (current: Agreement, patch: Parameters<typeof applyTerms>[1]) => {
    const applied = applyTerms(current, patch);
    return amend(current, applied.next, applied.changes, 10_000_000);
  };

  it.each(['in_approval', 'approved', 'out_for_signature'] as const)(
    'returns a %s agreement to draft, drops the approval and starts a new terms version',
    (status) => {
      const { next, changes, outcome } = change({ ...base, status }, { valueCeilingCents: 90_000_000 });
      expect(next).toMatchObject({ status: 'draft', approval: null, termsVersion: 8 });
      expect(outcome).toEqual({ returnedToDraft: true, from: status, approvalDropped: true });
      expect(changes.status).toEqual({ before: status, after: 'draft' });
      expect(changes.approval).toEqual({ before: base.approval, after: null });
      expect(changes.termsVersion).toEqual({ before: 4, after: 8 });
    },
  );

  it('treats a change of parties (even a reorder) as an amendment, and Woo publication alone not', () => {
    const kompas = {
      organisationId: 'org-kompas',
      role: 'contractor' as const,
      name: 'Kompas',
      kind: 'provider' as const,
      kvkNumber: '81234567',
      providerSpace: 'PV81234567',
    };
    const wijkracht = {
      ...kompas,
      organisationId: 'org-wijkracht',
      name: 'Wijkracht',
      providerSpace: 'PV40123456',
    };
    const out = { ...base, status: 'out_for_signature' as const, parties: [kompas, wijkracht] };
    expect(change(out, { parties: [wijkracht, kompas] }).outcome?.returnedToDraft).toBe(true);
    const published = change(out, { publication: { publish: true } });
    expect(published.outcome).toBeNull();
    expect(published.next).toMatchObject({
      status: 'out_for_signature',
      termsVersion: 4,
      approval: base.approval,
    });
  });

  it('edits a draft in place, with a new terms version', () => {
    const { next, outcome } = change({ ...base, approval: null }, { title: 'Vervoer 2027' });
    expect(outcome).toBeNull();
    expect(next).toMatchObject({ status: 'draft', termsVersion: 8 });
  });

  it('keeps a signed agreement in force unless the change raises its value above the mandate threshold', () => {
    const active = { ...base, status: 'active' as const };
    expect(change(active, { title: 'Vervoer (herzien)' }).next.status).toBe('active');
    expect(change(active, { valueCeilingCents: 40_000_000 }).next.status).toBe('active');
    const raised = rejection(() => change(active, { valueCeilingCents: 60_000_000 }));
    expect(raised).toMatchObject({ code: 'BAD_REQUEST', field: 'valueCeilingCents' });
    expect(raised?.message).toMatch(/needs an approver/);
    expect(rejection(() => change(active, { valueCeilingCents: null }))?.code).toBe('BAD_REQUEST');
    const small = { ...active, valueCeilingCents: 5_000_000 };
    expect(change(small, { valueCeilingCents: 9_000_000 }).next.valueCeilingCents).toBe(9_000_000);
    expect(
      rejection(() => change({ ...small, status: 'terminated' }, { valueCeilingCents: 11_000_000 }))?.code,
    ).toBe('BAD_REQUEST');
  });

  it('leaves kinds without approval (subsidy, GR) in their status', () => {
    const sub = { ...base, kind: 'subsidy' as const, status: 'granted' as const };
    expect(change(sub, { title: 'Anders' }).next.status).toBe('granted');
  });
});
