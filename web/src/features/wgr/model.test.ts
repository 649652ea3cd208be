import { describe, expect, it } from 'vitest';
import { defaultYear, type OpinionForm, opinionInput, planInput, yearOptions } from './model';

const target = { agreementId: 'rnv-gr-01', year: 2027, expectedVersion: 1 };
const form: OpinionForm = {
  member: 'GM0243',
  draftReceived: '2026-04-08',
  opinionSubmitted: '2026-06-18',
  outcome: 'agrees_with_remarks',
  summary: ' Akkoord, met zorg. ',
  answered: '',
};

describe('Wgr calendar forms', () => {
  it('defaults to next year in Dutch time and offers the years around it', () => {
    expect(defaultYear(new Date('2026-12-31T22:59:00Z'))).toBe(2027);
    expect(defaultYear(new Date('2026-12-31T23:00:00Z'))).toBe(2028); // already 1 January in Amsterdam
    expect(yearOptions(new Date('2026-11-23T12:00:00Z'))).toEqual([2025, 2026, 2027, 2028]);
  });

  it('builds a plan from Dutch input and leaves empty fields to the statutory defaults', () => {
    expect(planInput({ budgetAdoption: '', accountsAdoption: '', draftBudget: '' }, target, 'nl-NL')).toEqual(
      {
        ok: true,
        input: target,
      },
    );
    expect(
      planInput(
        { budgetAdoption: '2026-07-08', accountsAdoption: '2028-06-24', draftBudget: '15.000.000,00' },
        target,
        'nl-NL',
      ),
    ).toEqual({
      ok: true,
      input: {
        ...target,
        budgetAdoption: '2026-07-08',
        accountsAdoption: '2028-06-24',
        draftBudgetCents: 1_500_000_000,
      },
    });
  });

  it('names each wrong plan field', () => {
    expect(
      planInput(
        { budgetAdoption: '2025-07-01', accountsAdoption: '2027-13-01', draftBudget: 'veel' },
        target,
        'nl-NL',
      ),
    ).toEqual({
      ok: false,
      errors: {
        budgetAdoption: 'budgetAdoptionYear',
        accountsAdoption: 'accountsAdoption',
        draftBudget: 'draftBudget',
      },
    });
  });

  it('builds an opinion input with only the fields filled in', () => {
    expect(opinionInput(form, target)).toEqual({
      ok: true,
      input: {
        ...target,
        member: 'GM0243',
        opinion: {
          draftReceived: '2026-04-08',
          opinionSubmitted: '2026-06-18',
          outcome: 'agrees_with_remarks',
          summary: 'Akkoord, met zorg.',
        },
      },
    });
    expect(
      opinionInput({ ...form, opinionSubmitted: '', outcome: '', summary: '', answered: '' }, target),
    ).toMatchObject({ ok: true, input: { opinion: { draftReceived: '2026-04-08' } } });
  });

  it('says what is wrong with an opinion before it is sent, as the server would', () => {
    const errors = (patch: Partial<OpinionForm>) => {
      const result = opinionInput({ ...form, ...patch }, target);
      return result.ok ? {} : result.errors;
    };
    expect(errors({ opinionSubmitted: '2026-04-01' })).toEqual({ opinionSubmitted: 'opinionBeforeDraft' });
    expect(errors({ answered: '2026-06-01' })).toEqual({ answered: 'answerBeforeOpinion' });
    expect(errors({ outcome: 'no_opinion', answered: '2026-07-01' })).toEqual({
      answered: 'answerToNoOpinion',
    });
    expect(errors({ outcome: '' })).toEqual({ outcome: 'outcomeNeeded', summary: 'summaryWithoutOpinion' });
    expect(errors({ opinionSubmitted: '' })).toEqual({ opinionSubmitted: 'opinionDateNeeded' });
    expect(errors({ draftReceived: '' })).toEqual({ draftReceived: 'draftReceivedNeeded' });
    expect(errors({ draftReceived: '2020-04-08' })).toEqual({ draftReceived: 'dateRange' });
    expect(errors({ answered: '31-12-2026' })).toEqual({ answered: 'date' });
    expect(errors({ summary: 'x'.repeat(2001) })).toEqual({ summary: 'summaryTooLong' });
  });
});
