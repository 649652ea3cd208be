import { describe, expect, it } from 'vitest';
import { type ReasonFormat, reasonText } from '../../i18n/reasons';
import type { InternalAgreement } from '../../lib/agreements/model';
import { describeError } from '../../lib/describe-error';
import { formatMoney } from '../../lib/format';
import { fieldFor, validateCreate, validateTerms, withoutStale } from './agreement-form';
import {
  type CreateValues,
  type DutyRow,
  emptyCreateValues,
  fieldOrder,
  type LineRow,
  newDutyRow,
  newLineRow,
  newPartyRow,
  termsPatch,
  valuesFromAgreement,
} from './agreement-values';
import { storedAgreement } from './fixtures';

const dutch: ReasonFormat = {
  language: 'nl',
  label: (_key, fallback) => fallback,
  money: (cents) => formatMoney(cents, 'nl-NL'),
  date: (value) => value,
};

const valid: CreateValues = {
  ...emptyCreateValues('GM0233'),
  kind: 'contract',
  reference: ' ERM-2027-001 ',
  title: 'Jeugdhulp ambulant',
  domain: 'youth',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
  valueCeilingCents: '1.234,56',
};

const line = (over: Partial<LineRow> = {}): LineRow => ({
  ...newLineRow(),
  category: '45',
  productCode: '45A12',
  variant: 'output',
  unit: 'piece',
  frequency: 'per_month',
  tariffCents: '985,00',
  ...over,
});

describe('validateCreate', () => {
  it('builds the API input from valid values', () => {
    expect(validateCreate(valid, 'GM0233', 'nl-NL')).toEqual({
      ok: true,
      input: {
        kind: 'contract',
        reference: 'ERM-2027-001',
        title: 'Jeugdhulp ambulant',
        domain: 'youth',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        valueCeilingCents: 123456,
      },
    });
  });

  it('sends the owner only when it is not the home register', () => {
    const own = validateCreate(valid, 'GM0233', 'nl-NL');
    expect(own.ok && 'space' in own.input).toBe(false);
    const region = validateCreate({ ...valid, space: 'RGNOORDVELUWE' }, 'GM0233', 'nl-NL');
    expect(region.ok && region.input.space).toBe('RGNOORDVELUWE');
  });

  it('names every missing required field', () => {
    const result = validateCreate(emptyCreateValues('GM0233'), 'GM0233', 'nl-NL');
    expect(result.ok ? {} : result.errors).toEqual({
      kind: { key: 'kindRequired' },
      reference: { key: 'referenceRequired' },
      title: { key: 'titleRequired' },
      domain: { key: 'domainRequired' },
      startDate: { key: 'startDateRequired' },
      endDate: { key: 'endDateRequired' },
    });
  });

  it('refuses an end before the start, over-long text and a bad amount', () => {
    const result = validateCreate(
      { ...valid, endDate: '2026-12-31', reference: 'x'.repeat(51), valueCeilingCents: '12,345' },
      'GM0233',
      'nl-NL',
    );
    expect(result.ok ? {} : result.errors).toEqual({
      endDate: { key: 'endBeforeStart' },
      reference: { key: 'referenceTooLong' },
      valueCeilingCents: { key: 'ceilingInvalid' },
    });
  });

  it.each(['ERM-2027/01', 'Jeugd 2027.1', 'ÉÉN_1'])('accepts the reference %s', (reference) => {
    expect(validateCreate({ ...valid, reference }, 'GM0233', 'nl-NL').ok).toBe(true);
  });
  it.each(['-ERM', 'ERM#1', 'a<b'])('refuses the reference %s', (reference) => {
    const result = validateCreate({ ...valid, reference }, 'GM0233', 'nl-NL');
    expect(result.ok ? undefined : result.errors.reference).toEqual({ key: 'referenceInvalid' });
  });

  it('sends parties, product lines, notice period and renewal options', () => {
    const result = validateCreate(
      {
        ...valid,
        noticePeriodMonths: '6',
        renewal: { options: '2', monthsEach: '12' },
        parties: [{ ...newPartyRow(), organisationId: 'org-kompas', role: 'contractor' }],
        productLines: [line(), line({ productCode: '45A48', variant: 'task', lumpSumCents: '180.000' })],
      },
      'GM0233',
      'nl-NL',
    );
    expect(result.ok && result.input).toMatchObject({
      noticePeriodMonths: 6,
      renewal: { options: 2, monthsEach: 12 },
      parties: [{ organisationId: 'org-kompas', role: 'contractor' }],
      productLines: [
        {
          category: '45',
          productCode: '45A12',
          variant: 'output',
          unit: 'piece',
          frequency: 'per_month',
          tariffCents: 98500,
        },
        // A task line has a lump sum and nothing per client, whatever was typed in hidden fields.
        { category: '45', productCode: '45A48', variant: 'task', lumpSumCents: 18_000_000 },
      ],
    });
    expect(result.ok && result.input.productLines?.[1]).not.toHaveProperty('tariffCents');
  });
});

