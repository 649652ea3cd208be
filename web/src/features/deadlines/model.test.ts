import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { nlDeadlines } from '../../i18n/deadlines';
import { nl } from '../../i18n/nl';
import { deadlineTitle, roleList } from './model';

/** A t() over the Dutch messages, enough to check which text a row gets. */
const t = ((key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], nl)) as TFunction;

describe('deadline titles', () => {
  it('names a Wgr step with its budget year', () => {
    expect(deadlineTitle(t, { kind: 'wgr', label: 'wgr.budgetAdoption', params: { year: '2027' } })).toBe(
      `${nlDeadlines.wgr.budgetAdoption} 2027`,
    );
  });
  it('names a report by its duty, and falls back to the kind', () => {
    expect(
      deadlineTitle(t, { kind: 'report_due', label: 'report_due', params: { duty: 'Kwartaalrapportage' } }),
    ).toBe('Rapportage verwacht: Kwartaalrapportage');
    expect(deadlineTitle(t, { kind: 'awb', label: 'awb.settlement_application', params: {} })).toBe(
      'Aanvraag tot vaststelling verwacht (Awb 4:44)',
    );
    expect(deadlineTitle(t, { kind: 'awb', label: 'awb.unknown', params: {} })).toBe('Awb-termijn');
    expect(deadlineTitle(t, { kind: 'wgr', label: 'wgr.unknown', params: {} })).toBe('P&C-cyclus (Wgr)');
  });
  it('names an escalation step by its level and subject', () => {
    expect(
      deadlineTitle(t, {
        kind: 'escalation',
        label: 'escalation',
        params: { subject: 'Wachtlijst', level: 'regisseur' },
      }),
    ).toBe('Escalatie: termijn van deze trede (regisseur): Wachtlijst');
  });
  it('lists roles in the user language', () => {
    expect(roleList(t, ['contractmanager', 'approver'])).toBe('contractmanager, budgethouder');
  });
});
