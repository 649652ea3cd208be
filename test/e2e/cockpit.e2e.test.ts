import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * The agreement cockpit in the browser, in Dutch (issue 12, point 6): ERM-2025-JH01 opens with a summary — status
 * and next step, the next deadline, spend against the ceiling with its signal level, open duties, the open
 * escalation, the relation type and the latest trust scores — each linking to its section, and an in-page
 * navigation ("Op deze pagina") that moves to a section without scrolling. A provider's reporter sees its own
 * subset in provider wording, with no failed call, console error or error alert. Axe (WCAG 2.1 A/AA) on both.
 */
describe('the agreement cockpit in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const cockpit = () => session.section('Overzicht');
  const item = (name: string) => cockpit().getByTestId(`cockpit-${name}`);
  const pageNav = () => page.getByRole('navigation', { name: 'Op deze pagina', exact: true });
  /** Text of a cockpit item once its data has loaded. */
  const settled = async (name: string) => {
    await expect.poll(async () => item(name).innerText(), { timeout: 15_000 }).not.toMatch(/laden…/);
    return (await item(name).innerText()).replace(/\s+/g, ' ').trim();
  };
  /** How far the top of an element is from the top of the window, in pixels. */
  const topOf = (testId: string) =>
    page.getByTestId(testId).evaluate((el) => Math.round(el.getBoundingClientRect().top));

  it('shows ermelo.contractmanager the summary of ERM-2025-JH01 first', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    await page.getByRole('heading', { level: 1, name: 'Jeugdhulp ambulant 2025–2027' }).waitFor();
    await cockpit().waitFor();

    // Status and the moves the contract manager may make now.
    expect(await settled('status')).toMatch(/^Status actief\b/);
    expect(await settled('status')).toMatch(/Volgende stap: |U kunt de status nu niet wijzigen\./);
    // The next deadline: the quarterly report (late or not) comes before the notice date of 30 June 2027.
    expect(await settled('deadline')).toMatch(
      /^Eerstvolgende termijn (Te laat )?Kwartaalrapportage productie en wachttijden over \de kwartaal \d{4}, uiterlijk \d{1,2} \S+ \d{4}$/,
    );
    // Spend against the ceiling of € 1.250.000, with its signal level in words.
    expect(await settled('spend')).toMatch(/^Besteding € [\d.,]+ van € 1\.250\.000,00 \([\d,]+%\)/);
    expect(await item('spend').getByTestId('cockpit-spend-level').innerText()).toMatch(
      /^(binnen het plafond|signaal: 80% bereikt|signaal: plafond overschreden)$/,
    );
    expect(await settled('volume')).toMatch(/^Volume (Productcode \S+: |Geen volumeplafond)/);
    expect(await settled('duties')).toMatch(
      /^Openstaande informatieplichten (\d+ rapportages? verwacht|Er wordt nu geen)/,
    );
    // The open escalations (the seed's, and those other browser tests open on this agreement), the most urgent named
    // with its level.
    const escalations = await settled('escalations');
    expect(escalations).toMatch(/^Open escalaties \d+ open/);
    expect(escalations).toMatch(/\(niveau \S+/);
    // No relation designed for this one yet: said plainly, with the way to the steering section.
    expect(await settled('relation')).toBe('Relatietype Nog geen relatie ontworpen.');
    expect(await item('relation').getByRole('link', { name: 'Relatietype' }).getAttribute('href')).toBe(
      '#steering',
    );
    // The latest meeting with scores (the seed's gave 3 and 4; other browser tests may record a later one).
    expect(await settled('trust')).toMatch(
      /^Vertrouwen \(laatste overleg\) gemeente \d van 5(, Jeugdhulp Kompas B\.V\. \d van 5)? overleg van \d{1,2} \S+ \d{4}$/,
    );
    await session.expectAccessible('agreement cockpit (contract manager)');
  });

  it('moves to a section from the cockpit and from "Op deze pagina"', async () => {
    // The navigation lists the sections present, each an anchor to its section.
    const links = pageNav().getByRole('link');
    const names = await links.allInnerTexts();
    expect(names).toEqual(
      expect.arrayContaining([
        'Gegevens',
        'Informatieplichten',
        'Budget en volume',
        'Escalaties',
        'Sturing',
        'Audittrail',
      ]),
    );
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      expect(await page.locator(`section${href}`).count(), href).toBe(1);
    }

    // A section in the middle of the page, so there is room to scroll it to the top.
    await pageNav().getByRole('link', { name: 'Escalaties', exact: true }).click();
    await page.waitForURL(/#escalations$/);
    await expect.poll(() => topOf('section-escalations')).toBeLessThan(40);
    await expect.poll(() => topOf('section-escalations')).toBeGreaterThan(-40);

    // By keyboard: back to the top, focus the duties item's link in the cockpit, Enter.
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    await cockpit().waitFor();
    expect(await topOf('section-duties')).toBeGreaterThan(300);
    await item('duties').getByRole('link', { name: 'Openstaande informatieplichten' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#duties$/);
    await expect.poll(() => topOf('section-duties')).toBeLessThan(40);
    await expect.poll(() => topOf('section-duties')).toBeGreaterThan(-40);
  });

  it('names the relation type once one is chosen (ERM-2026-HH03: klant)', async () => {
    await page.goto(`${webUrl}/agreements/erm-hh-2026`);
    await cockpit().waitFor();
    expect(await settled('relation')).toBe('Relatietype klant');
  });

  it('shows kompas.reporter its own subset in provider wording, without errors', async () => {
    const problems: string[] = [];
    const onResponse = (response: { url(): string; status(): number }) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${new URL(response.url()).pathname}`);
    };
    const onConsole = (message: { type(): string; text(): string }) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    };
    await session.logIn('kompas.reporter');
    page.on('response', onResponse);
    page.on('console', onConsole);
    try {
      await page.goto(`${webUrl}/agreements/erm-jh-2025`);
      await cockpit().waitFor();
      expect(await cockpit().innerText()).toContain('Wat voor uw organisatie als partij nu telt.');
      expect(await settled('status')).toBe('Status actief');
      expect(await settled('deadline')).toMatch(/^Eerstvolgende termijn /);
      expect(await settled('duties')).toMatch(
        /^Wat u moet leveren (\d+ rapportages? verwacht|U hoeft nu niets te leveren\.)/,
      );
      expect(await settled('escalations')).toMatch(/^Uw open escalaties /);
      expect(await settled('trust')).toMatch(/^Vertrouwen \(laatste overleg\) (uw score \d van 5 |)/);
      // Nothing municipal: no spend, volume or relation, and no internal sections to go to.
      for (const name of ['spend', 'volume', 'relation']) expect(await item(name).count(), name).toBe(0);
      const names = await pageNav().getByRole('link').allInnerTexts();
      expect(names).toContain('Realisaties doorgeven');
      for (const internal of ['Sturing', 'Status', 'Versies', 'Audittrail', 'Budget en volume'])
        expect(names, internal).not.toContain(internal);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.utrecht-alert--error, p[role="alert"]').allInnerTexts()).toEqual([]);
      await session.expectAccessible('agreement cockpit (provider)');
    } finally {
      page.off('response', onResponse);
      page.off('console', onConsole);
    }
    expect(problems).toEqual([]);
  });
});
