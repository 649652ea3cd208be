import { describe, expect, it } from 'vitest';
import {
  type Agreement,
  agreementCreateInput,
  allowedTransitions,
  applyTerms,
  assertTransition,
  statusesOf,
  type TransitionContext,
} from './agreement.ts';
import { DomainError } from './errors.ts';

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