describe('validateTerms', () => {
  it('checks each product line by its variant and the domain’s categories', () => {
    const result = validateTerms(
      {
        ...valid,
        productLines: [
          line({ category: '12' }),
          line({ productCode: '45a12', unit: '', frequency: '', tariffCents: '' }),
          line({ productCode: '45A99', variant: 'task' }),
          line({ productCode: 'x y', variant: '' }),
        ],
      },
      'contract',
      'nl-NL',
    );
    expect(result.ok ? {} : result.errors).toEqual({
      'productLines.0.category': { key: 'categoryRange', values: { range: '31–50' } },
      'productLines.1.productCode': { key: 'productCodeDuplicate' },
      'productLines.1.unit': { key: 'unitRequired' },
      'productLines.1.frequency': { key: 'frequencyRequired' },
      'productLines.1.tariffCents': { key: 'tariffRequired' },
      'productLines.2.lumpSumCents': { key: 'lumpSumRequired' },
      'productLines.3.productCode': { key: 'productCodeInvalid' },
      'productLines.3.variant': { key: 'variantRequired' },
    });
  });

  it('allows product lines only on youth and Wmo contracts', () => {
    const result = validateTerms({ ...valid, domain: 'ict', productLines: [line()] }, 'contract', 'nl-NL');
    expect(result.ok ? {} : result.errors).toEqual({ productLines: { key: 'linesNotAllowed' } });
    const subsidy = validateTerms({ ...valid, productLines: [line()] }, 'subsidy', 'nl-NL');
    expect(subsidy.ok ? {} : subsidy.errors).toEqual({ productLines: { key: 'linesNotAllowed' } });
  });

  it('needs an organisation and a role per party, each pair once', () => {
    const party = (organisationId: string, role: string) => ({ ...newPartyRow(), organisationId, role });
    const result = validateTerms(
      {
        ...valid,
        parties: [
          party('', 'contractor'),
          party('org-a', ''),
          party('org-b', 'contractor'),
          party('org-b', 'contractor'),
        ],
      },
      'contract',
      'nl-NL',
    );
    expect(result.ok ? {} : result.errors).toEqual({
      'parties.0.organisationId': { key: 'partyRequired' },
      'parties.1.role': { key: 'partyRoleRequired' },
      'parties.3.organisationId': { key: 'partyDuplicate' },
    });
  });

  it('reads renewal options as a pair', () => {
    const errors = (renewalOptions: string, renewalMonths: string) => {
      const renewal = { options: renewalOptions, monthsEach: renewalMonths };
      const result = validateTerms({ ...valid, renewal }, 'contract', 'nl-NL');
      return result.ok ? result.terms.renewal : result.errors;
    };
    expect(errors('', '')).toBeNull();
    expect(errors('2', '12')).toEqual({ options: 2, monthsEach: 12 });
    expect(errors('2', '')).toEqual({ 'renewal.monthsEach': { key: 'renewalMonthsRequired' } });
    expect(errors('', '12')).toEqual({ 'renewal.options': { key: 'renewalOptionsRequired' } });
    expect(errors('11', '12')).toEqual({ 'renewal.options': { key: 'renewalOptionsInvalid' } });
    expect(errors('1', '0')).toEqual({ 'renewal.monthsEach': { key: 'renewalMonthsInvalid' } });
    expect(errors('0', '')).toBeNull();
  });
});

const stored = storedAgreement;

