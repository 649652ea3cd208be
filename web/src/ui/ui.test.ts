import i18n from 'i18next';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { nl } from '../i18n/nl';
import { Chart } from './Chart';
import { cellClass, DataTable } from './DataTable';
import { Definition, DefinitionList, isBlank } from './DefinitionList';
import { dialogStep } from './Dialog';
import { Fieldset, fieldsetClass } from './Fieldset';
import { LoadStatus } from './LoadStatus';
import { MemberFormHead } from './MemberFormHead';
import { listState, QueryState } from './QueryState';
import { RemoveRowButton } from './RemoveRowButton';
import { StatusLine } from './StatusLine';
import { TableCell, TableFrame, TableHeaderCell, TableRow } from './TableFrame';

// The kit rendered to HTML in Node (no DOM needed): what a screen reader and the e2e tests read.
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    resources: { nl: { translation: nl } },
    lng: 'nl',
    initAsync: false,
    react: { useSuspense: false },
  });
});

const query = (state: 'pending' | 'error' | 'success') => ({
  isPending: state === 'pending',
  isError: state === 'error',
  isSuccess: state === 'success',
  refetch: () => undefined,
});

describe('StatusLine', () => {
  it('is one polite status region, empty when there is nothing to say', () => {
    expect(renderToStaticMarkup(h(StatusLine, null, 'Budget laden…'))).toBe(
      '<div role="status" aria-live="polite" class="regie-status">Budget laden…</div>',
    );
    expect(renderToStaticMarkup(h(StatusLine, null, null))).toBe(
      '<div role="status" aria-live="polite" class="regie-status"></div>',
    );
    expect(renderToStaticMarkup(h(StatusLine, { testId: 'inbox-status' }, '3 ongelezen'))).toContain(
      'data-testid="inbox-status">3 ongelezen</div>',
    );
    expect(renderToStaticMarkup(h(StatusLine, { hidden: true }, 'Opgeslagen'))).toContain(
      'class="regie-visually-hidden"',
    );
  });
});

describe('list states', () => {
  it('tells loading, failure, empty and rows apart (a failure wins over a stale pending)', () => {
    expect(listState(query('pending'), 0)).toBe('loading');
    expect(listState(query('error'), 0)).toBe('error');
    expect(listState({ isPending: true, isError: true, isSuccess: false }, 0)).toBe('error');
    expect(listState(query('success'), 0)).toBe('empty');
    expect(listState(query('success'), 3)).toBe('rows');
  });

  it('says loading in the status line, the error with a retry, and the empty text', () => {
    const props = { count: 0, loading: 'Signalen laden…', error: 'Mislukt.', empty: 'Geen signalen.' };
    const loading = renderToStaticMarkup(h(QueryState, { ...props, query: query('pending') }));
    expect(loading).toContain('role="status" aria-live="polite" class="regie-status">Signalen laden…</div>');
    expect(loading).not.toContain('Geen signalen.');
    const failed = renderToStaticMarkup(h(QueryState, { ...props, query: query('error') }));
    expect(failed).toContain('Mislukt.');
    expect(failed).toContain('Opnieuw proberen');
    const empty = renderToStaticMarkup(h(QueryState, { ...props, query: query('success') }));
    expect(empty).toContain('<p class="utrecht-paragraph regie-empty">Geen signalen.</p>');
    const some = renderToStaticMarkup(
      h(QueryState, { ...props, count: 2, status: '2 signalen', query: query('success') }),
    );
    expect(some).toContain('class="regie-status">2 signalen</div>');
    expect(some).not.toContain('Geen signalen.');
  });
});

