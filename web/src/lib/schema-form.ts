import type { FieldErrors, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * Forms validated with the API's own schemas (issue 12). A form holds what a person typed — Dutch amounts
 * ("1.234,56"), dates, empty fields — and `formSchema` turns that into the API's input, validates it with the
 * schema the API uses (from `@regie/core/browser`, a Standard Schema), and names every issue at a form field by an
 * i18n key. The result is itself a Standard Schema, for `standardSchemaResolver` of `@hookform/resolvers`.
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

/** The part of the Standard Schema interface a form needs (structurally what `@standard-schema/spec` declares). */
export interface StandardSchema<I, O> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<O> | Promise<Result<O>>;
    readonly types?: { readonly input: I; readonly output: O } | undefined;
  };
}

/** Where an issue is shown: a form field (or `root` for the form as a whole) and the i18n key that says it. */
export interface FormIssue {
  field: string;
  key: string;
}

/** The dotted path of an issue (`opinion.answered`); empty for the input as a whole. */
export function issuePath(issue: SchemaIssue): string {
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

export function formSchema<Values extends FieldValues, Input>(spec: {
  /** The API's schema for the procedure the form calls. */
  schema: StandardSchema<unknown, Input>;
  /** Typed values → the API's input; what cannot even be read (an amount in words) is an issue already. */
  read: (values: Values) => { input: unknown; issues?: FormIssue[] };
  /** An issue of the API schema → where the form shows it. */
  explain: (issue: SchemaIssue) => FormIssue;
  /**
   * A rule of core that is a function rather than part of the schema (it throws an error naming its `field`);
   * run on the validated input.
   */
  check?: (input: Input) => void;
}): StandardSchema<Values, Input> {
  const validate = async (values: unknown): Promise<Result<Input>> => {
    const { input, issues: readIssues = [] } = spec.read(values as Values);
    const result = await spec.schema['~standard'].validate(input);
    const found: FormIssue[] = [...readIssues, ...(result.issues ?? []).map(spec.explain)];
    if (!result.issues && found.length === 0 && spec.check) {
      try {
        spec.check(result.value);
      } catch (error) {
        const field = error instanceof Error && 'field' in error ? error.field : undefined;
        if (!(error instanceof Error) || typeof field !== 'string') throw error;
        found.push(spec.explain({ message: error.message, path: field.split('.'), code: 'domain' }));
      }
    }
    if (found.length === 0 && !result.issues) return { value: result.value };
    // One message per field, the first found: what could not be read comes before what the schema says.
    const seen = new Set<string>();
    const issues: SchemaIssue[] = [];
    for (const { field, key } of found) {
      if (seen.has(field)) continue;
      seen.add(field);
      issues.push({ message: key, path: field === 'root' ? [] : field.split('.') });
    }
    return { issues };
  };
  return { '~standard': { version: 1, vendor: 'regie', validate } };
}

/** The i18n key of a field's error (`errors.amount.message`), nested paths included. */
export function errorKey(errors: FieldErrors, field: string): string | undefined {
  let node: unknown = errors;
  for (const part of field.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

/**
 * A field's error in the user's language: the key the form's schema set, said with `params` (the same for every
 * field of a form, e.g. the budget year).
 */
export function useErrorText(errors: FieldErrors, params?: Record<string, unknown>) {
  const { t } = useTranslation();
  const say = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (field: string): string | undefined => {
    const key = errorKey(errors, field);
    return key ? say(key, params) : undefined;
  };
}
