import type { Agreement, SigningDocument, SlotState } from '@regie/core';
import { SIGNATURE_LEVEL } from '@regie/core';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/**
 * The agreement as a PDF (SPEC §5.2 and §5.5), built with pdf-lib in Dutch with Dutch formats, and the
 * signature certificate page. The same generator serves the document that is signed and the export.
 * Deterministic for one version of the agreement: the PDF's dates are the agreement's `updatedAt`, so
 * generating twice gives the same bytes and the same SHA-256.
 */

const KIND: Record<Agreement['kind'], string> = {
  contract: 'Inkoopcontract',
  subsidy: 'Subsidie',
  joint_arrangement: 'Gemeenschappelijke regeling',
  service_agreement: 'Dienstverleningsovereenkomst (DVO)',
};
const DOMAIN: Record<Agreement['domain'], string> = {
  youth: 'Jeugd (Jeugdwet)',
  wmo: 'Wmo',
  participation: 'Participatiewet',
  ict: 'ICT',
  other: 'Overig',
};
const PARTY_ROLE: Record<string, string> = {
  contractor: 'opdrachtnemer',
  recipient: 'ontvanger',
  joint_body: 'openbaar lichaam',
  subcontractor: 'onderaannemer',
};
const VARIANT: Record<string, string> = {
  effort: 'inspanningsgericht',
  output: 'outputgericht',
  task: 'taakgericht',
};
const UNIT: Record<string, string> = {
  minute: 'minuut',
  hour: 'uur',
  etmaal: 'etmaal',
  dagdeel: 'dagdeel',
  piece: 'stuk',
  euro: 'euro',
};

const money = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const longDate = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/Amsterdam',
  timeZoneName: 'short',
});

export const formatCents = (cents: number) => money.format(cents / 100);
export const formatDate = (iso: string) => longDate.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;

/** A page writer that wraps lines and starts new pages; text outside the font's set becomes `?`. */
export class Writer {
  page!: PDFPage;
  y = 0;
  private readonly supported: Set<number>;
  constructor(
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
    readonly footer: string,
  ) {
    this.supported = new Set(font.getCharacterSet());
    this.newPage();
  }

  clean(text: string): string {
    return [...text.replace(/[\u00a0\u202f]/g, ' ')]
      .map((ch) => (this.supported.has(ch.codePointAt(0)!) || ch === '\n' ? ch : '?'))
      .join('');
  }

  newPage() {
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
    const n = this.pdf.getPageCount();
    this.page.drawText(this.clean(`${this.footer} — pagina ${n}`), {
      x: MARGIN,
      y: MARGIN / 2,
      size: 8,
      font: this.font,
      color: rgb(0.35, 0.35, 0.35),
    });
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const out: string[] = [];
    for (const paragraph of this.clean(text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) out.push(line);
        // A single word wider than the line (a hash) is cut into pieces.
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
          out.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      out.push(line);
    }
    return out;
  }

  text(text: string, options: { size?: number; bold?: boolean; indent?: number; gap?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const indent = options.indent ?? 0;
    for (const line of this.wrap(text, font, size, WIDTH - indent)) {
      if (this.y - size * 1.4 < MARGIN) this.newPage();
      this.y -= size * 1.4;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font });
    }
    this.y -= options.gap ?? 0;
  }

  heading(text: string) {
    if (this.y < MARGIN + 80) this.newPage();
    this.y -= 8;
    this.text(text, { size: 12, bold: true, gap: 2 });
  }

  field(label: string, value: string) {
    this.text(`${label}: ${value}`, { indent: 0 });
  }
}

export async function open(title: string, at: string) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setLanguage('nl-NL');
  pdf.setProducer('Regie');
  pdf.setCreator('Regie');
  pdf.setCreationDate(new Date(at));
  pdf.setModificationDate(new Date(at));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  return { pdf, font, bold };
}

