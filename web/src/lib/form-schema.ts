import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * Forms validate with the API's own schemas (issue 12), through react-hook-form's standard-schema resolver. A
 * form's values are what people type (`1.234,56`, ` 8123 4567 `, empty fields); `read` turns them into the API's
 * input once (with lib/format.ts), the API's schema (from `@regie/core/browser`, a Standard Schema) checks that
 * input, and `explain` names each issue with an i18n key at a form field. Nothing is checked twice by hand: the
 * server answers the same schema. The result is itself a Standard Schema.
 */

/** An issue as a Standard Schema reports it; zod's also carry `code` and, for custom rules, `params.reason`. */
export interface SchemaIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
  readonly code?: string;
  readonly params?: { readonly reason?: unknown };
}

type Result<O> =
  | { readonly value: O; readonly issues?: undefined }
  | { readonly issues: readonly SchemaIssue[] };

/** The Standard Schema interface (https://standardschema.dev), as far as forms use it. */
export interface StandardSchema<I = unknown, O = I> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<O> | Promise<Result<O>>;
    readonly types?: { readonly input: I; readonly output: O } | undefined;
  };
}

/** Where an issue is shown: a form field (`root` or `` for the form as a whole) and the i18n key that says it. */
export interface FormIssue {
  field: string;
  key: string;
}

/** Issues in the order found (the first per field wins), or a table field → key. */
export type FormIssues = readonly FormIssue[] | Readonly<Record<string, string>>;

/** What `read` returns: the API's input, and what could not be read at all (an amount in words). */
export interface ReadResult {
  input: unknown;
  issues?: FormIssues | undefined;
  /** The form's path of an input path, where the input left rows out (a wholly empty row is no figure). */
  rename?: (path: string) => string;
}

