import * as z from 'zod/mini';
import type { Agreement, AgreementStatus } from './agreement.ts';
import { DomainError } from './errors.ts';
import type { Role } from './roles.ts';
import { idSchema } from './schema.ts';
import { spaceKind } from './spaces.ts';
import type { PartyRole } from './terms.ts';

/**
 * Signing (SPEC §5.2). The agreement document — a PDF generated from the agreement or uploaded — is frozen by
 * its SHA-256; the signers sign that hash in order, each with explicit consent; the last signature makes the
 * agreement active. Level: a simple electronic signature (eenvoudige elektronische handtekening, eIDAS art. 3
 * sub 10) with a complete audit trail — no qualified certificate, no signing device.
 *
 * Decisions:
 * - Order: first the provider signer of each provider party (in the order the parties are listed), then the
 *   municipality's (or region's) authorised signatory. That signatory is a user with role `approver`
 *   (budgethouder / mandate holder): the role that already decides on spending under the mandate.
 * - A new document (regenerated or uploaded) while the agreement is out for signature replaces the current one
 *   and **invalidates** the signatures on the old one: signatures belong to one document, so the signers sign
 *   again on the new hash. The replacement is audited with how many signatures it invalidated.
 * - A document may be set while the agreement is `approved` or `out_for_signature`; signing only while it is
 *   `out_for_signature`; once `active` nothing about the document changes.
 * - A document is frozen against the terms version it was made from (`termsVersion`): a signature on a document
 *   of other terms is refused, so the last signature can never make other terms active. A change of terms while
 *   approval is asked or signatures run returns the agreement to draft and voids the document (agreement.ts `amend`).
 * - A signature binds to its slot — the signing organisation (a provider party by its `providerSpace`, or the
 *   owner) — never to a position: reordering the parties can never move a signature to another organisation.
 */

/** The signature level, named in the UI, the certificate and the README. */
export const SIGNATURE_LEVEL = {
  nl: 'eenvoudige elektronische handtekening',
  en: 'simple electronic signature',
} as const;

/** The consent text a signer agrees to. Versioned: a signature records the version and the text itself. */
export const CONSENT = {
  version: '2026-1',
  nl:
    'Ik heb het document met de hierboven getoonde SHA-256-hash gelezen en onderteken het namens mijn ' +
    'organisatie met een eenvoudige elektronische handtekening. Ik ben bevoegd mijn organisatie hierbij te ' +
    'vertegenwoordigen.',
  en:
    'I have read the document with the SHA-256 hash shown above and sign it on behalf of my organisation with ' +
    'a simple electronic signature. I am authorised to represent my organisation in this.',
} as const;

/** Uploads: a PDF of at most 4 MB (SPEC §5.2; the API Gateway payload limit leaves room for this). */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
export const PDF_CONTENT_TYPE = 'application/pdf';

/** Statuses in which the agreement document may be (re)placed. */
export const DOCUMENT_STATUSES: readonly AgreementStatus[] = ['approved', 'out_for_signature'];

/** Who may place the document (generate or upload). */
export const DOCUMENT_ROLES: readonly Role[] = ['inkoper', 'contractmanager'];

/** Who signs for the municipality or region. */
export const MUNICIPAL_SIGNATORY_ROLE: Role = 'approver';

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export interface SigningDocument {
  id: string;
  agreementId: string;
  sha256: string;
  size: number;
  source: 'generated' | 'uploaded';
  /** The uploaded file's name (trimmed), or the generated one. */
  fileName: string;
  createdAt: string;
  createdBy: string;
  /** The person's name next to the key, when it was recorded (older items have none: readers show the key). */
  createdByName?: string;
  /** The agreement's terms version the document was made from (missing on documents from before it was kept). */
  termsVersion?: number;
  /**
   * What reading the PDF once, when it was placed, found (missing on documents placed before it was kept): its
   * number of pages and the header's PDF version. Downloads serve these and the stored bytes without parsing again.
   */
  pages?: number;
  pdfVersion?: string;
  /** Set when an amendment voided the document (with its signatures); it is then no longer the current one. */
  voided?: { at: string; by: string; reason: 'amendment' };
}

