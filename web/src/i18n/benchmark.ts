import i18n from './index';

/**
 * Texts of the regional benchmark (`/regions/:space/benchmark`) and its opt-in (issue 15 point 4). Not in nl.ts/en.ts:
 * the lazy modules that use them import this file, which adds them to i18next (`addBenchmarkTexts`), so they stay out
 * of the first load's JavaScript budget.
 */
export const nlBenchmark = {
  title: 'Regionale benchmark',
  titleOf: 'Regionale benchmark {{region}}',
  link: 'Regionale benchmark van {{region}}',
  back: "Terug naar regio's",
  intro:
    'Per productcode en aanbieder: het tarief van elke gemeente die deelt (laagste, mediaan, hoogste), volume per 1.000 inwoners, uitgaven per inwoner en KPI-resultaten.',
  formula:
    'Volume per 1.000 inwoners = volume × 1.000 ÷ inwoners (1 decimaal); uitgaven per inwoner = uitgaven ÷ inwoners (op de cent); realisaties van het jaar tot en met de peilmaand.',
  asOf: 'Stand per {{date}}, berekend door de dagelijkse taak.',
  notComputed: 'Nog niet berekend.',
  inhabitants: 'Inwoners: {{source}}, peildatum {{date}} (verdeelsleutel van {{reference}}).',
  noInhabitants: 'Geen verdeelsleutel naar inwoners.',
  participants: 'Cijfers van: {{list}}.',
  loading: 'Benchmark laden…',
  error: 'De benchmark kon niet worden geladen.',
  notOptedIn:
    'Uw gemeente deelt geen cijfers met deze regio en ziet die van anderen dus niet (aan te zetten bij Beheer).',
  empty: 'Nog geen gedeelde tarieven.',
  outside: 'Niet gevonden.',
  product: 'Productcode {{code}}',
  provider: 'Aanbieder: {{name}} (KvK {{kvk}})',
  spread: 'Tarief: laagste {{min}}, mediaan {{median}}, hoogste {{max}}.',
  caption: '{{code}} bij {{provider}}: per gemeente',
  participant: 'Deelnemer',
  tariff: 'Tarief',
  volume: 'Gerealiseerd volume',
  perThousand: 'Volume per 1.000 inwoners',
  perInhabitant: 'Uitgaven per inwoner',
  kpis: 'KPI-resultaten',
  noKpis: 'geen',
  kpi: '{{name}}: {{value}} {{unit}} ({{period}}, {{verdict}})',
  onTarget: 'op norm',
  offTarget: 'niet op norm',
  chartLabel: 'Tarief {{code}} bij {{provider}}: van {{min}} tot {{max}}, mediaan {{median}}.',
  chartSummary: 'De grafiek als lijst',
  none: '—',
  optIn: {
    title: 'Regionale benchmark',
    intro:
      'Deel uw tarieven, volume, uitgaven en KPI-resultaten per productcode en aanbieder met uw regio’s en zie die van andere gemeenten die delen. Wie niet deelt, ziet niets; uitzetten haalt uw cijfers direct weg.',
    label: 'Cijfers delen met de regio voor de benchmark',
    regions: "Regio's: {{list}}.",
    noRegions: 'Geen regio.',
    on: 'Uw gemeente deelt cijfers.',
    off: 'Uw gemeente deelt geen cijfers.',
    submit: 'Deelname opslaan',
    savedOn: 'Opgeslagen: delen staat aan.',
    savedOff: 'Opgeslagen: delen staat uit.',
  },
};

export const enBenchmark: typeof nlBenchmark = {
  title: 'Regional benchmark',
  titleOf: 'Regional benchmark {{region}}',
  link: 'Regional benchmark of {{region}}',
  back: 'Back to regions',
  intro:
    'Per product code and provider: the tariff of each municipality that shares (lowest, median, highest), volume per 1,000 inhabitants, spend per inhabitant and KPI results.',
  formula:
    'Volume per 1,000 inhabitants = volume × 1,000 ÷ inhabitants (1 decimal); spend per inhabitant = spend ÷ inhabitants (to the cent); realisations of the year up to the as-of month.',
  asOf: 'As of {{date}}, computed by the daily job.',
  notComputed: 'Not computed yet.',
  inhabitants: 'Inhabitants: {{source}}, reference date {{date}} (allocation key of {{reference}}).',
  noInhabitants: 'No per-inhabitant allocation key.',
  participants: 'Figures of: {{list}}.',
  loading: 'Loading the benchmark…',
  error: 'The benchmark could not be loaded.',
  notOptedIn:
    'Your municipality does not share figures with this region, so it sees none of others (turn on under Beheer).',
  empty: 'No shared tariffs yet.',
  outside: 'Not found.',
  product: 'Product code {{code}}',
  provider: 'Provider: {{name}} (KvK {{kvk}})',
  spread: 'Tariff: lowest {{min}}, median {{median}}, highest {{max}}.',
  caption: '{{code}} with {{provider}}: per municipality',
  participant: 'Participant',
  tariff: 'Tariff',
  volume: 'Realised volume',
  perThousand: 'Volume per 1,000 inhabitants',
  perInhabitant: 'Spend per inhabitant',
  kpis: 'KPI results',
  noKpis: 'none',
  kpi: '{{name}}: {{value}} {{unit}} ({{period}}, {{verdict}})',
  onTarget: 'on target',
  offTarget: 'off target',
  chartLabel: 'Tariff {{code}} with {{provider}}: from {{min}} to {{max}}, median {{median}}.',
  chartSummary: 'The chart as a list',
  none: '—',
  optIn: {
    title: 'Regional benchmark',
    intro:
      'Share your tariffs, volume, spend and KPI results per product code and provider with your regions and see those of other municipalities that share. Who does not share sees nothing; turning it off removes your figures at once.',
    label: 'Share figures with the region for the benchmark',
    regions: 'Regions: {{list}}.',
    noRegions: 'No region.',
    on: 'Your municipality shares figures.',
    off: 'Your municipality does not share figures.',
    submit: 'Save sharing choice',
    savedOn: 'Saved: sharing is on.',
    savedOff: 'Saved: sharing is off.',
  },
};

/** Adds the benchmark's texts to both languages (idempotent); called when a module that shows them loads. */
export function addBenchmarkTexts(): void {
  if (i18n.hasResourceBundle('nl', 'translation') && i18n.exists('benchmark.title')) return;
  i18n.addResourceBundle('nl', 'translation', { benchmark: nlBenchmark }, true, true);
  i18n.addResourceBundle('en', 'translation', { benchmark: enBenchmark }, true, true);
}