describe('editing: values from the agreement and the patch', () => {
  it('round-trips: unchanged values make an empty patch', () => {
    const values = valuesFromAgreement(stored, 'nl-NL');
    expect(values.valueCeilingCents).toBe('1.000,00');
    expect(values.productLines[0]?.tariffCents).toBe('985,00');
    const result = validateTerms(values, stored.kind, 'nl-NL');
    expect(result.ok && termsPatch(result.terms, stored)).toEqual({});
  });

  it('sends only what changed, keeping line ids', () => {
    const values = valuesFromAgreement(stored, 'nl-NL');
    const edited = {
      ...values,
      title: 'Jeugdhulp (gewijzigd)',
      noticePeriodMonths: '',
      productLines: values.productLines.map((l) => ({ ...l, tariffCents: '1.000' })),
    };
    const result = validateTerms(edited, stored.kind, 'nl-NL');
    expect(result.ok && termsPatch(result.terms, stored)).toEqual({
      title: 'Jeugdhulp (gewijzigd)',
      noticePeriodMonths: null,
      productLines: [{ ...stored.productLines[0], tariffCents: 100_000 }],
    });
  });
});

describe('server issues on the form (reason keys, through the mutation-error hook)', () => {
  const fields = fieldOrder({ ...valid, parties: [newPartyRow()], productLines: [line()] }, 'edit');
  const refusal = (issues: { path: string; reason: string; params?: Record<string, unknown> }[]) =>
    Object.assign(new Error('English for logs'), {
      data: {
        code: 'BAD_REQUEST',
        httpStatus: 400,
        reason: 'request.invalid',
        params: {},
        issues: issues.map((i) => ({ message: 'English', params: {}, ...i })),
      },
    });
  const describe_ = (error: unknown, order = fields) =>
    describeError(error, dutch, {
      fieldOf: (path) => fieldFor(path, order),
      messages: { invalid: 'De server heeft de invoer niet geaccepteerd.' },
    });

  it('puts each issue on the deepest field the form shows, without an update’s data prefix', () => {
    expect(fieldFor('title', fields)).toBe('title');
    expect(fieldFor('parties.0', fields)).toBe('parties.0.organisationId');
    expect(fieldFor('renewal', fields)).toBe('renewal.options');
    expect(fieldFor('productLines.0', fields)).toBe('productLines.0.category');
    expect(fieldFor('allocationKey.weights', fields)).toBeUndefined();
    expect(fieldFor('', fields)).toBeUndefined();

    const described = describe_(
      refusal([
        { path: 'data.title', reason: 'validation.too_big', params: { maximum: 200, origin: 'string' } },
        { path: 'data.title', reason: 'validation.custom' },
        {
          path: 'productLines.0.category',
          reason: 'productLine.categoryRange',
          params: { category: '12', from: '31', to: '50' },
        },
        { path: 'data.parties.0', reason: 'validation.invalid_type', params: { expected: 'object' } },
        { path: 'renewal', reason: 'renewal.moreUsedThanOptions', params: { used: 3, options: 2 } },
        {
          path: 'data.allocationKey.weights',
          reason: 'allocation.notMember',
          params: { space: 'GM0344', region: 'RG' },
        },
      ]),
    );
    expect(described.fieldErrors).toEqual({
      title: reasonText('validation.too_big', { maximum: 200, origin: 'string' }, dutch),
      'productLines.0.category': 'Categorie 12 valt buiten 31–50.',
      'parties.0.organisationId': reasonText('validation.invalid_type', { expected: 'object' }, dutch),
      'renewal.options': reasonText('renewal.moreUsedThanOptions', { used: 3, options: 2 }, dutch),
    });
    // What no field shows is said above the form, in Dutch, never the server's English.
    expect(described.summary).toContain(
      reasonText('allocation.notMember', { space: 'GM0344', region: 'RG' }, dutch),
    );
    expect(described.summary).not.toContain('English');
  });

  it('says the domain rules’ refusals in Dutch at their fields, by reason key (no regex on messages)', () => {
    const withParty = fieldOrder({ ...valid, parties: [newPartyRow()], productLines: [line()] }, 'edit');
    const described = describe_(
      refusal([
        {
          path: 'data.parties.0.organisationId',
          reason: 'party.unknown',
          params: { organisationId: 'org-x' },
        },
        {
          path: 'data.productLines.0.tariffCents',
          reason: 'productLine.tariffRequired',
          params: { variant: 'effort' },
        },
      ]),
      withParty,
    );
    expect(described.fieldErrors).toEqual({
      'parties.0.organisationId': 'Deze organisatie is niet geregistreerd.',
      'productLines.0.tariffCents': reasonText('productLine.tariffRequired', { variant: 'effort' }, dutch),
    });
  });
});

