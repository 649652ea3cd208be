import { addDays, addWorkingDays, notificationDeadline } from '@regie/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Issue 14 point 3 in the browser, in Dutch: kompas.reporter files a calamity notification ("Melding calamiteit")
 * on ERM-2025-JH01 with a figure; its response deadline is one working day. The deadline job runs (through the
 * local dev route, as EventBridge runs it in AWS) for every day up to two working days after filing; then
 * ermelo.contractmanager finds it overdue ("verlopen") in the inbox on Termijnen, finds it on the agreement with
 * its deadline, and sees the seeded notification Ermelo never answered marked "te laat" there and on the steering
 * dashboard. Axe on the agreement page with the form and on Termijnen.
 */
describe('event notifications (meldingen) in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const description = `Cliënt gevallen tijdens begeleiding (${Date.now().toString(36)})`;
  const filedOn = new Date().toISOString().slice(0, 10);
  const deadline = notificationDeadline(`${filedOn}T12:00:00Z`, 1);
  const dutchDate = (iso: string) => iso.split('-').reverse().map(Number).join('-');

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  it('lets kompas.reporter file a calamity notification with a figure', async () => {
    await session.logIn('kompas.reporter');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    const section = session.section('Meldingen bij gebeurtenissen');
    const form = section.getByRole('form', { name: 'Melding doen' });
    await form.waitFor();
    // Nothing filled in: the summary names the duty and the description.
    await form.getByRole('button', { name: 'Melding versturen' }).click();
    await form.getByRole('link', { name: 'Kies een meldplicht.' }).waitFor();
    await form.getByRole('link', { name: 'Vul een omschrijving in.' }).waitFor();

    await form
      .getByLabel('Meldplicht')
      .selectOption({ label: 'Melding calamiteit (reactie binnen 1 werkdagen)' });
    await form.getByLabel('Omschrijving').fill(description);
    await form.getByRole('button', { name: 'Cijfer toevoegen' }).click();
    await form.getByLabel('Cijfer 1: omschrijving').fill('Betrokken cliënten');
    await form.getByLabel('Cijfer 1: waarde').fill('1');
    await session.expectAccessible('Melding doen');
    await form.getByRole('button', { name: 'Melding versturen' }).click();
    await section
      .getByTestId('notification-outcome')
      .getByText(`Uw melding “Melding calamiteit” is verstuurd. De gemeente reageert uiterlijk`)
      .waitFor();
    const mine = section.getByRole('article').filter({ hasText: description });
    await mine.waitFor();
    const text = await mine.innerText();
    expect(text).toContain('Open');
    expect(text).toContain('Betrokken cliënten: 1');
  });

  it('runs the deadline job for each day up to two working days after filing', async () => {
    const last = addWorkingDays(filedOn, 2);
    for (let day = filedOn; day <= last; day = addDays(day, 1)) {
      const response = await fetch(`${apiUrl}/dev/jobs/deadlines`, {
        method: 'POST',
        body: JSON.stringify({ day }),
      });
      expect(response.status).toBe(200);
    }
  });

  it('shows ermelo.contractmanager the notification overdue in the inbox and on the agreement', async () => {
    await session.logIn('ermelo.contractmanager');
    await session.nav('Termijnen').click();
    await page.getByRole('heading', { level: 1, name: 'Termijnen' }).waitFor();
    const signal = session
      .section('Meldingen')
      .getByRole('row')
      .filter({ hasText: 'Melding van aanbieder beantwoorden: Melding calamiteit (Jeugdhulp Kompas B.V.)' })
      .filter({ hasText: 'verlopen' })
      .filter({ hasText: dutchDate(deadline) });
    await expect.poll(() => signal.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await signal.first().innerText()).toContain('ERM-2025-JH01');
    await session.expectAccessible('Termijnen met een verlopen melding');

    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    const section = session.section('Meldingen bij gebeurtenissen');
    const filed = section.getByRole('article').filter({ hasText: description });
    await filed.waitFor();
    expect(await filed.innerText()).toContain('Jeugdhulp Kompas B.V.');
    // The seeded calamity notification, filed ten days ago and never answered, is marked late.
    const late = section.getByRole('article').filter({ hasText: 'De Inspectie is geïnformeerd' });
    expect(await late.innerText()).toContain('te laat');
    await late.getByRole('button', { name: 'Escaleren' }).waitFor();
  });

  it('lists the seeded overdue notification on the steering dashboard', async () => {
    await session.nav('Sturing').click();
    await page.getByRole('heading', { level: 1, name: 'Sturing' }).waitFor();
    const tile = session.section('Stuurdashboard').getByTestId('dashboard-GM0233-notifications');
    await expect
      .poll(() => tile.innerText(), { timeout: 10_000 })
      .toContain('Melding calamiteit van Jeugdhulp Kompas B.V.');
    expect(await tile.innerText()).toContain('(verlopen)');
  });
});
