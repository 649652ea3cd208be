import {
  type Authority,
  MEMBER_ROLE_KEYS,
  type MemberRoleKey,
  type MemberRoles,
  type RolePerson,
  RTVB_LIST_MAX,
  type SteeringRoles,
} from '@regie/core/browser';
import { optionalText } from '../../lib/form-schema';
import { type AppLocale, formatAmount, parseMoneyToCents } from '../../lib/format';

/**
 * RTVB in full (SPEC §4.2, issue 14): one role's name, portfolio holder, tasks, responsibilities and authorities as
 * typed, and a GR's roles per member municipality. Lists are rows of objects (react-hook-form's field arrays).
 */

export interface LineRow {
  text: string;
}
export interface AuthorityRow {
  what: string;
  /** Euros as typed (`25.000`, `1.234,56`). */
  amount: string;
}
export interface PersonValues {
  name: string;
  portfolioHolder: string;
  tasks: LineRow[];
  responsibilities: LineRow[];
  authorities: AuthorityRow[];
}
export type MemberValues = { space: string; name: string } & Record<MemberRoleKey, PersonValues>;

export const LIST_KEYS = ['tasks', 'responsibilities'] as const;
export type ListKey = (typeof LIST_KEYS)[number];
export { RTVB_LIST_MAX };

export function personValues(p: RolePerson | undefined, locale: AppLocale): PersonValues {
  return {
    name: p?.name ?? '',
    portfolioHolder: p?.portfolioHolder ?? '',
    tasks: (p?.tasks ?? []).map((text) => ({ text })),
    responsibilities: (p?.responsibilities ?? []).map((text) => ({ text })),
    authorities: (p?.authorities ?? []).map((a) => ({
      what: a.what,
      amount: a.maxAmountCents === undefined ? '' : formatAmount(a.maxAmountCents, locale),
    })),
  };
}

/** One fieldset per member municipality of a GR, in the GR's order, with what is stored for it. */
export function memberValues(
  stored: readonly MemberRoles[] | undefined,
  members: readonly { space: string; name: string }[],
  locale: AppLocale,
): MemberValues[] {
  return members.map(({ space, name }) => {
    const m = stored?.find((s) => s.space === space);
    return {
      space,
      name,
      ...(Object.fromEntries(MEMBER_ROLE_KEYS.map((key) => [key, personValues(m?.[key], locale)])) as Record<
        MemberRoleKey,
        PersonValues
      >),
    };
  });
}

/** The field paths of one role, in the order the form shows them (error summary, server issues). */
export function personFieldOrder(
  prefix: string,
  p: Pick<PersonValues, 'tasks' | 'responsibilities' | 'authorities'>,
  withHolder: boolean,
): string[] {
  return [
    `${prefix}.name`,
    ...(withHolder ? [`${prefix}.portfolioHolder`] : []),
    `${prefix}.tasks`,
    ...p.tasks.map((_, i) => `${prefix}.tasks.${i}.text`),
    `${prefix}.responsibilities`,
    ...p.responsibilities.map((_, i) => `${prefix}.responsibilities.${i}.text`),
    `${prefix}.authorities`,
    ...p.authorities.flatMap((_, i) => [
      `${prefix}.authorities.${i}.what`,
      `${prefix}.authorities.${i}.amount`,
    ]),
  ];
}

/** The API's field of an RTVB line or amount → the form's (a line's text is `text`, an amount is typed in `amount`). */
export function rtvbField(path: string): string {
  return path
    .replace(/\.(tasks|responsibilities)\.(\d+)$/, '.$1.$2.text')
    .replace(/\.authorities\.(\d+)\.maxAmountCents$/, '.authorities.$1.amount');
}

/**
 * One role as the API takes it, or nothing when it is left empty. What cannot be read (an amount in words) is
 * returned as an issue on its field.
 */
export function readPerson(
  p: PersonValues,
  prefix: string,
  locale: AppLocale,
  issues: Record<string, string>,
): Record<string, unknown> | undefined {
  const name = p.name.trim();
  const portfolioHolder = optionalText(p.portfolioHolder);
  const tasks = p.tasks.map((r) => r.text.trim());
  const responsibilities = p.responsibilities.map((r) => r.text.trim());
  const authorities = p.authorities.map((row, i): Partial<Authority> => {
    const money = parseMoneyToCents(row.amount, locale);
    if (!money.ok) issues[`${prefix}.authorities.${i}.amount`] = 'rtvb.errors.amountInvalid';
    return {
      what: row.what.trim(),
      ...(money.ok && money.cents !== null ? { maxAmountCents: money.cents } : {}),
    };
  });
  const empty =
    name === '' && !portfolioHolder && !tasks.length && !responsibilities.length && !authorities.length;
  if (empty) return undefined;
  return {
    name,
    ...(portfolioHolder ? { portfolioHolder } : {}),
    ...(tasks.length ? { tasks } : {}),
    ...(responsibilities.length ? { responsibilities } : {}),
    ...(authorities.length ? { authorities } : {}),
  };
}

/** The Dutch message key for an issue on an RTVB field (the form's path), or null when the path is not one. */
export function rtvbMessage(path: string, long: boolean): string | null {
  const key = (name: string) => `rtvb.errors.${name}`;
  if (/\.(tasks|responsibilities|authorities)$/.test(path)) return key('listTooLong');
  if (/\.(tasks|responsibilities)\.\d+\.text$/.test(path)) return key(long ? 'lineTooLong' : 'lineRequired');
  if (/\.authorities\.\d+\.what$/.test(path)) return key(long ? 'lineTooLong' : 'authorityRequired');
  if (/\.authorities\.\d+\.amount$/.test(path)) return key('amountInvalid');
  if (/^members\.\d+\.space$/.test(path)) return key('notMember');
  return null;
}

/** The stored roles with only `space`'s row of the roles per member taken from the form (removed when empty). */
export function withOwnRow(stored: SteeringRoles, edited: SteeringRoles, space: string): SteeringRoles {
  const mine = edited.members?.find((m) => m.space === space);
  const rows = (stored.members ?? []).filter((m) => m.space !== space);
  return { ...stored, members: mine ? [...rows, mine] : rows };
}