describe('withoutStale', () => {
  it('drops the changed field’s error, and every row error when rows were added or removed', () => {
    const errors = {
      title: { text: 'a' },
      'parties.0.role': { text: 'b' },
      'parties.1.organisationId': { text: 'c' },
      'productLines.0.category': { text: 'd' },
    };
    expect(Object.keys(withoutStale(errors, 'title'))).toEqual([
      'parties.0.role',
      'parties.1.organisationId',
      'productLines.0.category',
    ]);
    expect(Object.keys(withoutStale(errors, 'parties'))).toEqual(['title', 'productLines.0.category']);
    expect(Object.keys(withoutStale(errors, 'parties.0.role'))).toHaveLength(3);
  });
});

describe('information duties', () => {
  const periodic = (over: Partial<DutyRow> = {}): DutyRow => ({
    ...newDutyRow('periodic'),
    title: ' Kwartaalrapportage ',
    frequency: 'quarterly',
    dueDays: '30',
    ...over,
  });
  const event = (over: Partial<DutyRow> = {}): DutyRow => ({
    ...newDutyRow('event'),
    title: 'Melding calamiteit',
    event: 'calamity',
    responseDays: '1',
    ...over,
  });

  it('sends periodic and event duties with only their own fields', () => {
    const result = validateCreate({ ...valid, duties: [periodic(), event()] }, 'GM0233', 'nl-NL');
    expect(result.ok && result.input.duties).toEqual([
      { kind: 'periodic', title: 'Kwartaalrapportage', frequency: 'quarterly', dueDays: 30 },
      { kind: 'event', title: 'Melding calamiteit', event: 'calamity', responseDays: 1 },
    ]);
  });

  it('names what is missing or out of range per duty', () => {
    const result = validateTerms(
      {
        ...valid,
        duties: [
          periodic({ title: '', frequency: '', dueDays: '181' }),
          event({ event: 'storm', responseDays: '0' }),
          periodic({ title: 'x'.repeat(121), dueDays: '' }),
        ],
      },
      'contract',
      'nl-NL',
    );
    expect(result.ok ? {} : result.errors).toEqual({
      'duties.0.title': { key: 'dutyTitleRequired' },
      'duties.0.frequency': { key: 'dutyFrequencyRequired' },
      'duties.0.dueDays': { key: 'dutyDueDaysInvalid' },
      'duties.1.event': { key: 'dutyEventRequired' },
      'duties.1.responseDays': { key: 'dutyResponseDaysInvalid' },
      'duties.2.title': { key: 'dutyTitleTooLong' },
      'duties.2.dueDays': { key: 'dutyDueDaysInvalid' },
    });
    const many = validateTerms(
      { ...valid, duties: Array.from({ length: 21 }, () => periodic()) },
      'contract',
      'nl-NL',
    );
    expect(many.ok ? {} : many.errors).toEqual({ duties: { key: 'tooManyDuties' } });
  });

  it('keeps a duty’s data specification and a KPI’s source through the form unchanged', () => {
    const dataSpec = [{ key: 'clienten', label: 'Cliënten', type: 'count' as const, required: true }];
    const source = { dutyId: 'd1', field: 'clienten' };
    const withSpec: InternalAgreement = {
      ...stored,
      duties: [
        { id: 'd1', kind: 'periodic', title: 'Kwartaal', frequency: 'quarterly', dueDays: 30, dataSpec },
      ],
      kpis: [
        {
          id: 'k1',
          name: 'Cliënten',
          unit: 'cliënten',
          target: 10,
          direction: 'higher',
          frequency: 'quarterly',
          source,
        },
      ],
    };
    const values = valuesFromAgreement(withSpec, 'nl-NL');
    const same = validateTerms(values, 'contract', 'nl-NL');
    expect(same.ok && termsPatch(same.terms, withSpec)).toEqual({});
    const edited = validateTerms(
      { ...values, duties: [{ ...values.duties[0]!, dueDays: '45' }] },
      'contract',
      'nl-NL',
    );
    expect(edited.ok && termsPatch(edited.terms, withSpec)).toEqual({
      duties: [
        { id: 'd1', kind: 'periodic', title: 'Kwartaal', frequency: 'quarterly', dueDays: 45, dataSpec },
      ],
    });
  });

  it('keeps the ids of stored duties and sends the whole list when one changes', () => {
    const withDuties: InternalAgreement = {
      ...stored,
      duties: [
        { id: 'd1', kind: 'periodic', title: 'Kwartaal', frequency: 'quarterly', dueDays: 30 },
        { id: 'd2', kind: 'event', title: 'Calamiteit', event: 'calamity', responseDays: 1 },
      ],
    };
    const values = valuesFromAgreement(withDuties, 'nl-NL');
    expect(values.duties.map((d) => [d.id, d.kind, d.dueDays, d.responseDays])).toEqual([
      ['d1', 'periodic', '30', ''],
      ['d2', 'event', '', '1'],
    ]);
    const same = validateTerms(values, 'contract', 'nl-NL');
    expect(same.ok && termsPatch(same.terms, withDuties)).toEqual({});

    const edited = {
      ...values,
      duties: [{ ...values.duties[0]!, dueDays: '45' }, event({ title: 'Klacht' })],
    };
    const result = validateTerms(edited, 'contract', 'nl-NL');
    expect(result.ok && termsPatch(result.terms, withDuties)).toEqual({
      duties: [
        { id: 'd1', kind: 'periodic', title: 'Kwartaal', frequency: 'quarterly', dueDays: 45 },
        { kind: 'event', title: 'Klacht', event: 'calamity', responseDays: 1 },
      ],
    });
  });

  it('lists duty fields in order and puts server issues on them', () => {
    const values = { ...valid, duties: [periodic(), event()] };
    const order = fieldOrder(values, 'edit');
    // The indicator set follows the duties.
    expect(order.slice(order.indexOf('duties'), order.indexOf('kpis'))).toEqual([
      'duties',
      'duties.0.title',
      'duties.0.frequency',
      'duties.0.dueDays',
      'duties.0.dataSpec',
      'duties.1.title',
      'duties.1.event',
      'duties.1.responseDays',
    ]);
    const described = describeError(
      Object.assign(new Error('English'), {
        data: {
          code: 'BAD_REQUEST',
          reason: 'request.invalid',
          params: {},
          issues: [
            {
              path: 'data.duties.0.frequency',
              message: 'English',
              reason: 'duty.periodicNeedsFrequency',
              params: {},
            },
            { path: 'data.duties.1', message: 'English', reason: 'validation.invalid_type', params: {} },
          ],
        },
      }),
      dutch,
      { fieldOf: (path) => fieldFor(path, order) },
    );
    expect(described.fieldErrors).toEqual({
      'duties.0.frequency': reasonText('duty.periodicNeedsFrequency', {}, dutch),
      'duties.1.title': reasonText('validation.invalid_type', {}, dutch),
    });
    expect(
      Object.keys(withoutStale({ 'duties.0.title': { text: 'a' }, title: { text: 'b' } }, 'duties')),
    ).toEqual(['title']);
  });
});

