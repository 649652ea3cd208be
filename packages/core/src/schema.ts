import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini keeps the Lambda bundle small (STACK.md) but ships without messages; load the English
// ones once so every BAD_REQUEST names the field and the reason. Every module imports `zod/mini` itself
// rather than a re-exported namespace, so the bundler can drop what is unused (all other locales).
z.config(en());

/** Shared field schemas with explicit bounds (SPEC §7: strings, arrays and page sizes have maximums). */
export const text = (max: number, min = 0) => z.string().check(z.minLength(min), z.maxLength(max));
export const isoDate = () => z.iso.date();
export const cents = () => z.int().check(z.gte(0), z.lte(1_000_000_000_000));

import { ID_PATTERN } from './lists.ts';
import { SPACE_PATTERN } from './spaces.ts';

export { ID_PATTERN };
export const idSchema = () => z.string().check(z.regex(ID_PATTERN, 'Invalid id'));

/*
 * Shared inputs are factories like the fields above: this module has side effects (the locale), so a constant
 * here would stay in every bundle that imports any field schema; a function is dropped where it is not called.
 */

/** A page of a space's list: one of the caller's spaces (its own when left out), a cursor and a page size. */
export const spacePageInput = () =>
  z.optional(
    z.strictObject({
      space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
      cursor: z.optional(text(2048, 1)),
      limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
    }),
  );
export type SpacePageInput = z.infer<ReturnType<typeof spacePageInput>>;

/** One agreement in one year (the current year when left out). */
export const agreementYearInput = () =>
  z.strictObject({
    agreementId: idSchema(),
    year: z.optional(z.int().check(z.gte(2000), z.lte(2100))),
  });
export type AgreementYearInput = z.infer<ReturnType<typeof agreementYearInput>>;
