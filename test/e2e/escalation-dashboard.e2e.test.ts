import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * The escalation ladder and the steering dashboard in the browser, in Dutch (issue 4, points 6 and 7): the
 * contract manager opens an escalation on ERM-2025-JH01 and takes it up two levels (contractmanager →
 * regisseur → directie), seeing each step and the level; the dashboard under Sturing lists it as open at
 * "directie"; the provider's signer sees every step in its party view and responds, and the contract manager
 * resolves it (the side that opened it closes it). Then the KPIs (point 5): the same figures for both sides, a
 * value recorded and a comment placed; the dialogue log with both scores; and the mandate threshold on Beheer. Axe (WCAG 2.1 A/AA) on the agreement page, on Sturing and on Beheer. The tests run in order and build on each other, like one session.
 */
describe('escalation ladder and steering dashboard in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const subject = `Wachttijden lopen op (${Date.now().toString(36)})`;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const logIn = (user: string) => session.logIn(user);

  const expectAccessible = (name: string) => session.expectAccessible(name);

  const section = (name: string) => session.section(name);
  const nav = (name: string) => session.nav(name);
  const escalation = () => section('Escalaties').getByRole('article', { name: subject, exact: true });
  const current = async () =>
    /(\S+) \(\d+ werkdagen\) — huidig niveau/.exec(
      await escalation().locator('li[aria-current="step"]').innerText(),
    )?.[1];

  it('lets ermelo.contractmanager open an escalation on ERM-2025-JH01 and take it up two levels', async () => {
    await logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    const escalations = section('Escalaties');
    // The seeded escalation raised by the provider is there, at "regisseur".
    await escalations.getByRole('article').first().waitFor();

    // Nothing filled in: the error summary names both fields.
    await escalations.getByRole('button', { name: 'Escalatie openen', exact: true }).click();
    await escalations.getByRole('link', { name: 'Vul een onderwerp in.' }).waitFor();
    await escalations.getByRole('link', { name: 'Vul een toelichting in.' }).waitFor();

    const form = escalations.getByRole('form', { name: 'Escalatie openen' });
    await form.getByLabel('Onderwerp').fill(subject);
    await form
      .getByLabel('Toelichting', { exact: true })
      .fill('De wachttijd is twee kwartalen boven de norm.');
    await form.getByRole('button', { name: 'Escalatie openen', exact: true }).click();
    await escalations
      .getByTestId('escalation-outcome')
      .getByText(`De escalatie “${subject}” is geopend op niveau contractmanager.`)
      .waitFor();
    await escalation().waitFor();
    expect(await current()).toBe('contractmanager');
    // Who opened it is shown by name, not by user key.
    expect(await escalation().innerText()).toContain('Karim Contractmanager');
    expect(await escalation().innerText()).not.toContain('ermelo.contractmanager');
    expect(await escalation().innerText()).toMatch(/Status\s+open/);
    expect(await escalation().innerText()).toMatch(/Termijn\s+\d{1,2} \S+ \d{4}/);
    await expectAccessible('agreement with escalations');

    // A step needs a note.
    await escalation().getByRole('button', { name: 'Opschalen naar regisseur' }).click();
    await escalation().getByRole('link', { name: 'Vul een toelichting bij de stap in.' }).waitFor();

    await escalation().getByLabel('Toelichting bij de stap').fill('Geen verbetering na overleg.');
    await escalation().getByRole('button', { name: 'Opschalen naar regisseur' }).click();
    await escalations
      .getByTestId('escalation-outcome')
      .getByText(`De escalatie “${subject}” is opgeschaald naar regisseur.`)
      .waitFor();
    await escalation().getByRole('button', { name: 'Opschalen naar directie' }).waitFor();
    expect(await current()).toBe('regisseur');

    await escalation()
      .getByLabel('Toelichting bij de stap')
      .fill('Regisseur vraagt besluit van de directie.');
    await escalation().getByRole('button', { name: 'Opschalen naar directie' }).click();
    await escalations
      .getByTestId('escalation-outcome')
      .getByText(`De escalatie “${subject}” is opgeschaald naar directie.`)
      .waitFor();
    await escalation().getByRole('button', { name: 'Opschalen naar portefeuillehouder' }).waitFor();
    expect(await current()).toBe('directie');

    const steps = await escalation().getByRole('table').locator('tbody tr').allInnerTexts();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(
      /geopend\s+contractmanager\s+Karim Contractmanager\s+gemeente\s+.+\s+De wachttijd/,
    );
    expect(steps[1]).toMatch(
      /opgeschaald\s+regisseur\s+Karim Contractmanager\s+gemeente\s+.+\s+Geen verbetering/,
    );
    expect(steps[2]).toMatch(
      /opgeschaald\s+directie\s+Karim Contractmanager\s+gemeente\s+.+\s+Regisseur vraagt/,
    );
  });

  it('lists the escalation on the steering dashboard as open at "directie", linked to its agreement', async () => {
    await nav('Sturing').click();
    await page.getByRole('heading', { level: 1, name: 'Sturing' }).waitFor();
    const dashboard = section('Stuurdashboard');
    const tile = dashboard.getByTestId('dashboard-GM0233-escalations');
    const row = tile.getByRole('listitem').filter({ hasText: subject });
    await row.waitFor();
    expect(await row.innerText()).toContain(`“${subject}” op niveau directie`);
    expect(await tile.getByRole('heading').innerText()).toMatch(/^Open escalaties \(\d+\)$/);
    // The other panels are there, each with its count.
    for (const name of ['Relatietypen', 'Te late informatieplichten', 'Plafonds in gevaar', 'Rolconflicten'])
      await dashboard
        .getByTestId('dashboard-GM0233')
        .getByRole('heading', { name: new RegExp(`^${name} \\(\\d+\\)$`) })
        .waitFor();
    await dashboard
      .getByTestId('dashboard-GM0233-relations')
      .getByRole('img', { name: /^Overeenkomsten per relatietype/ })
      .waitFor();
    await expectAccessible('steering dashboard');

    await row.getByRole('link', { name: 'ERM-2025-JH01' }).click();
    await escalation().waitFor();
    expect(await current()).toBe('directie');
  });

  it('shows kompas.signer every step in its party view; it responds, and the contract manager resolves', async () => {
    await logIn('kompas.signer');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    await escalation().waitFor();
    expect(await current()).toBe('directie');
    const steps = await escalation().getByRole('table').locator('tbody tr').allInnerTexts();
    expect(steps).toHaveLength(3);
    expect(steps.map((s) => s.split(/\s+/)[0])).toEqual(['geopend', 'opgeschaald', 'opgeschaald']);
    await expectAccessible('party view with escalations');

    // The municipality opened it: the provider responds (or escalates); it does not close it.
    expect(await escalation().getByRole('button', { name: 'Afhandelen' }).count()).toBe(0);
    await escalation()
      .getByLabel('Toelichting bij de stap')
      .fill('Extra capaciteit ingezet; wachttijd daalt.');
    await escalation().getByRole('button', { name: 'Reageren' }).click();
    await section('Escalaties')
      .getByTestId('escalation-outcome')
      .getByText(`Uw reactie op “${subject}” is vastgelegd.`)
      .waitFor();
    await escalation().getByText('gereageerd', { exact: true }).waitFor();
    const answered = await escalation().getByRole('table').locator('tbody tr').allInnerTexts();
    expect(answered[3]).toMatch(
      /gereageerd\s+directie\s+Kees Ondertekenaar\s+aanbieder\s+.+\s+Extra capaciteit/,
    );
    expect(await escalation().innerText()).toMatch(/Status\s+open/);

    await logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    await escalation().waitFor();
    await escalation().getByLabel('Toelichting bij de stap').fill('Afgesproken: maandelijks volgen.');
    await escalation().getByRole('button', { name: 'Afhandelen' }).click();
    await section('Escalaties')
      .getByTestId('escalation-outcome')
      .getByText(`De escalatie “${subject}” is afgehandeld.`)
      .waitFor();
    await escalation().getByText('afgehandeld', { exact: true }).first().waitFor();
    expect(await escalation().innerText()).toMatch(/Status\s+afgehandeld/);
    const after = await escalation().getByRole('table').locator('tbody tr').allInnerTexts();
    expect(after[4]).toMatch(/afgehandeld\s+directie\s+Karim Contractmanager\s+gemeente\s+.+\s+Afgesproken/);
    expect(await escalation().getByRole('button', { name: 'Afhandelen' }).count()).toBe(0);
  });
  it('shows the KPIs with target, chart and comments, and lets the contract manager record a value', async () => {
    await logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    const kpi = section('Prestatie-indicatoren').getByTestId('kpi-kpi-wachttijd');
    await kpi.waitFor();
    expect(await kpi.innerText()).toMatch(/Doel\s+6 weken \(lager is beter\)/);
    expect(await kpi.innerText()).toMatch(/Frequentie\s+per kwartaal/);
    await kpi.getByRole('img', { name: /^Gemiddelde wachttijd tot start hulp over \d+ perioden/ }).waitFor();
    const q2 = kpi.getByTestId('kpi-result-kpi-wachttijd-2026-Q2');
    expect(await q2.innerText()).toMatch(/2e kwartaal 2026\s+7,5 weken\s+nee, niet op doel/);
    expect(await q2.innerText()).toMatch(/gemeente \(.+\): .+/);
    expect(await q2.innerText()).toMatch(/aanbieder \(.+\): .+/);

    await kpi.getByLabel('Periode', { exact: true }).fill('2026-Q3');
    await kpi.getByLabel('Waarde in weken').fill('5,5');
    await kpi.getByRole('button', { name: 'Waarde vastleggen' }).click();
    await section('Prestatie-indicatoren')
      .getByTestId('kpi-outcome')
      .getByText('De waarde 5,5 weken over 3e kwartaal 2026 is vastgelegd.')
      .waitFor();
    const q3 = kpi.getByTestId('kpi-result-kpi-wachttijd-2026-Q3');
    await q3.waitFor();
    expect(await q3.innerText()).toMatch(/3e kwartaal 2026\s+5,5 weken\s+ja, op doel/);

    await kpi.getByLabel('Over periode').selectOption('2026-Q3');
    await kpi.getByLabel('Opmerking', { exact: true }).fill('Mooi, de wachttijd zit onder de norm.');
    await kpi.getByRole('button', { name: 'Opmerking plaatsen' }).click();
    await q3
      .getByText(/^gemeente \(Karim Contractmanager, .+\): Mooi, de wachttijd zit onder de norm\.$/)
      .waitFor();
  });

  /** Answers the four collaboration questions (issue 14 point 5) inside a form: one radio per question. */
  const answerAll = async (form: ReturnType<Page['getByRole']>, value: string) => {
    const group = form.getByRole('group', { name: 'De samenwerking (1 tot 5)' });
    for (const question of ['Openheid', 'Nakomen van afspraken', 'Tijdige informatie', 'Wederzijds begrip']) {
      await group.getByRole('group', { name: question }).getByLabel(value, { exact: true }).check();
    }
  };

  it('records a meeting with the four answers, kompas.signer answers its side, the trend shows both', async () => {
    const dialogue = section('Overleg en evaluatie');
    const seeded = dialogue.getByRole('article', { name: 'Overleg van 8 oktober 2026' });
    await seeded.waitFor();
    expect(await seeded.innerText()).toMatch(/Score gemeente\s+3 van 5/);
    expect(await seeded.innerText()).toMatch(/Score aanbieder\s+4 van 5/);

    const form = dialogue.getByRole('form', { name: 'Overleg vastleggen' });
    await form.getByLabel('Datum').fill('2026-11-20');
    await form.getByLabel('Soort').selectOption('evaluation');
    await form.getByLabel('Deelnemers').fill('Karim Contractmanager\nKees Ondertekenaar');
    await form.getByLabel('Afspraken').fill('Wachtlijst maandelijks delen; Kompas; 2026-12-15; aanbieder');
    // Only some of the four answered: the error summary names the group.
    await form.getByRole('group', { name: 'Openheid' }).getByLabel('4', { exact: true }).check();
    await form.getByRole('button', { name: 'Overleg vastleggen' }).click();
    await form
      .getByRole('link', { name: 'Beantwoord alle vier vragen met 1 tot 5, of laat ze alle vier leeg.' })
      .waitFor();
    await answerAll(form, '4');
    await form.getByRole('button', { name: 'Overleg vastleggen' }).click();
    await dialogue
      .getByTestId('dialogue-outcome')
      .getByText('Het overleg van 20 november 2026 is vastgelegd.')
      .waitFor();
    const meeting = dialogue.getByRole('article', { name: 'Evaluatie van 20 november 2026' });
    await meeting.waitFor();
    expect(await meeting.innerText()).toMatch(
      /Wachtlijst maandelijks delen — Kompas \(aanbieder\), uiterlijk 15 december 2026/,
    );
    expect(await meeting.innerText()).toMatch(
      /Score gemeente\s+4 van 5 \(Openheid: 4 · Nakomen van afspraken: 4/,
    );
    expect(await meeting.innerText()).toMatch(/Score aanbieder\s+nog niet gegeven/);
    await expectAccessible('agreement with KPIs and dialogue');

    await logIn('kompas.signer');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    await meeting.waitFor();
    // The provider sees the action its party owns in the municipality's record, with its due date.
    expect(await meeting.innerText()).toMatch(
      /Wachtlijst maandelijks delen — Kompas \(aanbieder\), uiterlijk 15 december 2026/,
    );
    await answerAll(meeting, '2');
    await meeting.getByRole('button', { name: 'Score geven' }).click();
    await dialogue.getByTestId('dialogue-outcome').getByText('Uw score is vastgelegd.').waitFor();
    await meeting.getByText(/^2 van 5/).waitFor();
    expect(await meeting.innerText()).toMatch(/Score aanbieder\s+2 van 5 \(Openheid: 2/);
    expect(await meeting.getByRole('button', { name: 'Score geven' }).count()).toBe(0);

    // The trend: both sides' series, each with its table; the provider's drop of 2 is a signal.
    const trend = dialogue.getByTestId('collab-trend');
    for (const who of ['Gemeente', 'Jeugdhulp Kompas B.V.']) {
      const series = trend.getByRole('region', { name: who });
      await series.getByText('De grafiek als tabel').click();
      const table = series.getByRole('table', {
        name: `Beoordeling van de samenwerking per overleg: ${who}`,
      });
      expect(await table.innerText()).toMatch(
        who === 'Gemeente' ? /20 november 2026\s+4\s+4\s+4\s+4\s+4/ : /20 november 2026\s+2\s+2\s+2\s+2\s+2/,
      );
      expect(await table.innerText()).toMatch(
        who === 'Gemeente' ? /8 oktober 2026\s+3\s+–/ : /8 oktober 2026\s+4\s+–/,
      );
    }
    await trend
      .getByTestId('collab-signals')
      .getByText('Jeugdhulp Kompas B.V.: Gemiddeld daalde van 4 naar 2 (overleg van 20 november 2026)')
      .waitFor();
    await expectAccessible('agreement with the collaboration trend');

    // The contract manager sees the signal under Sturing, in the "Samenwerking" block.
    await logIn('ermelo.contractmanager');
    await nav('Sturing').click();
    const tile = page.getByTestId('dashboard-GM0233-collaboration');
    await tile.getByRole('link', { name: 'ERM-2025-JH01' }).waitFor();
    expect(await tile.innerText()).toMatch(/Samenwerking \(\d+\)/);
    expect(await tile.innerText()).toContain('Jeugdhulp Kompas B.V.: Gemiddeld daalde van 4 naar 2');
    expect(await tile.innerText()).toMatch(/Laatste gemiddelden: Gemeente 4, Jeugdhulp Kompas B.V. 2/);
  });

  it('lets ermelo.admin change the mandate threshold on Beheer; ermelo.viewer reads it', async () => {
    await logIn('ermelo.admin');
    await nav('Beheer').click();
    await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    const field = page.getByLabel('Mandaatgrens in euro');
    await field.waitFor();
    expect(await field.inputValue()).toBe('100.000,00');
    await expectAccessible('beheer');
    await field.fill('tien euro');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page
      .getByRole('link', { name: 'Vul een bedrag in euro in, zoals 100.000,00, of laat het veld leeg.' })
      .waitFor();
    await field.fill('150.000');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText(/^De mandaatgrens is opgeslagen: €\s150\.000,00\.$/).waitFor();
    // Back to the seeded threshold: the other browser tests rely on it.
    await field.fill('100.000,00');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText(/^De mandaatgrens is opgeslagen: €\s100\.000,00\.$/).waitFor();

    await logIn('ermelo.viewer');
    await nav('Beheer').click();
    await page
      .getByTestId('admin-mandate')
      .getByText(/^€\s100\.000,00$/)
      .waitFor();
    await page.getByText('Alleen een beheerder van uw organisatie kan de mandaatgrens wijzigen.').waitFor();
    expect(await page.getByRole('button', { name: 'Opslaan', exact: true }).count()).toBe(0);
  });
});
