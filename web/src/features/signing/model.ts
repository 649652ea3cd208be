import type { AppRouter } from '@regie/api';
import { DOCUMENT_ROLES, DOCUMENT_STATUSES, MAX_DOCUMENT_BYTES } from '@regie/core/browser';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { filesFetch } from '../../lib/files';

type Api = TRPCOptionsProxy<AppRouter>;

/** Types come from the router (types only: no server code reaches the browser bundle). */
export type SigningStatus = inferOutput<Api['signing']['status']>;
export type SignerState = SigningStatus['signers'][number];
export type SigningDocument = NonNullable<SigningStatus['document']>;

/** Statuses in which a signing section is shown on an agreement. */
export const SIGNING_STATUSES: readonly string[] = ['approved', 'out_for_signature', 'active'];

/** Contracts and DVOs are signed (SPEC §3.1, §3.4); the section shows from approval on. */
export function hasSigning(a: { kind: string; status: string }): boolean {
  return (a.kind === 'contract' || a.kind === 'service_agreement') && SIGNING_STATUSES.includes(a.status);
}

/** Who may generate or upload the document (the files app checks again). */
export function canPlaceDocument(roles: readonly string[], status: string): boolean {
  return (
    roles.some((role) => (DOCUMENT_ROLES as readonly string[]).includes(role)) &&
    (DOCUMENT_STATUSES as readonly string[]).includes(status)
  );
}

/** `2 van 3 getekend`: signed slots and all slots. */
export function progress(s: Pick<SigningStatus, 'signers'>): { signed: number; total: number } {
  return { signed: s.signers.filter((x) => x.state === 'signed').length, total: s.signers.length };
}

/** A hash readable in groups of eight (screen readers read it group by group). */
export function groupedHash(hash: string): string {
  return hash.match(/.{1,8}/g)?.join(' ') ?? hash;
}

/** Why a file cannot be uploaded, before sending it (the files app's bound, SPEC §5.2); null when it may go. */
export async function uploadProblem(file: File | null): Promise<'chooseFile' | 'tooLarge' | 'notPdf' | null> {
  if (!file) return 'chooseFile';
  if (file.size > MAX_DOCUMENT_BYTES) return 'tooLarge';
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-' ? null : 'notPdf';
}

export async function generateDocument(agreementId: string): Promise<SigningDocument> {
  const response = await filesFetch(`agreements/${encodeURIComponent(agreementId)}/document/generate`, {
    method: 'POST',
  });
  return ((await response.json()) as { document: SigningDocument }).document;
}

export async function uploadDocument(agreementId: string, file: File): Promise<SigningDocument> {
  const response = await filesFetch(
    `agreements/${encodeURIComponent(agreementId)}/document?fileName=${encodeURIComponent(file.name.slice(0, 200))}`,
    { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: file },
  );
  return ((await response.json()) as { document: SigningDocument }).document;
}