describe('DataTable', () => {
  const columns = [
    { key: 'ref', header: 'Kenmerk', cell: (r: { ref: string; cents: number }) => r.ref, rowHeader: true },
    { key: 'amount', header: 'Bedrag', cell: (r: { cents: number }) => String(r.cents), numeric: true },
    { key: 'act', header: 'Actie', cell: () => 'Wijzig', hiddenHeader: true },
  ];

  it('gives numeric columns their alignment and plain ones nothing', () => {
    expect(cellClass({ numeric: true }, true)).toBe('utrecht-table__header-cell--numeric-column');
    expect(cellClass({ numeric: true }, false)).toContain('utrecht-table__cell--numeric-data');
    expect(cellClass({ nowrap: true }, false)).toBe('regie-nowrap');
    expect(cellClass({ nowrap: true }, true)).toBeUndefined();
    expect(cellClass({}, false)).toBeUndefined();
  });

  it('renders a captioned table with row headers, and nothing but its states without rows', () => {
    const html = renderToStaticMarkup(
      h(DataTable<{ ref: string; cents: number }>, {
        caption: 'Signalen van Utrecht',
        columns,
        rows: [{ ref: 'OV-1', cents: 5 }],
        rowKey: (r) => r.ref,
        rowTestId: (r) => `row-${r.ref}`,
        testId: 'signals-table',
      }),
    );
    expect(html).toContain('data-testid="signals-table"');
    expect(html).toMatch(/<caption[^>]*class="[^"]*regie-visually-hidden[^"]*"[^>]*>Signalen van Utrecht/);
    expect(html).toMatch(/<th[^>]*scope="row"[^>]*>OV-1<\/th>/);
    expect(html).toContain('data-testid="row-OV-1"');
    expect(html).toContain('<span class="regie-visually-hidden">Actie</span>');
    const none = renderToStaticMarkup(
      h(DataTable<{ ref: string; cents: number }>, {
        caption: 'x',
        columns,
        rows: [],
        rowKey: (r) => r.ref,
        state: { query: query('success'), loading: 'Laden…', error: 'Mislukt.', empty: 'Niets.' },
      }),
    );
    expect(none).not.toContain('<table');
    expect(none).toContain('Niets.');
  });
});

describe('TableFrame', () => {
  const table = (captionVisible: boolean) =>
    renderToStaticMarkup(
      h(
        TableFrame,
        {
          caption: 'Partijen',
          captionVisible,
          testId: 'parties',
          head: h(TableHeaderCell, { scope: 'col' }, 'Naam'),
        },
        h(TableRow, null, h(TableCell, null, 'Kompas')),
      ),
    );

  it('frames a scrolling table with its caption, one header row and the rows', () => {
    const html = table(false);
    expect(html).toMatch(/^<div class="regie-table-scroll"><table [^>]*data-testid="parties"/);
    expect(html).toMatch(/<caption class="[^"]*regie-visually-hidden[^"]*">Partijen<\/caption>/);
    expect(html).toMatch(/<thead[^>]*><tr[^>]*><th[^>]*scope="col"[^>]*>Naam<\/th><\/tr><\/thead>/);
    expect(html).toMatch(/<tbody[^>]*><tr[^>]*><td[^>]*>Kompas<\/td><\/tr><\/tbody><\/table><\/div>$/);
    expect(table(true)).toMatch(/<caption class="[^"]*regie-table__caption[^"]*">Partijen<\/caption>/);
  });
});

describe('LoadStatus', () => {
  const status = (isPending: boolean, isError: boolean) =>
    renderToStaticMarkup(
      h(LoadStatus, { query: { isPending, isError }, loading: 'Laden…', error: 'Mislukt.' }),
    );

  it('says loading while pending, the error when failed, and keeps an empty status line otherwise', () => {
    expect(status(true, false)).toBe(
      '<div role="status" aria-live="polite" class="regie-status">Laden…</div>',
    );
    expect(status(false, true)).toContain('Mislukt.');
    expect(status(false, true)).not.toContain('Laden…');
    expect(status(false, false)).toBe('<div role="status" aria-live="polite" class="regie-status"></div>');
  });
});

describe('MemberFormHead', () => {
  const head = (errors: Record<string, string>, summary: string | null) =>
    renderToStaticMarkup(
      h(MemberFormHead, {
        prefix: 'usage-form',
        title: 'Gebruik vastleggen',
        errorTitle: 'Er is iets niet goed',
        memberLabel: 'Gemeente',
        failed: { summary, summaryRef: { current: null } },
        errors,
        members: [
          { member: 'GM0233', name: 'Ermelo' },
          { member: 'GM0243', name: 'Harderwijk' },
        ],
        member: 'GM0243',
        onMember: () => undefined,
      }),
    );

  it('labels the form by its heading and offers the members, the chosen one selected', () => {
    const html = head({}, null);
    expect(html).toMatch(/^<h3 class="regie-subheading" id="usage-form-heading">Gebruik vastleggen<\/h3>/);
    expect(html).not.toContain('regie-error-summary');
    expect(html).toMatch(/<label[^>]*for="usage-form-member"[^>]*>Gemeente<\/label>/);
    expect(html).toMatch(/<option value="GM0233"[^>]*>Ermelo<\/option>/);
    expect(html).toMatch(/<option value="GM0243"[^>]*selected=""[^>]*>Harderwijk<\/option>/);
    expect(html).not.toMatch(/<option value="GM0233"[^>]*selected/);
  });

  it("sums up the server's refusal and the fields' errors, each linked to its field", () => {
    const html = head({ 'usage-form-period': 'Kies een maand.' }, 'Geen rechten.');
    expect(html).toContain('regie-error-summary');
    expect(html).toContain('Geen rechten.');
    expect(html).toMatch(/href="#usage-form-period"[^>]*>Kies een maand\.</);
  });
});

