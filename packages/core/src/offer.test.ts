import { describe, expect, it } from 'vitest';
import {
  actsForOwner,
  assertActsForOwner,
  assertRunning,
  assertShareable,
  rolesFitSpace,
  shareAfterMove,
  visibleToParties,
} from './offer.ts';
import { wgrAccess } from './wgr-calendar.ts';

describe('what the provider parties see (issue 11 point 2)', () => {
  it('keeps a contract, DVO or GR internal until it is offered, unless the draft is shared', () => {
    for (const kind of ['contract', 'service_agreement'] as const) {
      for (const status of ['draft', 'in_approval', 'approved'] as const) {
        expect(visibleToParties({ kind, status }), `${kind} ${status}`).toBe(false);
        expect(visibleToParties({ kind, status, sharedWithParties: true })).toBe(true);
      }
      for (const status of ['out_for_signature', 'active', 'terminated', 'expired'] as const) {
        expect(visibleToParties({ kind, status }), `${kind} ${status}`).toBe(true);
      }
    }
    expect(visibleToParties({ kind: 'joint_arrangement', status: 'draft' })).toBe(false);
    expect(visibleToParties({ kind: 'joint_arrangement', status: 'active' })).toBe(true);
  });

  it('shows a subsidy to its recipient from its own application on', () => {
    expect(visibleToParties({ kind: 'subsidy', status: 'requested' })).toBe(true);
    expect(visibleToParties({ kind: 'subsidy', status: 'refused' })).toBe(true);
  });

  it('withdraws the share on a move back, keeps it on a move forward', () => {
    expect(shareAfterMove('contract', 'in_approval', 'draft', true)).toBe(false);
    expect(shareAfterMove('contract', 'out_for_signature', 'in_approval', true)).toBe(false);
    expect(shareAfterMove('contract', 'draft', 'in_approval', true)).toBe(true);
    expect(shareAfterMove('contract', 'in_approval', 'approved', true)).toBe(true);
    expect(shareAfterMove('contract', 'draft', 'draft', true)).toBe(true);
    expect(shareAfterMove('contract', 'in_approval', 'draft', false)).toBe(false);
  });

  it('shares only what is not offered yet', () => {
    expect(() => assertShareable({ kind: 'contract', status: 'draft' })).not.toThrow();
    expect(() => assertShareable({ kind: 'contract', status: 'active' })).toThrow(/already before/);
    expect(() => assertShareable({ kind: 'subsidy', status: 'requested' })).toThrow(/already before/);
  });

  it('takes reports only on a running agreement', () => {
    for (const status of ['active', 'granted', 'settlement_requested'] as const)
      expect(() => assertRunning({ status })).not.toThrow();
    for (const status of ['draft', 'in_approval', 'out_for_signature', 'terminated', 'requested'] as const)
      expect(() => assertRunning({ status }), status).toThrow(/must be active/);
  });
});

describe('the region’s own users (SPEC §2 rule 7)', () => {
  it('lets only users acting in the owning space write, for agreements and the Wgr calendar alike', () => {
    expect(actsForOwner({ space: 'RGNOORDVELUWE' }, 'RGNOORDVELUWE')).toBe(true);
    expect(actsForOwner({ space: 'GM0233' }, 'RGNOORDVELUWE')).toBe(false);
    expect(actsForOwner({ space: 'GM0233' }, 'GM0233')).toBe(true);
    expect(() => assertActsForOwner({ space: 'GM0243' }, 'RGNOORDVELUWE')).toThrow(/region’s own users/);
    const members = ['GM0233', 'GM0243'];
    expect(wgrAccess({ space: 'GM0233', roles: ['inkoper'] }, 'RGNOORDVELUWE', members).canPlan).toBe(false);
    expect(wgrAccess({ space: 'RGNOORDVELUWE', roles: ['inkoper'] }, 'RGNOORDVELUWE', members).canPlan).toBe(
      true,
    );
  });
});

describe('roles that fit the space (issue 11 point 7)', () => {
  it('gives provider users provider roles only, municipalities municipal roles, regions also the coordinator', () => {
    expect(rolesFitSpace('provider', ['provider_signer', 'provider_reporter'])).toBe(true);
    expect(rolesFitSpace('provider', ['provider_signer', 'inkoper'])).toBe(false);
    expect(rolesFitSpace('municipality', ['inkoper', 'admin'])).toBe(true);
    expect(rolesFitSpace('municipality', ['provider_reporter'])).toBe(false);
    expect(rolesFitSpace('municipality', ['coordinator'])).toBe(false);
    expect(rolesFitSpace('region', ['coordinator', 'approver'])).toBe(true);
    expect(rolesFitSpace('region', [])).toBe(false);
  });
});
