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

export { ID_PATTERN };
export const idSchema = () => z.string().check(z.regex(ID_PATTERN, 'Invalid id'));
