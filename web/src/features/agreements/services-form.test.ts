import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { enServices, nlServices } from '../../i18n/services';
import type { InternalAgreement } from '../../lib/agreements/model';
import { validateCreate, validateTerms } from './agreement-form';
import {
  emptyCreateValues,
  fieldOrder,
  newLevelRow,
  newServiceRow,
  type ServiceRow,
  termsPatch,
  valuesFromAgreement,
} from './agreement-values';
import { storedAgreement } from './fixtures';
import { catalogueText, levelText, priceText } from './services-present';

const stored: InternalAgreement = {
  ...storedAgreement,
  kind: 'service_agreement',
  productLines: [],
  services: [
    {
      id: 'svc-basis',
      name: 'Basispakket',
      levels: [
        {
          id: 'sl-1',
          measure: 'Beschikbaarheid',
          unit: 'percent',
          target: 99.5,
          direction: 'at_least',
          period: 'month',
        },
      ],
      price: {
        model: 'basePlusUnit',
        baseYearlyCents: 4_000_000,
        unit: 'workstation',
        unitPriceCents: 15_050,
        quantity: 12.5,
      },
    },
  ],
};

/** A service as an inkoper types it: Werkplekbeheer, one level, base plus per workstation. */
const typed = (): ServiceRow => ({
  ...newServiceRow(),
  name: 'Werkplekbeheer',
  levels: [
    {
      measure: 'Oplostijd incidenten',
      unit: 'working_hours',
      target: '8',
      direction: 'at_most',
      share: '95',
      period: 'month',
    },
  ],
  price: {
    model: 'basePlusUnit',
    yearlyCents: '999,00', // typed under another model first: not sent
    baseYearlyCents: '12.000,00',
    unit: 'workstation',
    unitPriceCents: '450,50',
    quantity: '120',
  },
});

describe('the services of the agreement form', () => {
  it('reads a typed service into the API’s input, with only its model’s price fields', () => {
    const values = {
      ...emptyCreateValues('GM0233'),
      kind: 'service_agreement',
      reference: 'DVO-1',
      title: 'DVO werkplek',
      domain: 'ict',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      services: [typed()],
    };
    const result = validateCreate(values, 'GM0233', 'nl-NL');
    expect(result.ok && result.input.services).toEqual([
      {
        name: 'Werkplekbeheer',
        levels: [
          {
            measure: 'Oplostijd incidenten',
            unit: 'working_hours',
            target: 8,
            direction: 'at_most',
            share: 95,
            period: 'month',
          },
        ],
        price: {
          model: 'basePlusUnit',
          baseYearlyCents: 1_200_000,
          unit: 'workstation',
          unitPriceCents: 45_050,
          quantity: 120,
        },
      },
    ]);
  });

  it('names each missing or wrong part of a service at its field', () => {
    const values = valuesFromAgreement(stored, 'nl-NL');
    const empty = { ...newServiceRow(), levels: [{ ...newLevelRow(), unit: 'percent', target: '99' }] };
    const result = validateTerms({ ...values, services: [empty] }, stored.kind, 'nl-NL');
    expect(result.ok ? {} : result.errors).toEqual({
      'services.0.name': { key: 'serviceNameRequired' },
      'services.0.levels.0.measure': { key: 'levelMeasureRequired' },
      'services.0.levels.0.direction': { key: 'levelDirectionRequired' },
      'services.0.levels.0.period': { key: 'levelPeriodRequired' },
      'services.0.price.model': { key: 'priceModelRequired' },
    });
    // A percentage over 100 is core's check across the level's fields: named once the level is otherwise whole.
    const percent = {
      ...typed(),
      levels: [{ ...typed().levels[0]!, unit: 'percent', target: '101', share: '' }],
    };
    const over = validateTerms({ ...values, services: [percent] }, stored.kind, 'nl-NL');
    expect(over.ok ? {} : over.errors).toEqual({
      'services.0.levels.0.target': { key: 'levelPercentTooHigh' },
    });
    const perUnit = {
      ...typed(),
      price: { ...typed().price, model: 'perUnit', unit: '', quantity: '1,005' },
    };
    const second = validateTerms({ ...values, services: [perUnit] }, stored.kind, 'nl-NL');
    expect(second.ok ? {} : second.errors).toEqual({
      'services.0.price.unit': { key: 'priceUnitRequired' },
      'services.0.price.quantity': { key: 'quantityInvalid' },
    });
  });

  it('refuses services on a kind without a catalogue, and a service twice, as core does', () => {
    const values = valuesFromAgreement(stored, 'nl-NL');
    const onContract = validateTerms({ ...values, services: [typed()] }, 'contract', 'nl-NL');
    expect(onContract.ok ? {} : onContract.errors).toEqual({ services: { key: 'servicesNotAllowed' } });
    const twice = validateTerms(
      { ...values, services: [typed(), { ...typed(), name: 'werkplekbeheer' }] },
      stored.kind,
      'nl-NL',
    );
    expect(twice.ok ? {} : twice.errors).toEqual({ 'services.1.name': { key: 'serviceNameDuplicate' } });
  });

  it('round-trips a stored catalogue with its ids, and sends the whole list when one is added', () => {
    const values = valuesFromAgreement(stored, 'nl-NL');
    expect(values.services[0]?.price).toMatchObject({
      baseYearlyCents: '40.000,00',
      unitPriceCents: '150,50',
      quantity: '12,5',
    });
    const same = validateTerms(values, stored.kind, 'nl-NL');
    expect(same.ok && termsPatch(same.terms, stored)).toEqual({});
    const added = validateTerms({ ...values, services: [...values.services, typed()] }, stored.kind, 'nl-NL');
    const patch = added.ok ? termsPatch(added.terms, stored) : {};
    expect(patch.services?.map((s) => s.id)).toEqual(['svc-basis', undefined]);
    expect(patch.services?.[0]?.levels[0]?.id).toBe('sl-1');
  });

  it('lists a service’s fields in the error summary’s order, the price fields of its model only', () => {
    const values = { ...valuesFromAgreement(stored, 'nl-NL'), services: [typed()] };
    const order = fieldOrder(values, 'edit').filter((f) => f.startsWith('services'));
    expect(order).toEqual([
      'services',
      'services.0.name',
      'services.0.description',
      'services.0.levels',
      'services.0.levels.0.measure',
      'services.0.levels.0.unit',
      'services.0.levels.0.target',
      'services.0.levels.0.direction',
      'services.0.levels.0.share',
      'services.0.levels.0.period',
      'services.0.price.model',
      'services.0.price.baseYearlyCents',
      'services.0.price.unit',
      'services.0.price.unitPriceCents',
      'services.0.price.quantity',
    ]);
  });
});