describe('KPI level (issue 14: the relation’s expected KPI depth reads it)', () => {
  const kpi = {
    id: 'k1',
    name: 'Doelen behaald',
    unit: '%',
    target: 75,
    direction: 'higher' as const,
    frequency: 'quarterly' as const,
  };

  it('shows a stored level, sends a chosen one and leaves an unchosen one out', () => {
    const withKpi: InternalAgreement = { ...storedAgreement, kpis: [{ ...kpi, level: 'output' }] };
    const values = valuesFromAgreement(withKpi, 'nl-NL');
    expect(values.kpis[0]!.level).toBe('output');
    const same = validateTerms(values, 'contract', 'nl-NL');
    expect(same.ok && termsPatch(same.terms, withKpi)).toEqual({});

    const raised = { ...values, kpis: [{ ...values.kpis[0]!, level: 'outcome' }] };
    const result = validateTerms(raised, 'contract', 'nl-NL');
    expect(result.ok && termsPatch(result.terms, withKpi)).toEqual({ kpis: [{ ...kpi, level: 'outcome' }] });

    const none = { ...values, kpis: [{ ...values.kpis[0]!, level: '' }] };
    const cleared = validateTerms(none, 'contract', 'nl-NL');
    expect(cleared.ok && termsPatch(cleared.terms, withKpi)).toEqual({ kpis: [kpi] });
    expect(fieldOrder(values, 'edit')).toContain('kpis.0.level');
  });
});