describe('DefinitionList', () => {
  it('pairs keys and values, saying the empty text for a blank value', () => {
    expect(isBlank('')).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(0)).toBe(false);
    const html = renderToStaticMarkup(
      h(
        DefinitionList,
        { testId: 'totals' },
        h(Definition, { label: 'Plafond', testId: 'ceiling' }, '€ 10'),
        h(Definition, { label: 'Toelichting', empty: 'niet opgegeven' }, ''),
      ),
    );
    expect(html).toMatch(/^<dl data-testid="totals" class="[^"]*regie-data-list"/);
    expect(html).toMatch(/<dt[^>]*>Plafond<\/dt>/);
    expect(html).toContain('data-testid="ceiling"');
    expect(html).toContain('<em>niet opgegeven</em>');
  });
});

describe('Fieldset', () => {
  it('ties its hint and error to the group', () => {
    expect(fieldsetClass()).toBe('regie-fieldset');
    expect(fieldsetClass('Kies er een', 'regie-fieldset--step')).toBe(
      'regie-fieldset regie-fieldset--invalid regie-fieldset--step',
    );
    const html = renderToStaticMarkup(
      h(Fieldset, { id: 'duty', legend: 'Plicht', hint: 'Welke', error: 'Kies er een' }, 'velden'),
    );
    expect(html).toContain('aria-describedby="duty-hint duty-error"');
    expect(html).toContain('<legend class="regie-fieldset__legend">Plicht</legend>');
    expect(html).toContain('<p id="duty-error" class="utrecht-form-field-error-message">Kies er een</p>');
    expect(renderToStaticMarkup(h(Fieldset, { id: 'x', legend: 'L' }, null))).not.toContain(
      'aria-describedby',
    );
  });
});

describe('Chart', () => {
  it('is one labelled image with a legend and its numbers as a table behind a summary', () => {
    const html = renderToStaticMarkup(
      h(
        Chart,
        {
          label: 'Besteding 2026: 40% van het plafond',
          width: 400,
          height: 200,
          testId: 'burn-down',
          legend: [{ variant: 'spent', text: 'Besteed' }],
          alternativeSummary: 'De grafiek als tabel',
          alternative: h('table', null),
        },
        h('line', null),
      ),
    );
    expect(html).toContain('role="img" aria-label="Besteding 2026: 40% van het plafond"');
    expect(html).toContain('viewBox="0 0 400 200"');
    expect(html).toMatch(/<li><svg[^>]*aria-hidden="true"[^>]*>.*<\/svg> Besteed<\/li>/);
    expect(html).toContain('<details class="regie-chart__table"><summary>De grafiek als tabel</summary>');
    const plain = renderToStaticMarkup(
      h(Chart, { label: 'x', width: 1, height: 1, alternative: h('ul', null) }, null),
    );
    expect(plain).not.toContain('<details');
    expect(plain).toContain('<ul></ul>');
  });
});

describe('ConfirmDialog', () => {
  it('opens and closes the native dialog only when the wish and the state differ', () => {
    expect(dialogStep(true, false)).toBe('show');
    expect(dialogStep(false, true)).toBe('close');
    expect(dialogStep(true, true)).toBeNull();
    expect(dialogStep(false, false)).toBeNull();
  });
});

describe('RemoveRowButton', () => {
  it('says "Verwijderen" and, for screen readers, which row it removes', () => {
    const html = renderToStaticMarkup(h(RemoveRowButton, { row: 'Partij 2', onClick: () => undefined }));
    expect(html).toContain('Verwijderen<span class="regie-visually-hidden"> Partij 2</span>');
    expect(html).toContain('regie-row-remove');
    expect(html).not.toContain('disabled');
    expect(
      renderToStaticMarkup(h(RemoveRowButton, { row: 'Stap 1', disabled: true, onClick: () => undefined })),
    ).toContain('disabled');
  });
});