describe('a service catalogue as a person reads it', () => {
  let t: (language: 'nl' | 'en') => TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'nl',
      resources: {
        nl: { translation: { ...nl, services: nlServices } },
        en: { translation: { ...en, services: enServices } },
      },
      interpolation: { escapeValue: false },
    });
    t = (language) => i18n.getFixedT(language) as unknown as TFunction;
  });

  it('says a level in one line, with its share of cases', () => {
    const availability = stored.services[0]!.levels[0]!;
    expect(levelText(t('nl'), 'nl-NL', availability)).toBe('Beschikbaarheid ≥ 99,5% per maand');
    const resolution = {
      measure: 'Oplostijd incidenten',
      unit: 'working_hours',
      target: 8,
      direction: 'at_most',
      share: 95,
      period: 'month',
    } as const;
    expect(levelText(t('nl'), 'nl-NL', resolution)).toBe(
      'Oplostijd incidenten ≤ 8 werkuren voor 95% per maand',
    );
    expect(levelText(t('en'), 'en-GB', resolution)).toBe(
      'Oplostijd incidenten ≤ 8 working hours for 95% per month',
    );
  });

  it('says a price model as its arithmetic in Dutch money', () => {
    const nlT = t('nl');
    expect(priceText(nlT, 'nl-NL', stored.services[0]!.price).replace(/\s/g, ' ')).toBe(
      '€ 40.000,00 + € 150,50 per werkplek × 12,5',
    );
    expect(priceText(nlT, 'nl-NL', { model: 'fixed', yearlyCents: 2_400_000 }).replace(/\s/g, ' ')).toBe(
      '€ 24.000,00 per jaar',
    );
    expect(
      priceText(nlT, 'nl-NL', { model: 'perUnit', unit: 'licence', unitPriceCents: 12_000 }).replace(
        /\s/g,
        ' ',
      ),
    ).toBe('€ 120,00 per licentie');
    expect(catalogueText(nlT, 'nl-NL', stored.services).replace(/\s/g, ' ')).toBe(
      'Basispakket (€ 40.000,00 + € 150,50 per werkplek × 12,5, Beschikbaarheid ≥ 99,5% per maand)',
    );
    expect(catalogueText(nlT, 'nl-NL', [{ odd: true }])).toBe('[{"odd":true}]');
  });
});
