import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * The register import in the browser, in Dutch (issue 13 point 3): utrecht.inkoper uploads a `;` CSV as Excel with
 * Dutch settings saves it — four good rows (two with a party Utrecht has not registered yet) and two bad ones. The
 * dry run names the bad rows with field and reason, offers the unknown party for registration and checks again;
 * the import's progress reaches the last row and the agreements are in the register; the same file again writes
 * nothing. The tests run in order and build on each other.
 */
describe('register import in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const suffix = Date.now().toString(36).toUpperCase();
  const ref = (n: number) => `IMP-${suffix}-${n}`;
  // A KvK number of its own per run, so registering the party never meets an earlier run's.
  const kvk = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const party = `Zorg Import ${suffix} B.V.`;

  const csv = [
    'Kenmerk;Titel;Soort;Status;Domein;Partijen;Begindatum;Einddatum;Opzegtermijn (maanden);Plafond (EUR)',
    `${ref(1)};Beschermd wonen ${suffix};Inkoopcontract;actief;Wmo;${party} (KvK ${kvk});1-1-2025;31-12-2027;3;"1.234.567,89"`,
    `${ref(2)};Dagbesteding ${suffix};Inkoopcontract;concept;Wmo;;01-01-2026;31-12-2026;;€ 50.000`,
    `${ref(3)};Begeleiding ${suffix};Dienstverleningsovereenkomst;beëindigd;Jeugd;${party} (KvK ${kvk});2024-01-01;2025-12-31;1;`,
    `${ref(4)};Buurtwerk ${suffix};Subsidie;aangevraagd;Participatie;;01/03/2026;28/02/2027;;"12.500,00"`,
    `${ref(5)};Vervoer ${suffix};Inkoopcontract;actief;Wmo;;31-02-2026;31-12-2026;;`,
    `${ref(6)};Schoonmaak ${suffix};Raamcontract;actief;Overig;;01-01-2026;31-12-2026;;`,
  ].join('\r\n');
  const file = {
    name: 'register-utrecht.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}\r\n`),
  };

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const counts = () => page.getByTestId('import-counts').innerText();

  async function upload() {
    await page.getByLabel('Bestand (.xlsx of .csv)').setInputFiles(file);
    await expect.poll(() => page.getByTestId('import-file-status').innerText()).toContain('6 rijen gelezen');
  }

  it('reaches the import from the register and says how to resume', async () => {
    await session.logIn('utrecht.inkoper');
    await page.getByRole('link', { name: 'Importeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register importeren' }).waitFor();
    await page.getByText('hetzelfde bestand opnieuw te importeren').waitFor();
    await session.expectAccessible('Importpagina');
  });

  it('names the bad rows with field and reason, and the party Utrecht has not registered', async () => {
    await upload();
    // The headers are recognised: the required fields are mapped without help.
    expect(await page.getByLabel('Kenmerk *').inputValue()).toBe('0');
    expect(await page.getByLabel('Plafond (EUR)').inputValue()).toBe('9');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect.poll(counts).toBe('2 rijen zijn goed, 0 staan al in het register, 4 hebben een fout.');

    const problems = page.getByTestId('import-problems');
    const row = (line: number) => problems.getByTestId(`import-problem-${line}`);
    expect(await row(6).innerText()).toMatch(/6\s+IMP-[\w-]+-5\s+Begindatum\s+‘31-02-2026’ is geen datum/);
    expect(await row(7).innerText()).toMatch(/7\s+IMP-[\w-]+-6\s+Soort\s+Soort ‘Raamcontract’ is onbekend/);
    expect(await row(2).innerText()).toContain('Partijen');
    expect(await row(4).innerText()).toContain('Partijen');
    await session.expectAccessible('Controle met fouten');

    await page.getByRole('button', { name: `${party} registreren` }).click();
    await expect.poll(counts).toBe('4 rijen zijn goed, 0 staan al in het register, 2 hebben een fout.');
    await page.getByText('1 partij geregistreerd').waitFor();
  });

  it('imports the good rows with progress to the last row, into the register', async () => {
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    const summary = page.getByTestId('import-summary');
    await expect
      .poll(() => summary.innerText(), { timeout: 20_000 })
      .toBe('4 overeenkomsten geïmporteerd, 0 stonden al in het register, 2 niet geïmporteerd.');
    const progress = page.getByRole('progressbar', { name: 'Voortgang van de import' });
    expect(await progress.getAttribute('value')).toBe('4');
    expect(await progress.getAttribute('max')).toBe('4');
    expect(await page.getByTestId('import-progress-text').innerText()).toBe('Rij 4 van 4');
    await session.expectAccessible('Import klaar');

    await page.getByRole('link', { name: 'Naar het contractregister' }).click();
    const table = page.getByTestId('register-table');
    await table.getByText(ref(1)).waitFor();
    const text = await table.innerText();
    for (const n of [1, 2, 3, 4]) expect(text).toContain(ref(n));
    for (const n of [5, 6]) expect(text).not.toContain(ref(n));
    expect(text).toMatch(new RegExp(`${ref(3)}[\\s\\S]*beëindigd`));
  });

  it('writes nothing when the same file is imported again', async () => {
    await page.getByRole('link', { name: 'Importeren' }).click();
    await upload();
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect.poll(counts).toBe('0 rijen zijn goed, 4 staan al in het register, 2 hebben een fout.');
    await page.getByTestId('import-nothing').waitFor();
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).count()).toBe(0);
  });

  it("reads the register's own Excel export back: every row is already there, none has an error", async () => {
    await page.goto(`${webUrl}/register`);
    await page.getByTestId('register-table').getByText(ref(1)).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteer als Excel' }).click(),
    ]);
    const xlsx = await download.path();
    await page.getByRole('link', { name: 'Importeren' }).click();
    await page.getByLabel('Bestand (.xlsx of .csv)').setInputFiles(xlsx);
    await expect.poll(() => page.getByTestId('import-file-status').innerText()).toMatch(/rijen gelezen/);
    // The export's computed columns (Besteed, Versie, Laatst gewijzigd) are left unmapped.
    expect(await page.getByLabel('Eigenaar').inputValue()).toBe('5');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect
      .poll(counts)
      .toMatch(/^0 rijen zijn goed, ([5-9]|\d\d+) staan al in het register, 0 hebben een fout\.$/);
    await page.getByTestId('import-nothing').waitFor();
  });
});