export interface SignerSlot {
  /** The slot's identity: its side and organisation (`provider.PV81234567`, `municipality.GM0233`). */
  id: string;
  /** 1-based position in the signing order: for display and turn only, never for matching a signature. */
  order: number;
  side: 'provider' | 'municipality';
  /** The space whose user signs: the provider's `PV<kvk>`, or the owning municipality/region. */
  space: string;
  organisationName: string;
  role: Role;
  /** For a provider slot: the party (its `providerSpace`) and its role in the agreement; null for the owner. */
  party: string | null;
  partyRole: PartyRole | null;
}

export interface Signature {
  /** The slot signed (`SignerSlot.id`): a signature counts only for the slot and organisation it names. */
  slotId: string;
  /** The provider party signed for (its space) and its role; absent on the owner's signatory's signature. */
  party?: string;
  partyRole?: PartyRole;
  /** The position at signing time, for the certificate. */
  order: number;
  documentId: string;
  documentHash: string;
  signer: string;
  signerName: string;
  /** The space the signer signed from (a member municipality for a region's agreement). */
  signerSpace: string;
  /** The organisation signed for — the slot's space — and its name. */
  organisation: string;
  organisationName: string;
  side: 'provider' | 'municipality';
  at: string;
  consentVersion: string;
  consentText: string;
  level: 'simple';
}

export interface SlotState extends SignerSlot {
  state: 'signed' | 'next' | 'waiting';
  signature: Signature | null;
}

export const signInputSchema = z.strictObject({
  agreementId: idSchema(),
  /** The SHA-256 of the document the signer saw, in lower-case hex (SPEC §7 `signing.sign`). */
  documentHash: z.string().check(z.regex(SHA256_PATTERN, 'A SHA-256 hash in 64 lower-case hex digits')),
  /** Explicit consent: only `true` is accepted. */
  consent: z.literal(true, 'Consent must be given explicitly (true)'),
});
export type SignInput = z.infer<typeof signInputSchema>;

/** The signing order of an agreement: each provider party once, then the owner's signatory. */
export function signerSlots(a: Pick<Agreement, 'space' | 'parties'>, ownerName: string): SignerSlot[] {
  const slots: SignerSlot[] = [];
  const seen = new Set<string>();
  for (const party of a.parties) {
    if (!party.providerSpace || seen.has(party.providerSpace)) continue;
    seen.add(party.providerSpace);
    slots.push({
      id: `provider.${party.providerSpace}`,
      order: slots.length + 1,
      side: 'provider',
      space: party.providerSpace,
      organisationName: party.name,
      role: 'provider_signer',
      party: party.providerSpace,
      partyRole: party.role,
    });
  }
  slots.push({
    id: `municipality.${a.space}`,
    order: slots.length + 1,
    side: 'municipality',
    space: a.space,
    organisationName: ownerName,
    role: MUNICIPAL_SIGNATORY_ROLE,
    party: null,
    partyRole: null,
  });
  return slots;
}

/** Whether a signature is the one of this slot: same slot, same organisation, same side. */
export const signatureFills = (slot: SignerSlot, signature: Signature) =>
  signature.slotId === slot.id && signature.organisation === slot.space && signature.side === slot.side;

/**
 * Each slot with its state for the current document: signed, next (the one who may sign now) or waiting. A
 * signature is matched to its slot by slot and organisation, never by position.
 */
export function slotStates(slots: readonly SignerSlot[], signatures: readonly Signature[]): SlotState[] {
  let nextGiven = false;
  return slots.map((slot) => {
    const signature = signatures.find((s) => signatureFills(slot, s)) ?? null;
    if (signature) return { ...slot, state: 'signed', signature };
    const state = nextGiven ? 'waiting' : 'next';
    nextGiven = true;
    return { ...slot, state, signature: null };
  });
}

export interface Signer {
  user: string;
  name: string;
  space: string;
  reach: readonly string[];
  roles: readonly Role[];
}

/** Whether this caller is the one who fills the slot. */
export function fillsSlot(slot: SignerSlot, signer: Signer): boolean {
  if (!signer.roles.includes(slot.role)) return false;
  if (slot.side === 'provider') return signer.space === slot.space;
  return spaceKind(signer.space) !== 'provider' && signer.reach.includes(slot.space);
}

/**
 * The checks of one signature, in the order a signer would want to hear them. Returns the slot the signature
 * fills and whether it is the last one. Throws a DomainError saying why otherwise.
 */
