import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Issue 5, point 3 in the browser, in Dutch: the scheduled job (run here through the local dev route, as
 * EventBridge runs it in AWS) turns the notice date of ERM-2025-JH01 (30 June 2027, six months before its
 * end) into a signal 30 days ahead; ermelo.contractmanager finds it in the inbox on Termijnen, sees the date
 * in the upcoming list, marks it read, and subscribes to the personal iCal feed, which holds the same date.
 * Axe on the page.
 */
describe('deadlines, inbox and iCal feed in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const signalId = 'erm-jh-2025.notice.2027-06-30.30';

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  it('runs the deadline job for 31 May 2027, twice, creating the signals once', async () => {
    const run = async () => {
      const response = await fetch(`${apiUrl}/dev/jobs/deadlines`, {
        method: 'POST',
        body: JSON.stringify({ day: '2027-05-31' }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { created: number };
    };
    expect((await run()).created).toBeGreaterThan(0);
    expect((await run()).created).toBe(0);
  });

  it('shows the notice date in the inbox of ermelo.contractmanager and in the upcoming list', async () => {
    await session.logIn('ermelo.contractmanager');
    await session.nav('Termijnen').click();
    await page.getByRole('heading', { level: 1, name: 'Termijnen' }).waitFor();
    const inbox = session.section('Meldingen');
    const signal = inbox.getByTestId(`signal-${signalId}`);
    await expect.poll(() => signal.isVisible(), { timeout: 10_000 }).toBe(true);
    const text = await signal.innerText();
    expect(text).toContain('30-6-2027');
    expect(text).toContain('over 30 dagen');
    expect(text).toContain('Laatste dag opzeggen');
    expect(text).toContain('ERM-2025-JH01');
    expect(text).toContain('Nieuw');

    const upcoming = session.section('Komende termijnen');
    await upcoming.getByLabel('Periode').selectOption('365');
    const row = upcoming.getByTestId('deadline-erm-jh-2025.notice.2027-06-30');
    await row.waitFor();
    expect(await row.innerText()).toContain('contractmanager, inkoper');
    await session.expectAccessible('Termijnen');

    await signal
      .getByRole('button', { name: /Markeer Laatste dag opzeggen voor ERM-2025-JH01 als gelezen/ })
      .click();
    await expect.poll(() => signal.innerText()).toContain('Gelezen');
    expect(await page.getByTestId('inbox-outcome').innerText()).toContain('als gelezen gemarkeerd');
  });

  it('gives a personal iCal link that holds the notice date, and revokes it', async () => {
    const ical = session.section('Agenda-abonnement');
    await ical.getByRole('button', { name: 'Maak agenda-link' }).click();
    const field = ical.getByLabel('Uw agenda-link');
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/ical\/GM0233\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    const body = await feed.text();
    expect(body).toContain('DTSTART;VALUE=DATE:20270630');
    expect(body).toContain('Laatste dag opzeggen: ERM-2025-JH01');
    await session.expectAccessible('Termijnen met agenda-link');

    await ical.getByRole('button', { name: 'Link intrekken' }).click();
    await expect.poll(() => ical.getByTestId('ical-status').innerText()).toContain('nog geen agenda-link');
    expect((await fetch(url)).status).toBe(404);
  });
});
