import * as z from 'zod/mini';
import { SPACE_PATTERN } from './spaces.ts';

/** Schema parts the P&C modules share (pc-indicators.ts, pc-values.ts); not exported by core's index. */
export const version = () => z.int().check(z.gte(0), z.lte(1_000_000));
export const member = () => z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'));

export const uniqueBy =
  <T>(key: (t: T) => string) =>
  (list: readonly T[]) =>
    new Set(list.map(key)).size === list.length;
