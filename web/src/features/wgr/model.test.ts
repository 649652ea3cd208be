import { describe, expect, it } from 'vitest';
import { type OpinionValues, opinionSchema, planSchema } from './forms';
import { defaultYear, yearOptions } from './model';

const target = { agreementId: 'rnv-gr-01', year: 2027, expectedVersion: 1 };
const form: OpinionValues = {
  member: 'GM0243',
  draftReceived: '2026-04-08',
  opinionSubmitted: '2026-06-18',
  outcome: 'agrees_with_remarks',
  summary: ' Akkoord, met zorg. ',
  answered: '',
};

/** A form schema's verdict: the API input, or the i18n key per field (`wgr.errors.` left off). */
async function check(schema: { '~standard': { validate: (v: unknown) => unknown } }, values: unknown) {
  const result = (await schema['~standard'].validate(values)) as {
    value?: unknown;
    issues?: { message: string; path: string[] }[];
  };
  if (!result.issues) return { ok: true, input: result.value };
  return {
    ok: false,
    errors: Object.fromEntries(
      result.issues.map((i) => [i.path.join('.') || 'root', i.message.replace(/^wgr\.errors\./, '')]),
    ),
  };
}

describe('Wgr calendar forms, checked with the API’s schemas', () => {
  it('defaults to next year in Dutch time and offers the years around it', () => {
    expect(defaultYear(new Date('2026-12-31T22:59:00Z'))).toBe(2027);
    expect(defaultYear(new Date('2026-12-31T23:00:00Z'))).toBe(2028); // already 1 January in Amsterdam
    expect(yearOptions(new Date('2026-11-23T12:00:00Z'))).toEqual([2025, 2026, 2027, 2028]);
  });

  it('builds a plan from Dutch input and leaves empty fields to the statutory defaults', async () => {
    const plan = planSchema(target, 'nl-NL');
    expect(await check(plan, { budgetAdoption: '', accountsAdoption: '', draftBudget: '' })).toEqual({
      ok: true,
      input: target,
    });
    expect(
      await check(plan, {
        budgetAdoption: '2026-07-08',
        accountsAdoption: '2028-06-24',
        draftBudget: '15.000.000,00',
      }),
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

  it('names each wrong plan field', async () => {
    expect(
      await check(planSchema(target, 'nl-NL'), {
        budgetAdoption: '2025-07-01',
        accountsAdoption: '2027-13-01',
        draftBudget: 'veel',
      }),
    ).toEqual({
      ok: false,
      errors: {
        budgetAdoption: 'budgetAdoptionYear',
        accountsAdoption: 'accountsAdoption',
        draftBudget: 'draftBudget',
      },
    });
  });

  it('builds an opinion input with only the fields filled in', async () => {
    expect(await check(opinionSchema(target), form)).toEqual({
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
      await check(opinionSchema(target), {
        ...form,
        opinionSubmitted: '',
        outcome: '',
        summary: '',
        answered: '',
      }),
    ).toMatchObject({ ok: true, input: { opinion: { draftReceived: '2026-04-08' } } });
  });

  it('says what is wrong with an opinion before it is sent, as the server would', async () => {
    const errors = async (patch: Partial<OpinionValues>) => {
      const result = await check(opinionSchema(target), { ...form, ...patch });
      return result.ok ? {} : result.errors;
    };
    expect(await errors({ opinionSubmitted: '2026-04-01' })).toEqual({
      opinionSubmitted: 'opinionBeforeDraft',
    });
    expect(await errors({ answered: '2026-06-01' })).toEqual({ answered: 'answerBeforeOpinion' });
    expect(await errors({ outcome: 'no_opinion', answered: '2026-07-01' })).toEqual({
      answered: 'answerToNoOpinion',
    });
    expect(await errors({ outcome: '' })).toEqual({
      outcome: 'outcomeNeeded',
      summary: 'summaryWithoutOpinion',
    });
    expect(await errors({ opinionSubmitted: '' })).toEqual({ opinionSubmitted: 'opinionDateNeeded' });
    expect(await errors({ draftReceived: '' })).toEqual({ draftReceived: 'draftReceivedNeeded' });
    expect(await errors({ draftReceived: '2020-04-08' })).toEqual({ draftReceived: 'dateRange' });
    expect(await errors({ answered: '31-12-2026' })).toEqual({ answered: 'date' });
    expect(await errors({ summary: 'x'.repeat(2001) })).toEqual({ summary: 'summaryTooLong' });
  });
});