/** The agreement document: what is signed, and the export "agreement as PDF". */
export type PdfAgreement = Pick<
  Agreement,
  | 'reference'
  | 'title'
  | 'kind'
  | 'domain'
  | 'description'
  | 'startDate'
  | 'endDate'
  | 'noticePeriodMonths'
  | 'renewal'
  | 'valueCeilingCents'
  | 'version'
  | 'updatedAt'
  | 'parties'
  | 'productLines'
  | 'yearCeilings'
  | 'duties'
  | 'kpis'
>;

export async function agreementPdf(a: PdfAgreement, ownerName: string): Promise<Uint8Array> {
  const { pdf, font, bold } = await open(`${a.reference} ${a.title}`, a.updatedAt);
  pdf.setSubject(KIND[a.kind]);
  const w = new Writer(pdf, font, bold, `${a.reference} — versie ${a.version}`);
  w.text(KIND[a.kind], { size: 11 });
  w.text(a.title, { size: 18, bold: true, gap: 4 });
  w.field('Kenmerk', a.reference);
  w.field('Opdrachtgever', ownerName);
  w.field('Domein', DOMAIN[a.domain]);
  w.field('Looptijd', `${formatDate(a.startDate)} tot en met ${formatDate(a.endDate)}`);
  if (a.noticePeriodMonths !== null) w.field('Opzegtermijn', `${a.noticePeriodMonths} maanden`);
  if (a.renewal) {
    w.field(
      'Verlenging',
      `${a.renewal.options} keer ${a.renewal.monthsEach} maanden (${a.renewal.used} gebruikt)`,
    );
  }
  if (a.valueCeilingCents !== null) w.field('Plafond', formatCents(a.valueCeilingCents));
  w.field('Versie', `${a.version}, vastgesteld op ${formatDate(a.updatedAt)}`);
  if (a.description) {
    w.heading('Omschrijving');
    w.text(a.description);
  }

  w.heading('Partijen');
  w.text(`1. ${ownerName} (opdrachtgever)`);
  a.parties.forEach((p, i) => {
    w.text(`${i + 2}. ${p.name}, KvK ${p.kvkNumber} (${PARTY_ROLE[p.role] ?? p.role})`);
  });

  if (a.productLines.length > 0) {
    w.heading('Productafspraken');
    for (const line of a.productLines) {
      const parts = [
        `Categorie ${line.category}, product ${line.productCode}${line.description ? ` — ${line.description}` : ''}`,
        `uitvoeringsvariant ${VARIANT[line.variant] ?? line.variant}`,
      ];
      if (line.unit) parts.push(`eenheid ${UNIT[line.unit] ?? line.unit}`);
      if (line.tariffCents !== undefined) parts.push(`tarief ${formatCents(line.tariffCents)}`);
      if (line.volumeCeiling !== undefined)
        parts.push(`volumeplafond ${line.volumeCeiling.toLocaleString('nl-NL')}`);
      if (line.moneyCeilingCents !== undefined) parts.push(`plafond ${formatCents(line.moneyCeilingCents)}`);
      if (line.lumpSumCents !== undefined) parts.push(`lumpsum ${formatCents(line.lumpSumCents)}`);
      if (line.population) parts.push(`doelgroep ${line.population}`);
      w.text(`• ${parts.join('; ')}`, { indent: 8 });
    }
  }

  if (a.yearCeilings.length > 0) {
    w.heading('Plafonds per jaar');
    for (const y of [...a.yearCeilings].sort((p, q) => p.year - q.year)) {
      w.text(`• ${y.year}: ${formatCents(y.cents)}`, { indent: 8 });
    }
  }

  if (a.duties.length > 0) {
    w.heading('Informatieplichten');
    for (const d of a.duties) {
      w.text(
        `• ${d.title}${d.kind === 'periodic' ? ` (periodiek, ${d.dueDays ?? 0} dagen na de periode)` : ` (bij gebeurtenis, binnen ${d.responseDays ?? 0} dagen)`}`,
        { indent: 8 },
      );
    }
  }

  if (a.kpis.length > 0) {
    w.heading('Prestatie-indicatoren');
    for (const k of a.kpis) {
      w.text(
        `• ${k.name}: norm ${k.target.toLocaleString('nl-NL')} ${k.unit} (${k.direction === 'higher' ? 'hoger is beter' : 'lager is beter'})`,
        {
          indent: 8,
        },
      );
    }
  }

  w.heading('Ondertekening');
  w.text(
    `Deze overeenkomst wordt in Regie ondertekend met een ${SIGNATURE_LEVEL.nl} met een volledig auditspoor. ` +
      'Iedere ondertekenaar ondertekent de SHA-256-hash van dit document; de ondertekeningen staan op het ' +
      'ondertekeningscertificaat.',
  );
  return pdf.save({ useObjectStreams: false });
}

