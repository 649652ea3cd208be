import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * The agreement form's checks in the browser (issue 12): core's schemas run in the page, each message sits at
 * its field (aria-invalid, aria-describedby), the error summary takes the focus, messages follow the input
 * after a first attempt, and rows of the field arrays are added and removed with their own messages.
 */
describe('the agreement form checks with core’s rules', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    await session.logIn('ermelo.inkoper');
    await page.getByRole('link', { name: 'Nieuwe overeenkomst' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe overeenkomst' }).waitFor();
  });
  afterAll(() => session?.close());

  const summary = () => page.locator('.regie-error-summary');
  /** The message tied to an input by aria-describedby, or '' when none. */
  async function messageOf(label: string): Promise<string> {
    const input = page.getByLabel(label, { exact: true });
    const ids = (await input.getAttribute('aria-describedby')) ?? '';
    const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
    return errorId ? page.locator(`[id="${errorId}"]`).innerText() : '';
  }

  it('names every missing field at the field and in the focused summary', async () => {
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await summary().getByText('Controleer de volgende velden').waitFor();
    expect(await summary().evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    const links = await summary().getByRole('link').allInnerTexts();
    expect(links).toEqual([
      'Kies de soort overeenkomst.',
      'Vul een kenmerk in.',
      'Vul een titel in.',
      'Kies een domein.',
      'Vul een startdatum in.',
      'Vul een einddatum in.',
    ]);
    expect(await page.getByLabel('Titel', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf('Titel')).toBe('Vul een titel in.');
    // A link in the summary takes the person to its field.
    await summary().getByRole('link', { name: 'Vul een titel in.' }).click();
    expect(
      await page.getByLabel('Titel', { exact: true }).evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);
  });

  it('follows the input after the first attempt, also for the rule across the two dates', async () => {
    await page.getByLabel('Titel', { exact: true }).fill('Jeugdhulp formuliertest');
    await expect.poll(() => messageOf('Titel')).toBe('');
    await page.getByLabel('Startdatum').fill('2027-06-01');
    await page.getByLabel('Einddatum').fill('2027-01-01');
    await expect.poll(() => messageOf('Einddatum')).toBe('De einddatum mag niet vóór de startdatum liggen.');
    // Moving the start, not the end, clears the end's message.
    await page.getByLabel('Startdatum').fill('2026-06-01');
    await expect.poll(() => messageOf('Einddatum')).toBe('');
  });

  it('reads Dutch amounts and names a wrong or negative one', async () => {
    await page.getByLabel('Plafond in euro (niet verplicht)').fill('12,345');
    await expect
      .poll(() => messageOf('Plafond in euro (niet verplicht)'))
      .toBe('Vul een bedrag in euro in, bijvoorbeeld 1.234,56.');
    await page.getByLabel('Plafond in euro (niet verplicht)').fill('-5');
    await expect
      .poll(() => messageOf('Plafond in euro (niet verplicht)'))
      .toBe('Het plafond kan niet negatief zijn.');
    await page.getByLabel('Plafond in euro (niet verplicht)').fill('1.234,56');
    await expect.poll(() => messageOf('Plafond in euro (niet verplicht)')).toBe('');
  });

  it('checks product lines by the domain and announces a removed party', async () => {
    await page.getByLabel('Soort', { exact: true }).selectOption('contract');
    await page.getByLabel('Domein', { exact: true }).selectOption('youth');
    await page.getByRole('button', { name: 'Productregel toevoegen' }).click();
    const line = page.getByRole('group', { name: 'Productregel 1' });
    // The new row's first field has the focus.
    expect(
      await line
        .getByLabel('Categorie', { exact: true })
        .evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);
    await line.getByLabel('Categorie', { exact: true }).fill('12');
    await line.getByLabel('Productcode', { exact: true }).fill('45A01');
    await line.getByLabel('Uitvoeringsvariant').selectOption('task');
    await expect.poll(() => messageOf('Categorie')).toBe('Kies een categorie van 31–50.');
    await expect
      .poll(() => messageOf('Lumpsum in euro'))
      .toBe('Een taakgerichte productregel heeft een lumpsum; vul het bedrag in.');

    await page.getByRole('button', { name: 'Partij toevoegen' }).click();
    await expect.poll(() => messageOf('Organisatie')).toBe('Kies een organisatie.');
    await page.getByRole('group', { name: 'Partij 1' }).getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText('Partij 1 is verwijderd.').waitFor();
    expect(
      await page
        .getByRole('button', { name: 'Partij toevoegen' })
        .evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);
    expect(await page.getByRole('group', { name: 'Partij 1' }).count()).toBe(0);
  });
});
