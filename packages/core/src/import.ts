import * as z from 'zod/mini';
import type { ParamValue, Reason } from './errors.ts';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
  DOMAINS,
} from './lists.ts';
import { cents, isoDate, text } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';

/**
 * Register import (issue 13 point 3): a municipality's existing register, read from an XLSX or CSV in the browser,
 * mapped to these rows and sent in batches to `agreement.import {rows, dryRun}`. The browser parses Dutch cells into
 * this shape (dates, amounts, KvK); the server checks each row again with this schema and against the register
 * (reference in use, parties registered), then writes each agreement with its audit event like a create.
 */

/** The largest file the import takes, and the rows per `agreement.import` call. */
export const IMPORT_MAX_ROWS = 5_000;
export const IMPORT_BATCH_ROWS = 100;

/**
 * The statuses an agreement may arrive in, per kind: its life cycle's starting state and the states it can be in
 * without Regie having recorded how it got there. Recorded as imported, never as an approval or a signature.
 */
export const IMPORTABLE_STATUSES: Record<AgreementKind, readonly AgreementStatus[]> = {
  contract: ['draft', 'active', 'terminated', 'expired'],
  service_agreement: ['draft', 'active', 'terminated', 'expired'],
  joint_arrangement: ['draft', 'active', 'terminated'],
  subsidy: ['requested'],
};

/** A party named by the file: matched to a registered organisation of the owning space by its KvK number. */
export const importPartySchema = z.strictObject({
  kvkNumber: z.string().check(z.regex(/^\d{8}$/, 'Invalid KvK number')),
  name: text(200, 1),
});

/** One row of the file, already in the domain's units (ISO dates, cents). `line` is the row number in the file. */
export const importRowSchema = z.strictObject({
  line: z.int().check(z.gte(1), z.lte(1_000_000)),
  kind: z.enum(AGREEMENT_KINDS),
  reference: text(50, 1).check(z.regex(/^[\p{L}\p{N}][\p{L}\p{N} ./_-]*$/u, 'Invalid reference')),
  title: text(200, 1),
  status: z.enum(AGREEMENT_STATUSES),
  domain: z.enum(DOMAINS),
  /** The owning space: the caller's own by default, or a region it acts in. */
  space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
  startDate: isoDate(),
  endDate: isoDate(),
  noticePeriodMonths: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(120)))),
  valueCeilingCents: z.optional(z.nullable(cents())),
  description: z.optional(text(5000)),
  parties: z.array(importPartySchema).check(z.maxLength(10)),
});
export type ImportRow = z.infer<typeof importRowSchema>;

/** `agreement.import {rows, dryRun}`: a dry run checks every row and writes nothing. */
export const agreementImportInput = z.strictObject({
  rows: z.array(importRowSchema).check(z.minLength(1), z.maxLength(IMPORT_BATCH_ROWS)),
  dryRun: z.boolean(),
});
export type AgreementImportInput = z.infer<typeof agreementImportInput>;

/**
 * What became of a row: `valid` (dry run: would be written), `created`, `exists` (its reference is already in the
 * register: reported, never duplicated — so a re-import writes nothing and an interrupted import resumes), `invalid`
 * (with the field and a reason key the web app says in Dutch).
 */
export type ImportOutcome = 'valid' | 'created' | 'exists' | 'invalid';
export interface ImportRowResult {
  line: number;
  reference: string;
  outcome: ImportOutcome;
  /** The agreement written (`created`) or found under the reference (`exists`). */
  id?: string;
  field?: string;
  reason?: Reason;
  params?: Record<string, ParamValue>;
}
