import * as z from 'zod/mini';
import { isAgbCode, isIban, isKvkNumber } from './identifiers.ts';
import { ORGANISATION_KINDS, type OrganisationKind } from './lists.ts';
import { text } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';

export { ORGANISATION_KINDS, type OrganisationKind };

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
  kvkNumber: z.string().check(
    z.refine(isKvkNumber, {
      message: 'KvK number must be 8 digits',
      params: { reason: 'organisation.kvkInvalid' },
    }),
  ),
  agbCode: z.optional(
    z.string().check(
      z.refine(isAgbCode, {
        message: 'AGB code must be 8 digits starting with 41 or 91',
        params: { reason: 'organisation.agbInvalid' },
      }),
    ),
  ),
  iban: z.optional(
    z.string().check(
      z.maxLength(42),
      z.refine(isIban, {
        message: 'IBAN is not valid (mod-97 check)',
        params: { reason: 'organisation.ibanInvalid' },
      }),
    ),
  ),
});
export type OrganisationCreateInput = z.infer<typeof organisationCreateInput>;
