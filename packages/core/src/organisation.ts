import * as z from 'zod/mini';
import { isAgbCode, isIban, isKvkNumber } from './identifiers.ts';
import { text } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';

export const ORGANISATION_KINDS = ['provider', 'joint_body'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A party a municipality registers: a provider (aanbieder) or a joint body (verbonden partij). */
export interface Organisation {
  id: string;
  space: string;
  kind: OrganisationKind;
  name: string;
  kvkNumber: string;
  agbCode: string | null;
  iban: string | null;
  createdAt: string;
  createdBy: string;
}

export const organisationCreateInput = z.strictObject({
  /** The register to add it to: the caller's own space by default, or a region it belongs to. */
  space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
  kind: z.enum(ORGANISATION_KINDS),
  name: text(200, 1),
  kvkNumber: z.string().check(z.refine(isKvkNumber, 'KvK number must be 8 digits')),
  agbCode: z.optional(
    z.string().check(z.refine(isAgbCode, 'AGB code must be 8 digits starting with 41 or 91')),
  ),
  iban: z.optional(z.string().check(z.maxLength(42), z.refine(isIban, 'IBAN is not valid (mod-97 check)'))),
});
export type OrganisationCreateInput = z.infer<typeof organisationCreateInput>;