export interface CertificateInput {
  reference: string;
  title: string;
  ownerName: string;
  document: SigningDocument;
  signers: SlotState[];
  complete: boolean;
  /** When the certificate was drawn up; defaults to now. */
  at?: string;
}

function drawCertificate(w: Writer, input: CertificateInput) {
  w.text('Ondertekeningscertificaat', { size: 18, bold: true, gap: 4 });
  w.text('Signature certificate', { size: 10, gap: 6 });
  w.field('Overeenkomst', `${input.reference} — ${input.title}`);
  w.field('Opdrachtgever', input.ownerName);
  w.field(
    'Document',
    `${input.document.fileName} (${input.document.pages !== undefined ? `${input.document.pages} ${input.document.pages === 1 ? 'pagina' : "pagina's"}, ` : ''}${input.document.size.toLocaleString('nl-NL')} bytes, ${input.document.source === 'generated' ? 'gegenereerd uit de overeenkomst' : 'geüpload'})`,
  );
  if (input.document.termsVersion !== undefined) {
    w.field('Voorwaarden', `versie ${input.document.termsVersion} van de overeenkomst`);
  }
  w.text('SHA-256 van het document:', { gap: 0 });
  w.text(input.document.sha256, { indent: 8, gap: 4 });
  w.field('Niveau', `${SIGNATURE_LEVEL.nl} (${SIGNATURE_LEVEL.en}), met een volledig auditspoor`);
  w.field(
    'Status',
    input.complete ? 'volledig ondertekend' : 'nog niet door alle ondertekenaars ondertekend',
  );
  w.heading('Ondertekenaars');
  for (const slot of input.signers) {
    const s = slot.signature;
    if (s) {
      w.text(`${slot.order}. ${s.signerName} (${s.signer}) namens ${s.organisationName}`, { bold: true });
      w.text(`Ondertekend op ${formatDateTime(s.at)}`, { indent: 12 });
      w.text(`Hash: ${s.documentHash}`, { indent: 12 });
      w.text(`Instemming (versie ${s.consentVersion}): "${s.consentText}"`, { indent: 12, gap: 4 });
    } else {
      w.text(`${slot.order}. ${slot.organisationName}: nog niet ondertekend`, { gap: 4 });
    }
  }
  w.text(
    `Opgemaakt op ${formatDateTime(input.at ?? new Date().toISOString())} door Regie. Elke ondertekening staat ook als ` +
      'gebeurtenis in de hash-keten van het auditspoor van de overeenkomst.',
    { size: 8 },
  );
}

/** The certificate as a PDF of its own. */
export async function certificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const { pdf, font, bold } = await open(
    `Ondertekeningscertificaat ${input.reference}`,
    input.at ?? new Date().toISOString(),
  );
  drawCertificate(new Writer(pdf, font, bold, `${input.reference} — ondertekeningscertificaat`), input);
  return pdf.save({ useObjectStreams: false });
}

/** The signed copy: the document itself with the certificate appended. Null when the PDF cannot be read. */
export async function signedCopyPdf(
  document: Uint8Array,
  input: CertificateInput,
): Promise<Uint8Array | null> {
  try {
    const pdf = await PDFDocument.load(document, { ignoreEncryption: false, updateMetadata: false });
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
    drawCertificate(new Writer(pdf, font, bold, `${input.reference} — ondertekeningscertificaat`), input);
    return await pdf.save({ useObjectStreams: false });
  } catch {
    // An uploaded PDF pdf-lib cannot read or extend (encrypted, malformed): the certificate stays separate.
    return null;
  }
}
