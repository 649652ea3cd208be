import { describe, expect, it } from 'vitest';
import {
  advanceSchema,
  applicationSchema,
  cutsLongSubsidy,
  grantSchema,
  regulationDefaults,
  regulationSchema,
  settleSchema,
} from './forms';
import { canDecide, ceilingUse, type SubsidyView } from './model';

/** A schema's verdict: the API input, or the i18n key per form field. */
async function check(schema: { '~standard': { validate: (v: unknown) => unknown } }, values: unknown) {
  const result = (await schema['~standard'].validate(values)) as {
    value?: unknown;
    issues?: { message: string; path: string[] }[];
  };
  if (!result.issues) return { ok: true, input: result.value };
  return {
    ok: false,
    errors: Object.fromEntries(result.issues.map((i) => [i.path.join('.') || 'root', i.message])),
  };
}

const view = {
  agreementId: 'erm-sub-2026',
  version: 3,
  status: 'granted',
  advanceLeftCents: 500_000,
  application: { late: true },
  phaseOut: { consecutiveYears: 3, previousAnnualCents: 2_000_000 },
} as unknown as SubsidyView;
const target = { agreementId: 'erm-sub-2026', expectedVersion: 3 };

describe('subsidy model', () => {
  it('gives the share of the ceiling granted, capped, and none without a ceiling', () => {
    expect(ceilingUse({ ceilingCents: 40_000_000, grantedCents: 38_500_000 })).toBe(9625);
    expect(ceilingUse({ ceilingCents: 100, grantedCents: 100 })).toBe(10_000);
    expect(ceilingUse({ ceilingCents: null, grantedCents: 5 })).toBeNull();
    expect(ceilingUse({ ceilingCents: 0, grantedCents: 0 })).toBe(10_000);
  });

  it('lets the purchaser and the contract manager decide, not the viewer', () => {
    expect(canDecide({ roles: ['inkoper'] })).toBe(true);
    expect(canDecide({ roles: ['contractmanager'] })).toBe(true);
    expect(canDecide({ roles: ['viewer'] })).toBe(false);
    expect(canDecide(undefined)).toBe(false);
  });
});

describe('subsidy forms, checked with the API’s schemas', () => {
  it('reads the regulation form in Dutch formats', async () => {
    const values = {
      ...regulationDefaults(2026),
      name: ' Sport ',
      legalBasis: 'ASV 2024, art. 4',
      ceiling: '400.000,00',
      exOfficioUpTo: '5.000',
      decisionWeeks: '8',
      publishedOn: '2025-06-16',
    };
    expect(await check(regulationSchema('nl-NL'), values)).toEqual({
      ok: true,
      input: {
        name: 'Sport',
        legalBasis: 'ASV 2024, art. 4',
        budgetYear: 2026,
        ceilingCents: 40_000_000,
        ceilingPublishedOn: '2025-06-16',
        decisionWeeks: 8,
        settlementWeeks: 13,
        exOfficioUpToCents: 500_000,
      },
    });
  });

  it('leaves the ceiling out when empty and names every wrong regulation field', async () => {
    const open = await check(regulationSchema('nl-NL'), {
      ...regulationDefaults(2026),
      name: 'x',
      legalBasis: 'y',
    });
    expect(open).toMatchObject({ ok: true, input: { ceilingCents: null } });
    const bad = await check(regulationSchema('nl-NL'), {
      ...regulationDefaults(1999),
      ceiling: 'veel',
      decisionWeeks: '0',
      settlementWeeks: 'x',
      publishedOn: '2025-02-30',
    });
    const e = 'subsidy.regulations.errors';
    expect(bad).toEqual({
      ok: false,
      errors: {
        name: `${e}.name`,
        legalBasis: `${e}.legalBasis`,
        budgetYear: `${e}.budgetYear`,
        ceiling: `${e}.amount`,
        publishedOn: `${e}.date`,
        decisionWeeks: `${e}.weeks`,
        settlementWeeks: `${e}.weeks`,
      },
    });
  });

  it('reads an application and needs a regulation, a date and an amount of at least a cent', async () => {
    const schema = applicationSchema(view, 'nl-NL');
    const values = {
      regulationId: 'erm-regl-welzijn-2026',
      applicationDate: '2025-09-15',
      requested: '20.000',
      bookYear: '',
    };
    expect(await check(schema, values)).toEqual({
      ok: true,
      input: {
        ...target,
        regulationId: 'erm-regl-welzijn-2026',
        applicationDate: '2025-09-15',
        requestedCents: 2_000_000,
        bookYear: null,
      },
    });
    const e = 'subsidy.section.errors';
    expect(
      await check(schema, { regulationId: '', applicationDate: '', requested: '0', bookYear: '1999' }),
    ).toEqual({
      ok: false,
      errors: {
        regulationId: `${e}.regulation`,
        applicationDate: `${e}.date`,
        requested: `${e}.amount`,
        bookYear: `${e}.bookYear`,
      },
    });
    expect(await check(schema, { ...values, requested: '', bookYear: 'twee' })).toEqual({
      ok: false,
      errors: { requested: `${e}.amount`, bookYear: `${e}.bookYear` },
    });
  });

  it('grants a late application only with a motivation', async () => {
    const schema = grantSchema(view, 'nl-NL');
    const values = {
      amount: '15.000,00',
      settlementDue: '',
      acceptLate: true,
      motivation: ' ',
      settleAtGrant: false,
    };
    expect(await check(schema, values)).toEqual({
      ok: false,
      errors: { motivation: 'subsidy.section.errors.motivation' },
    });
    expect(
      await check(schema, { ...values, motivation: 'Te laat door ziekte', settlementDue: '2027-04-01' }),
    ).toEqual({
      ok: true,
      input: {
        ...target,
        amountCents: 1_500_000,
        settlementDueDate: '2027-04-01',
        acceptLateApplication: true,
        lateMotivation: 'Te laat door ziekte',
      },
    });
  });

  it('settles at zero, ex officio when no settlement was applied for', async () => {
    expect(
      await check(settleSchema(view, 'nl-NL'), { amount: '0', ground: 'not_carried_out', motivation: '' }),
    ).toEqual({
      ok: true,
      input: { ...target, amountCents: 0, exOfficio: true, ground: 'not_carried_out' },
    });
  });

  it('says an advance above what is left at its field, before sending', async () => {
    const schema = advanceSchema(view, 'nl-NL');
    expect(await check(schema, { date: '2026-01-15', amount: '6.000,00', note: '' })).toEqual({
      ok: false,
      errors: { amount: 'subsidy.section.errors.advanceOver' },
    });
    expect(await check(schema, { date: '2026-01-15', amount: '5.000,00', note: ' Eerste ' })).toEqual({
      ok: true,
      input: { ...target, date: '2026-01-15', amountCents: 500_000, note: 'Eerste' },
    });
  });

  it('warns of the phase-out only for a cut of a long-running subsidy', () => {
    expect(cutsLongSubsidy(view, '15.000', 'nl-NL')).toBe(1_500_000);
    expect(cutsLongSubsidy(view, '20.000', 'nl-NL')).toBeNull();
    expect(cutsLongSubsidy(view, 'veel', 'nl-NL')).toBeNull();
  });
});