/** The dotted path of an issue (`opinion.answered`); empty for the input as a whole. */
export function issuePath(issue: Pick<SchemaIssue, 'path'>): string {
  return (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
}

/** The reason key a custom rule carries (`wgr.answerBeforeOpinion`), if any. */
export function issueReason(issue: SchemaIssue): string | undefined {
  const reason = issue.params?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

/**
 * The common way to explain an issue: by the API field it is about, from a table of `api path → [form field,
 * i18n key]`; anything else (the agreement id, the version) is about the form as a whole.
 */
export function byPath(table: Record<string, readonly [string, string]>, fallbackKey: string) {
  return (issue: SchemaIssue): FormIssue => {
    const entry = table[issuePath(issue)];
    return entry ? { field: entry[0], key: entry[1] } : { field: 'root', key: fallbackKey };
  };
}

/**
 * A rule of core that is a function rather than part of the schema throws an error naming its `field`: that
 * error as the form's issue (explained as an issue of code `domain` at that field), or none.
 */
export function ruleIssues(rule: () => void, explain: (issue: SchemaIssue) => FormIssue): FormIssue[] {
  try {
    rule();
    return [];
  } catch (error) {
    const field = error instanceof Error && 'field' in error ? error.field : undefined;
    if (!(error instanceof Error) || typeof field !== 'string') throw error;
    return [explain({ message: error.message, path: field.split('.'), code: 'domain' })];
  }
}

/** An issue where a form shows it: the form's dot path and zod's issue code (`custom` when it has none). */
export interface IssueAt {
  path: string;
  code: string;
}

/** `explain` for a form whose message needs only where an issue is and its code. */
export function keyAt(message: (issue: IssueAt) => string) {
  return (issue: SchemaIssue, path: string): string =>
    message({ path, code: typeof issue.code === 'string' ? issue.code : 'custom' });
}

const listOf = (issues: FormIssues | undefined): readonly FormIssue[] =>
  !issues
    ? []
    : Array.isArray(issues)
      ? issues
      : Object.entries(issues).map(([field, key]) => ({ field, key }));

/**
 * A Standard Schema over a form's values: read, check with the API's schema, then the rules that need more than
 * the input (`check`: a product line the agreement has, the order of an opinion's dates), run when the schema
 * accepts. One message per field: what could not be read wins over the schema's issue, the first over later ones.
 */
export function formSchema<Values, Output>(options: {
  /** The API's schema for the procedure the form calls. */
  schema: StandardSchema<unknown, Output>;
  /** Typed values → the API's input. */
  read: (values: Values) => ReadResult;
  /**
   * An issue of the API schema → where the form shows it; `field` is the issue's own path in the form (after
   * `rename` and `at`), and a key alone is said there.
   */
  explain: (issue: SchemaIssue, field: string) => FormIssue | string;
  check?: (output: Output) => FormIssues;
  /** Where in the form's values the input sits (`yearCeilings` for a list checked on its own). */
  at?: string;
}): StandardSchema<Values, Output> {
  const prefix = (path: string) => (options.at ? (path === '' ? options.at : `${options.at}.${path}`) : path);
  const validate = async (values: unknown): Promise<Result<Output>> => {
    const { input, issues: readIssues, rename = (path: string) => path } = options.read(values as Values);
    const result = await options.schema['~standard'].validate(input);
    const found: FormIssue[] = [...listOf(readIssues)];
    for (const issue of result.issues ?? []) {
      const field = prefix(rename(issuePath(issue)));
      const explained = options.explain(issue, field);
      found.push(typeof explained === 'string' ? { field, key: explained } : explained);
    }
    if (!result.issues && options.check) found.push(...listOf(options.check(result.value)));
    if (found.length === 0 && !result.issues) return { value: result.value };
    const seen = new Set<string>();
    const issues: SchemaIssue[] = [];
    for (const { field, key } of found) {
      if (seen.has(field)) continue;
      seen.add(field);
      const path = field === 'root' || field === '' ? [] : field.split('.');
      issues.push({ message: key, path: path.map((s) => (/^\d+$/.test(s) ? Number(s) : s)) });
    }
    return { issues };
  };
  return { '~standard': { version: 1, vendor: 'regie', validate } };
}

/** Text as typed, trimmed; empty is absent (the API's optional fields). */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Error types: a schema's or a mapped server issue's message is an i18n key (translated when shown, so a change of
 * language follows); `text` is the server's own words, shown as they came.
 */
export const SERVER_TEXT = 'text';

/** The error at a field's dot path (`errors.amount`), nested paths included. */
function errorAt(
  errors: FieldErrors | undefined,
  field: string,
): { type?: unknown; message?: unknown } | undefined {
  let node: unknown = errors;
  for (const part of field.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node as { type?: unknown; message?: unknown } | undefined;
}

/** The i18n key of a field's error (`errors.amount.message`), nested paths included. */
export function errorKey(errors: FieldErrors, field: string): string | undefined {
  const message = errorAt(errors, field)?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

/**
 * An error's text in the user's language: an i18n key translated now (a change of language follows) with
 * `params` (the same for every field of a form, e.g. the budget year), or the server's own words. Say which
 * error by the field's path in `errors`, or give the error itself.
 */
export function useErrorText(errors?: FieldErrors, params?: Record<string, unknown>) {
  const { t } = useTranslation();
  const say = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (target: string | { type?: string; message?: string } | undefined): string | undefined => {
    const error = typeof target === 'string' ? errorAt(errors, target) : target;
    const message = error?.message;
    if (typeof message !== 'string' || message === '') return undefined;
    return error?.type === SERVER_TEXT ? message : say(message, params);
  };
}
/** Every field error of a form, by dot path (`figures.0.label`; an array's own error at `figures`). */
export function flattenErrors(errors: FieldErrors<FieldValues>, prefix = ''): [string, FieldError][] {
  const out: [string, FieldError][] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const path = key === 'root' && prefix !== '' ? prefix.slice(0, -1) : `${prefix}${key}`;
    const error = value as FieldError;
    if (typeof error.message === 'string' && error.message !== '') out.push([path, error]);
    if (key !== 'ref') out.push(...flattenErrors(value as FieldErrors<FieldValues>, `${path}.`));
  }
  return out.filter(([path], i, all) => all.findIndex(([p]) => p === path) === i);
}

/** The errors in the order the page shows the fields (paths not listed last, as they came). */
export function orderedErrors(
  errors: FieldErrors<FieldValues>,
  order: readonly string[],
): [string, FieldError][] {
  const rank = (path: string) => {
    const i = order.indexOf(path);
    return i === -1 ? order.length : i;
  };
  return flattenErrors(errors)
    .filter(([path]) => path !== 'root' && !path.startsWith('root.'))
    .sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** Validates values as the form's resolver does: the API's input, or the message key per path (for tests). */
export async function validateForm<Values, Output>(
  schema: StandardSchema<Values, Output>,
  values: Values,
): Promise<{ ok: true; value: Output } | { ok: false; errors: Record<string, string> }> {
  const result = await schema['~standard'].validate(values);
  if (!result.issues) return { ok: true, value: result.value };
  return { ok: false, errors: Object.fromEntries(result.issues.map((i) => [issuePath(i), i.message])) };
}

/**
 * `useMutationError`'s `fieldOf` for a form: the deepest of the form's `fields` an issue path names, after
 * `prefix` is dropped (`relation.governance.escalationLadder.0` → the ladder); other paths go to the summary.
 */
export function deepestField(
  fields: readonly string[],
  prefix?: RegExp,
): (path: string) => string | undefined {
  const known = new Set(fields);
  return (path) => {
    const segments = (prefix ? path.replace(prefix, '') : path).split('.');
    for (let n = segments.length; n > 0; n--) {
      const candidate = segments.slice(0, n).join('.');
      if (candidate !== '' && known.has(candidate)) return candidate;
    }
    return undefined;
  };
}

/** A server refusal's field texts on a react-hook-form form (shown as they came, already in the user's language). */
export function setServerErrors(
  form: { setError: (name: never, error: { type: string; message: string }) => void },
  fieldErrors: Record<string, string>,
): void {
  for (const [path, message] of Object.entries(fieldErrors))
    form.setError(path as never, { type: SERVER_TEXT, message });
}
