import {
  type FindAgreementsInput,
  ID_PATTERN,
  isDomain,
  isKind,
  isSort,
  isStatus,
  SPACE_PATTERN,
} from '../../lib/agreements/model';
import { isIsoDate } from '../../lib/format';

/**
 * The register's filters live in the address (`?kind=subsidy&q=kompas`), so a filtered register can be
 * bookmarked and shared. Values the API would refuse (a hand-edited address) are ignored, not sent.
 */
export type RegisterFilters = Omit<FindAgreementsInput, 'cursor' | 'limit'>;
export type FilterName = keyof RegisterFilters;

/** The API's bound on search words. */
export const SEARCH_MAX = 100;

export function readFilters(params: URLSearchParams): RegisterFilters {
  const get = (name: FilterName) => params.get(name) ?? undefined;
  const space = get('space');
  const kind = get('kind');
  const status = get('status');
  const domain = get('domain');
  const party = get('party');
  const endsBefore = get('endsBefore');
  const sort = get('sort');
  const q = get('q')?.trim();
  return {
    ...(space && SPACE_PATTERN.test(space) ? { space } : {}),
    ...(isKind(kind) ? { kind } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(isDomain(domain) ? { domain } : {}),
    ...(party && ID_PATTERN.test(party) ? { party } : {}),
    ...(endsBefore && isIsoDate(endsBefore) ? { endsBefore } : {}),
    ...(isSort(sort) && sort !== 'newest' ? { sort } : {}),
    ...(q ? { q: q.slice(0, SEARCH_MAX) } : {}),
  };
}

/**
 * The address after setting one filter; an empty value removes it. Another register (`space`) has other
 * organisations, so its party filter goes too.
 */
export function withFilter(previous: URLSearchParams, name: FilterName, value: string): URLSearchParams {
  const next = new URLSearchParams(previous);
  if (value) next.set(name, value);
  else next.delete(name);
  if (name === 'space') next.delete('party');
  return next;
}
