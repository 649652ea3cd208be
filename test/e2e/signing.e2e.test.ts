import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken, mutateAs } from '../support/stack-api.ts';

/**
 * Approval then signing in the browser, in Dutch (SPEC §5.1, §5.2): a contract above Ermelo's mandate threshold
 * goes draft → in approval, ermelo.approver approves, the purchaser sends it for signature and generates the
 * PDF, kompas.signer signs in the portal with explicit consent, then the municipality's signatory signs and the
 * agreement shows "actief". Axe (WCAG 2.1 A/AA) on every page visited. The tests run in order, like one session.
 */
describe('approval and signing in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const reference = `ERM-SIGN-${Date.now().toString(36).toUpperCase()}`;
  let id = '';
  let hash = '';

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    // The draft itself is set up through the API (the agreement form has browser tests of its own).
    const token = await devToken(apiUrl, 'ermelo.inkoper');
    id = (
      await mutateAs<{ id: string }, 'agreement.create'>(apiUrl, token, 'agreement.create', {
        kind: 'contract',
        reference,
        title: 'Ambulante jeugdhulp Kompas',
        domain: 'youth',
        startDate: '2027-01-01',
        endDate: '2028-12-31',
        noticePeriodMonths: 3,
        // Above Ermelo's mandate threshold (€ 100.000): approval is needed before signing.
        valueCeilingCents: 45_000_000,
        parties: [{ organisationId: 'org-kompas', role: 'contractor' }],
      })
    ).id;
  });
  afterAll(() => session?.close());

  const status = () => page.getByTestId('current-status');
  const openAgreement = async () => {
    await page.goto(`${webUrl}/agreements/${id}`);
    await page.getByRole('heading', { level: 1, name: /Ambulante jeugdhulp Kompas/ }).waitFor();
  };
  const move = async (label: string, expected: string) => {
    await session.section('Status').getByRole('button', { name: label, exact: true }).click();
    await expect.poll(() => status().innerText(), { timeout: 15_000 }).toBe(expected);
  };

  it('sends the contract for approval; above the mandate it cannot go straight to signature', async () => {
    await session.logIn('ermelo.inkoper');
    await openAgreement();
    expect(await status().innerText()).toBe('concept');
    const buttons = session.section('Status').getByRole('button');
    // The one move of the life cycle it offers (besides sharing the draft with the provider for negotiation).
    expect(await buttons.allInnerTexts()).toEqual(['Ter goedkeuring aanbieden', 'Delen met aanbieder']);
    await move('Ter goedkeuring aanbieden', 'in goedkeuring');
    await session.expectAccessible('overeenkomst in goedkeuring');
  });

  it('lets ermelo.approver approve it', async () => {
    await session.logIn('ermelo.approver');
    await openAgreement();
    await move('Goedkeuren', 'goedgekeurd');
    await session.expectAccessible('goedgekeurde overeenkomst');
  });

  it('lets the purchaser send it for signature with a PDF generated from the agreement', async () => {
    await session.logIn('ermelo.inkoper');
    await openAgreement();
    await move('Ter ondertekening aanbieden', 'ter ondertekening');
    const signing = session.section('Ondertekening');
    await signing.getByText('eenvoudige elektronische handtekening', { exact: false }).first().waitFor();
    await signing.getByRole('button', { name: 'Document genereren uit de overeenkomst' }).click();
    await page.getByTestId('document-hash').waitFor();
    hash = (await page.getByTestId('document-hash').innerText()).trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await expect.poll(() => page.getByTestId('signing-outcome').innerText()).toContain(hash);
    expect(await page.getByTestId('signer-1').innerText()).toMatch(/Jeugdhulp Kompas.*aan de beurt/s);
    expect(await page.getByTestId('signer-2').innerText()).toMatch(/Gemeente Ermelo.*wacht/s);
    // Not the purchaser's turn to sign.
    expect(await page.getByTestId('sign-form').count()).toBe(0);
    // The document downloads with the same hash.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      signing.getByRole('button', { name: 'Document downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await session.expectAccessible('ondertekening, document klaargezet');
  });

  it('refuses an uploaded PDF with JavaScript, says why in Dutch, and keeps the document', async () => {
    const scripted = await PDFDocument.create();
    scripted.addPage();
    scripted.catalog.set(
      PDFName.of('OpenAction'),
      scripted.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }),
    );
    const signing = session.section('Ondertekening');
    await signing.getByLabel('Of upload een PDF (hoogstens 4 MB)').setInputFiles({
      name: 'met-script.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await scripted.save()),
    });
    await signing.getByRole('button', { name: 'PDF uploaden' }).click();
    await expect
      .poll(() =>
        signing.getByText('Deze PDF bevat scripts of acties die iets starten', { exact: false }).count(),
      )
      .toBe(1);
    expect((await page.getByTestId('document-hash').innerText()).trim()).toBe(hash);
    await session.expectAccessible('ondertekening, upload geweigerd');
  });

  it('shows kompas.signer the agreement waiting for it and lets it sign with explicit consent', async () => {
    await session.logIn('kompas.signer');
    await session.nav('Ondertekening').click();
    await page.getByRole('heading', { level: 1, name: 'Ondertekening' }).waitFor();
    const row = page.getByTestId(`signing-row-${reference}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('U bent aan de beurt');
    await session.expectAccessible('ondertekening (aanbieder)');

    await row.getByRole('link', { name: `Ondertekening van ${reference} openen` }).click();
    const form = page.getByTestId('sign-form');
    await form.waitFor();
    expect((await page.getByTestId('sign-hash').innerText()).trim()).toBe(hash);
    await session.expectAccessible('ondertekenen (aanbieder)');
    // Without the consent box ticked nothing is signed.
    await form.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await form.getByText('Vink de verklaring aan om te ondertekenen.').waitFor();
    expect(await page.getByTestId('signer-1').innerText()).toContain('aan de beurt');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await page.getByTestId('signing-outcome').getByText('Uw handtekening is vastgelegd.').waitFor();
    await expect
      .poll(() => page.getByTestId('signer-1').innerText(), { timeout: 15_000 })
      .toMatch(/Getekend door Kees Ondertekenaar/);
    expect(await page.getByTestId('sign-form').count()).toBe(0);
    await session.expectAccessible('na ondertekening (aanbieder)');
  });

  it('lets the municipality sign last, which makes the agreement active, with a certificate', async () => {
    await session.logIn('ermelo.approver');
    await openAgreement();
    const form = page.getByTestId('sign-form');
    await form.waitFor();
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: 'Ondertekenen', exact: true }).click();
    await page
      .getByTestId('signing-outcome')
      .getByText('de overeenkomst is nu actief', { exact: false })
      .waitFor();
    await expect.poll(() => status().innerText(), { timeout: 15_000 }).toBe('actief');
    expect(await page.getByTestId('signer-2').innerText()).toMatch(/Getekend door/);
    const signing = session.section('Ondertekening');
    const [certificate] = await Promise.all([
      page.waitForEvent('download'),
      signing.getByRole('button', { name: 'Ondertekeningscertificaat downloaden' }).click(),
    ]);
    expect(certificate.suggestedFilename()).toBe(`${reference}-certificaat.pdf`);
    await session.expectAccessible('actieve overeenkomst met ondertekening');

    // The register shows it active too.
    await session.nav('Contractregister').click();
    await page.getByTestId('register-table').waitFor();
    await session.expectAccessible('register');
  });
});
