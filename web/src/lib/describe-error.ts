import type { ParamValue, Reason } from '@regie/core/browser';
import { KIND_TEXTS, type ReasonFormat, reasonText } from '../i18n/reasons';
import { errorCode, errorIssues, errorReason, errorStatus } from './errors';

/**
 * A failed tRPC call described for the user: field errors by issue path and one general message from the
 * server's stable reason key, in the language of `format`. Pure; `useMutationError` (mutation-error.tsx) holds it
 * in state.
 */
export type ErrorKind =
  | 'invalid'
  | 'conflict'
  | 'forbidden'
  | 'notFound'
  | 'unauthorized'
  | 'unavailable'
  | 'network'
  | 'unknown';

export interface DescribedError {
  kind: ErrorKind;
  /** The server's reason key, when it sent one this app knows. */
  reason: Reason | undefined;
  params: Record<string, ParamValue>;
  /** Text per form field. */
  fieldErrors: Record<string, string>;
  /** The general message: the reason's text (or the kind's), followed by issues that have no field on the form. */
  summary: string;
}

export interface MutationErrorOptions {
  /** The form's field for an issue path (`data.` already dropped); `undefined` puts the issue in the summary. */
  fieldOf?: (path: string) => string | undefined;
  /** Replaces the general message for a reason key or for a whole kind (a reason key wins). */
  messages?: Partial<Record<Reason | ErrorKind, string>>;
  /** Called on a CONFLICT, after the state is set: e.g. refetch the object. */
  onConflict?: (error: DescribedError) => void;
  /** Called on every failure, after the state is set. */
  onFailure?: (error: DescribedError) => void;
}

/** Keys that only restate the kind: a form's message for the kind replaces them. */
const GENERIC = new Set<Reason>([
  'request.invalid',
  'request.unauthorized',
  'request.forbidden',
  'request.notFound',
  'request.conflict',
  'request.tooManyRequests',
  'request.failed',
  'server.internal',
  'server.unavailable',
]);

const KIND_REASON: Partial<Record<ErrorKind, Reason>> = {
  invalid: 'request.invalid',
  conflict: 'request.conflict',
  forbidden: 'request.forbidden',
  notFound: 'request.notFound',
  unauthorized: 'request.unauthorized',
  unavailable: 'server.unavailable',
};

function kindOf(error: unknown): ErrorKind {
  const code = errorCode(error);
  const status = errorStatus(error);
  if (code === 'BAD_REQUEST') return 'invalid';
  if (code === 'CONFLICT') return 'conflict';
  if (code === 'FORBIDDEN') return 'forbidden';
  if (code === 'NOT_FOUND') return 'notFound';
  if (code === 'UNAUTHORIZED') return 'unauthorized';
  if (code === 'TOO_MANY_REQUESTS' || (status !== undefined && status >= 500)) return 'unavailable';
  // No answer from the API at all: the request never arrived or no JSON came back.
  if (code === undefined && error instanceof Error) return 'network';
  return 'unknown';
}

/** Pure: a tRPC error → field errors and a general message in the language of `format`. */
export function describeError(
  error: unknown,
  format: ReasonFormat,
  options: Omit<MutationErrorOptions, 'onConflict' | 'onFailure'> = {},
): DescribedError {
  const kind = kindOf(error);
  const top = errorReason(error);
  const fieldOf = options.fieldOf ?? ((path: string) => path || undefined);
  const fieldErrors: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of errorIssues(error)) {
    const text = issue.reason
      ? reasonText(issue.reason, issue.params ?? {}, format)
      : reasonText('validation.custom', {}, format);
    const field = fieldOf(issue.path.replace(/^data(\.|$)/, ''));
    if (field) fieldErrors[field] ??= text;
    else if (!other.includes(text)) other.push(text);
  }
  const messages = options.messages ?? {};
  const specific = top && !GENERIC.has(top.reason) ? top : undefined;
  const placed = Object.keys(fieldErrors).length > 0;
  let main: string | undefined = top ? messages[top.reason] : undefined;
  // A refusal about a field the form shows is said there; the general message points to it.
  if (!main && specific && !(placed && kind === 'invalid'))
    main = reasonText(specific.reason, specific.params, format);
  main ??= messages[kind];
  if (!main) {
    const fallback = KIND_REASON[kind];
    main = fallback
      ? reasonText(fallback, {}, format)
      : KIND_TEXTS[textLanguage(format)][kind === 'network' ? 'network' : 'unknown'];
  }
  const summary = [main, ...other.filter((text) => text !== main)].join(' ');
  return { kind, reason: top?.reason, params: top?.params ?? {}, fieldErrors, summary };
}

const textLanguage = (format: ReasonFormat) => (format.language.startsWith('en') ? 'en' : 'nl');
