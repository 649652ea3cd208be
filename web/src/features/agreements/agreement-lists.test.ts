import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  agreementCreateInput,
  DOMAINS,
  EVENT_DUTIES,
  EXECUTION_VARIANTS,
  FREQUENCIES,
  KPI_DIRECTIONS,
  PARTY_ROLES,
  REPORT_FREQUENCIES,
  SERVICE_LEVEL_DIRECTIONS,
  SERVICE_LEVEL_PERIODS,
  SERVICE_LEVEL_UNITS,
  SERVICE_PRICE_MODELS,
  SERVICE_PRICE_UNITS,
  UNITS,
} from '@regie/core/browser';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { enServices, nlServices } from '../../i18n/services';
import { MAX_ROWS } from './agreement-values';

/** Every value of core's closed lists that the agreement pages show has a label in both languages. */
describe('labels for core’s lists', () => {
  type M = typeof nl & { services: typeof nlServices };
  const lists: [string, readonly string[], (m: M) => Record<string, unknown>][] = [
    ['kinds', AGREEMENT_KINDS, (m) => m.kinds],
    ['statuses', AGREEMENT_STATUSES, (m) => m.statuses],
    ['domains', DOMAINS, (m) => m.domains],
    ['variants', EXECUTION_VARIANTS, (m) => m.variants],
    ['units', UNITS, (m) => m.units],
    ['frequencies', FREQUENCIES, (m) => m.frequencies],
    ['partyRoles', PARTY_ROLES, (m) => m.partyRoles],
    ['reportingFrequencies', REPORT_FREQUENCIES, (m) => m.steering.reportingFrequencies],
    ['event duties', EVENT_DUTIES, (m) => m.steering.duties],
    ['KPI directions', KPI_DIRECTIONS, (m) => m.kpis.directions],
    ['service level units', SERVICE_LEVEL_UNITS, (m) => m.services.units],
    ['service level directions', SERVICE_LEVEL_DIRECTIONS, (m) => m.services.directions],
    ['service level periods', SERVICE_LEVEL_PERIODS, (m) => m.services.periods],
    ['price models', SERVICE_PRICE_MODELS, (m) => m.services.models],
    ['price units', SERVICE_PRICE_UNITS, (m) => m.services.priceUnits],
  ];

  it.each(lists)('%s', (_name, values, labels) => {
    for (const messages of [
      { ...nl, services: nlServices },
      { ...(en as unknown as typeof nl), services: enServices },
    ]) {
      const missing = values.filter((value) => typeof labels(messages)[value] !== 'string');
      expect(missing).toEqual([]);
    }
  });
});

describe('the add buttons stop where core’s schema stops', () => {
  const base = {
    kind: 'contract',
    reference: 'ERM-MAX',
    title: 'Maxima',
    domain: 'youth',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
  };
  const rows = {
    parties: (i: number) => ({ organisationId: `org-${i}`, role: 'contractor' }),
    productLines: (i: number) => ({
      category: '45',
      productCode: `P${i}`,
      variant: 'task',
      lumpSumCents: 100,
    }),
    duties: () => ({ kind: 'periodic', title: 'Rapportage', frequency: 'yearly', dueDays: 30 }),
    kpis: () => ({ name: 'Wachttijd', unit: 'weken', target: 6, direction: 'lower', frequency: 'yearly' }),
    services: (i: number) => ({
      name: `Dienst ${i}`,
      levels: [],
      price: { model: 'fixed', yearlyCents: 100 },
    }),
  };
  const level = {
    measure: 'Beschikbaarheid',
    unit: 'percent',
    target: 99,
    direction: 'at_least',
    period: 'month',
  };

  it.each(Object.keys(MAX_ROWS) as (keyof typeof MAX_ROWS)[])('%s', (list) => {
    const make = (n: number) =>
      list === 'levels'
        ? { ...base, services: [{ ...rows.services(0), levels: Array.from({ length: n }, () => level) }] }
        : { ...base, [list]: Array.from({ length: n }, (_, i) => rows[list](i)) };
    expect(agreementCreateInput.safeParse(make(MAX_ROWS[list])).success).toBe(true);
    expect(agreementCreateInput.safeParse(make(MAX_ROWS[list] + 1)).success).toBe(false);
  });
});
