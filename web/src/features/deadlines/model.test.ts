import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { nl } from '../../i18n/nl';
import { nlWgr } from '../../i18n/wgr';
import { deadlineTitle, roleList } from './model';

/** A t() over the Dutch messages, enough to check which text a row gets. */
const lookup = (key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], nl);
const t = lookup as TFunction;

describe('deadline titles', () => {
  it('names an agreed action by its text and owner, a provider’s as "Actie aanbieder"', () => {
    const params = { text: 'Wachtlijst delen', owner: 'Kompas' };
    expect(deadlineTitle(t, { kind: 'action', label: 'provider_action', params })).toBe(
      'Actie aanbieder: Wachtlijst delen (Kompas)',
    );
    expect(deadlineTitle(t, { kind: 'action', label: 'action', params })).toBe(
      'Afgesproken actie: Wachtlijst delen (Kompas)',
    );
  });
  it('names a Wgr step with its budget year', () => {
    expect(deadlineTitle(t, { kind: 'wgr', label: 'wgr.budgetAdoption', params: { year: '2027' } })).toBe(
      `${nlWgr.steps.budgetAdoption} 2027`,
    );
  });
  it('names a report by its duty, and falls back to the kind', () => {
    expect(
      deadlineTitle(t, { kind: 'report_due', label: 'report_due', params: { duty: 'Kwartaalrapportage' } }),
    ).toBe('Rapportage verwacht: Kwartaalrapportage');
    // Each provider party owes its own: the row names the party.
    expect(
      deadlineTitle(t, {
        kind: 'report_due',
        label: 'report_due',
        params: { duty: 'Kwartaalrapportage', party: 'Stichting Wijkracht' },
      }),
    ).toBe('Rapportage verwacht: Kwartaalrapportage (Stichting Wijkracht)');
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
  it('says which ceiling a budget signal is about', () => {
    const tp = ((key: string, params?: Record<string, string>) =>
      String(lookup(key)).replace(/\{\{(\w+)\}\}/g, (_, name: string) => params?.[name] ?? '')) as TFunction;
    expect(
      deadlineTitle(tp, { kind: 'budget_threshold', label: 'budget_threshold', params: { threshold: '80' } }),
    ).toBe('80% van het plafond bereikt');
    expect(
      deadlineTitle(tp, {
        kind: 'budget_threshold',
        label: 'budget_threshold.year',
        params: { threshold: '100', year: '2026' },
      }),
    ).toBe('100% van het jaarplafond 2026 bereikt');
    expect(
      deadlineTitle(tp, {
        kind: 'budget_threshold',
        label: 'budget_threshold.line.volume',
        params: { threshold: '80', product: '02A02' },
      }),
    ).toBe('80% van het volumeplafond van productregel 02A02 bereikt');
  });
  it('lists roles in the user language', () => {
    expect(roleList(t, ['contractmanager', 'approver'])).toBe('contractmanager, budgethouder');
  });
});