export function assertCanSign(args: {
  status: AgreementStatus;
  document: SigningDocument | null;
  slots: readonly SignerSlot[];
  signatures: readonly Signature[];
  signer: Signer;
  documentHash: string;
  consent: boolean;
  /** The agreement's current terms version: the document must have been made from it. */
  termsVersion: number;
}): { slot: SignerSlot; last: boolean } {
  const { status, document, slots, signatures, signer } = args;
  if (status !== 'out_for_signature') {
    throw new DomainError('BAD_REQUEST', 'signing.notOutForSignature', {
      params: { status },
      field: 'agreementId',
      message: `The agreement is not out for signature (it is ${status})`,
    });
  }
  if (!document)
    throw new DomainError('BAD_REQUEST', 'signing.noDocument', {
      field: 'agreementId',
      message: 'The agreement has no document to sign yet',
    });
  if (args.consent !== true) {
    throw new DomainError('BAD_REQUEST', 'signing.consentRequired', {
      field: 'consent',
      message: 'Consent must be given explicitly',
    });
  }
  if (args.documentHash !== document.sha256) {
    throw new DomainError('CONFLICT', 'signing.hashMismatch', {
      field: 'documentHash',
      message: 'This hash is not that of the current document; reload the document and sign again',
    });
  }
  if (document.termsVersion !== args.termsVersion) {
    throw new DomainError('CONFLICT', 'signing.termsChanged', {
      params: { documentTermsVersion: document.termsVersion ?? null, termsVersion: args.termsVersion },
      field: 'documentHash',
      message:
        `This document was made from other terms (version ${document.termsVersion ?? 'unknown'}) than the ` +
        `agreement's current terms (version ${args.termsVersion}); a new document must be made first`,
    });
  }
  const states = slotStates(slots, signatures);
  const mine = states.filter((s) => fillsSlot(s, signer));
  if (mine.length === 0)
    throw new DomainError('FORBIDDEN', 'signing.notASigner', {
      message: 'You are not a signer of this agreement',
    });
  const next = states.find((s) => s.state === 'next');
  if (!next)
    throw new DomainError('CONFLICT', 'signing.allSigned', { message: 'Everyone has signed already' });
  if (!mine.some((s) => s.id === next.id)) {
    if (mine.every((s) => s.state === 'signed')) {
      throw new DomainError('CONFLICT', 'signing.alreadySigned', {
        message: 'Your organisation has signed this document already',
      });
    }
    throw new DomainError('CONFLICT', 'signing.notYourTurn', {
      params: { organisationName: next.organisationName, order: next.order, count: slots.length },
      message: `It is not your turn: ${next.organisationName} signs first (signer ${next.order} of ${slots.length})`,
    });
  }
  const slot = slots.find((s) => s.id === next.id)!;
  return { slot, last: states.every((s) => s.id === slot.id || s.state === 'signed') };
}

/** A document may be placed while the agreement is approved or out for signature, by a purchaser. */
export function assertCanPlaceDocument(status: AgreementStatus, roles: readonly Role[]): void {
  if (!roles.some((role) => DOCUMENT_ROLES.includes(role))) {
    throw new DomainError('FORBIDDEN', 'document.placeRoleRequired', {
      message: 'Only a purchaser or contract manager places the document',
    });
  }
  if (!DOCUMENT_STATUSES.includes(status)) {
    throw new DomainError('BAD_REQUEST', 'document.wrongStatus', {
      params: { status },
      field: 'agreementId',
      message: `A document can be placed while the agreement is approved or out for signature (it is ${status})`,
    });
  }
}

/** Why an upload is refused, as an HTTP status and a message; null when it is acceptable. */
export function checkPdfUpload(
  contentType: string | undefined,
  bytes: Uint8Array,
): { status: 400 | 413 | 415; message: string } | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== PDF_CONTENT_TYPE) {
    return { status: 415, message: 'Upload a PDF with content-type application/pdf' };
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return { status: 413, message: `A document may be at most ${MAX_DOCUMENT_BYTES} bytes` };
  }
  if (bytes.length === 0) return { status: 400, message: 'The upload is empty' };
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head !== '%PDF-')
    return { status: 415, message: 'The file is not a PDF (it does not start with %PDF-)' };
  return null;
}

/** A file name safe for a Content-Disposition header and a record: letters, digits, `.-_`, at most 100. */
export function safeFileName(name: string | undefined, fallback: string): string {
  const cleaned = (name ?? '')
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 100);
  return cleaned && /\.pdf$/i.test(cleaned) ? cleaned : fallback;
}
