/**
 * The form adapter of the relation designer, roles, budget, report and organisation forms (branch forms). main's
 * schema-form.ts does the same job for the agreement, subsidy, Wgr and signing forms; the two are to be merged.
 */
import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';

/**
 * Forms validate with the API's own schemas (from `@regie/core/browser`), through react-hook-form's standard-schema
 * resolver. A form's values are what people type (`1.234,56`, ` 8123 4567 `); `parse` reads them into the API's
 * input once (with lib/format.ts), then the API's schema checks that input, and `message` names each issue with an
 * i18n key for the field it is on. Nothing is checked twice by hand: the server answers the same schema.
 */

/** The Standard Schema interface (https://standardschema.dev), as far as forms use it. */
export interface StandardSchema<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}
type StandardPath = readonly (PropertyKey | { readonly key: PropertyKey })[];
type StandardIssue = { readonly message: string; readonly path?: StandardPath | undefined };
type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly StandardIssue[] };

/** One issue of the API's schema, as a form names it: the dot path, zod's issue code and the value it was about. */
export interface SchemaIssue {
  path: string;
  code: string;
  value: unknown;
}

/** What `parse` returns: the API's input, and the fields whose text could not be read at all (path → i18n key). */
export interface Parsed {
  input: unknown;
  errors?: Record<string, string>;
  /** The form's path of an input path, where the input left rows out (a wholly empty row is no figure). */
  rename?: (path: string) => string;
}

export const dotPath = (path: StandardPath | undefined): string =>
  (path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment)).join('.');

function valueAt(input: unknown, path: string): unknown {
  if (path === '') return input;
  let value = input;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * A Standard Schema over a form's values: parse, check with the API's schema, then the rules that need more than
 * the input (`check`: a product line the agreement has, a motivation for another choice). At one path a parse
 * error wins over the schema's issue, and the first issue wins over later ones.
 */
export function formSchema<Values, Output>(options: {
  parse: (values: Values) => Parsed;
  schema: StandardSchema<unknown, Output>;
  message: (issue: SchemaIssue) => string;
  check?: (output: Output) => Record<string, string>;
  /** Where in the form's values the parsed input sits (`yearCeilings` for a list checked on its own). */
  at?: string;
}): StandardSchema<Values, Output> {
  const prefix = (path: string) => (options.at ? (path === '' ? options.at : `${options.at}.${path}`) : path);
  return {
    '~standard': {
      version: 1,
      vendor: 'regie',
      validate: async (values) => {
        const { input, errors = {}, rename = (path: string) => path } = options.parse(values as Values);
        const at = (path: string) => prefix(rename(path));
        const result = await options.schema['~standard'].validate(input);
        const issues = new Map<string, string>(Object.entries(errors));
        for (const issue of result.issues ?? []) {
          const own = dotPath(issue.path);
          const path = at(own);
          const code = (issue as { code?: unknown }).code;
          if (!issues.has(path))
            issues.set(
              path,
              options.message({
                path,
                code: typeof code === 'string' ? code : 'custom',
                value: valueAt(input, own),
              }),
            );
        }
        if (!result.issues && options.check) {
          for (const [path, key] of Object.entries(options.check(result.value)))
            if (!issues.has(path)) issues.set(path, key);
        }
        if (issues.size === 0 && !result.issues) return { value: result.value };
        return {
          issues: [...issues].map(([path, message]) => ({
            message,
            path: path === '' ? [] : path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
          })),
        };
      },
    },
  };
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
  return { ok: false, errors: Object.fromEntries(result.issues.map((i) => [dotPath(i.path), i.message])) };
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
