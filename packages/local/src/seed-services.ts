import type { AgreementCreateInput, ServiceInput } from '@regie/core';

/**
 * The service catalogues of the seeded service agreements (issue 16 point 1, SPEC §3.4), with fixed ids so the
 * seed stays deterministic and later parts (take-up, service-level reports) can name them.
 *
 * - RNV-ICT-01, the region's ICT agreement with the joint body: a basis package every member takes (a base amount
 *   plus a price per workstation) and two plus modules (per user licence; a fixed amount a year).
 *   € 40.000 + 500 × € 150 + 150 × € 120 + € 24.000 = € 157.000 a year.
 * - ERM-DVO-2026-01, Ermelo's DVO with Wijkracht: two services with the levels of the issue (availability ≥ 99,5%
 *   per month; incidents resolved within 8 working hours for 95%), € 18.000 + 40 × € 1.950 = € 96.000 a year,
 *   its value ceiling.
 *
 * They are part of the terms the agreements are created with (`withServices`), so their versions, approvals and
 * the DVO's document out for signature are exactly those of the seed without them.
 */
export const SEED_SERVICES: Record<string, (ServiceInput & { id: string })[]> = {
  'rnv-ict-01': [
    {
      id: 'svc-ict-basis',
      name: 'Basispakket',
      description: 'Werkplekken, netwerk, servicedesk en de basisapplicaties van het sociaal domein.',
      levels: [
        {
          id: 'sl-ict-basis-beschikbaarheid',
          measure: 'Beschikbaarheid',
          unit: 'percent',
          target: 99.5,
          direction: 'at_least',
          period: 'month',
        },
        {
          id: 'sl-ict-basis-oplostijd',
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
        baseYearlyCents: 4_000_000,
        unit: 'workstation',
        unitPriceCents: 15_000,
        quantity: 500,
      },
    },
    {
      id: 'svc-ict-zaak',
      name: 'Plusmodule Zaakgericht werken',
      description: 'Zaaksysteem voor Jeugd, Wmo en Participatie, per gebruikerslicentie.',
      levels: [
        {
          id: 'sl-ict-zaak-beschikbaarheid',
          measure: 'Beschikbaarheid zaaksysteem',
          unit: 'percent',
          target: 99,
          direction: 'at_least',
          period: 'month',
        },
      ],
      price: { model: 'perUnit', unit: 'licence', unitPriceCents: 12_000, quantity: 150 },
    },
    {
      id: 'svc-ict-ibp',
      name: 'Plusmodule Informatiebeveiliging',
      description: 'Security officer, kwetsbaarhedenscans en melding van beveiligingsincidenten.',
      levels: [
        {
          id: 'sl-ict-ibp-melding',
          measure: 'Melding beveiligingsincident',
          unit: 'hours',
          target: 4,
          direction: 'at_most',
          share: 100,
          period: 'quarter',
        },
      ],
      price: { model: 'fixed', yearlyCents: 2_400_000 },
    },
  ],
  'erm-dvo-2026': [
    {
      id: 'svc-dvo-portaal',
      name: 'Online aanmelden en budgetbeheer',
      description: 'Het aanmeldportaal voor schuldhulp en het budgetbeheer van inwoners.',
      levels: [
        {
          id: 'sl-dvo-portaal-beschikbaarheid',
          measure: 'Beschikbaarheid aanmeldportaal',
          unit: 'percent',
          target: 99.5,
          direction: 'at_least',
          period: 'month',
        },
      ],
      price: { model: 'fixed', yearlyCents: 1_800_000 },
    },
    {
      id: 'svc-dvo-trajecten',
      name: 'Schuldhulptrajecten',
      description: 'Begeleiding van inwoners met problematische schulden, per traject.',
      levels: [
        {
          id: 'sl-dvo-trajecten-oplostijd',
          measure: 'Oplostijd incidenten',
          unit: 'working_hours',
          target: 8,
          direction: 'at_most',
          share: 95,
          period: 'month',
        },
      ],
      price: { model: 'perUnit', unit: 'case', unitPriceCents: 195_000, quantity: 40 },
    },
  ],
};

/** A seeded agreement with its catalogue in the terms it is created with (the others unchanged). */
export function withServices<A extends { id: string; input: AgreementCreateInput }>(a: A): A {
  const services = SEED_SERVICES[a.id];
  return services ? { ...a, input: { ...a.input, services } } : a;
}
