import { isReason, type ParamValue, type Reason } from '@regie/core/browser';

/**
 * Reading tRPC errors without trusting their shape: the server's error formatter puts `code`, `httpStatus`, the
 * stable `reason` key with its `params` and, for BAD_REQUEST, `issues: { path, message, reason, params }[]` in
 * `error.data`. Everything is checked at runtime so a change on the server degrades to a generic message instead
 * of a crash. Show the text of the reason (web/src/i18n/reasons.ts), never the English `message`.
 */

export interface FieldIssue {
  path: string;
  /** English, for logs: never shown to the user. */
  message: string;
  reason?: Reason;
  params?: Record<string, ParamValue>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function errorData(error: unknown): Record<string, unknown> | undefined {
  if (!isRecord(error)) return undefined;
  const data = error.data;
  return isRecord(data) ? data : undefined;
}

/** The tRPC error code (`BAD_REQUEST`, `CONFLICT`, …), when the server sent one. */
export function errorCode(error: unknown): string | undefined {
  const code = errorData(error)?.code;
  return typeof code === 'string' ? code : undefined;
}

function paramsOf(value: unknown): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  if (!isRecord(value)) return params;
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || v === null) params[name] = v;
  }
  return params;
}

/** The refusal's stable reason key and its parameters, when the server sent a key this app knows. */
export function errorReason(
  error: unknown,
): { reason: Reason; params: Record<string, ParamValue> } | undefined {
  const data = errorData(error);
  if (!isReason(data?.reason)) return undefined;
  return { reason: data.reason, params: paramsOf(data.params) };
}

/** The HTTP status behind a tRPC error, when known. */
export function errorStatus(error: unknown): number | undefined {
  const status = errorData(error)?.httpStatus;
  return typeof status === 'number' ? status : undefined;
}

/** The field issues of a BAD_REQUEST. A path may be a dot path (`a.b`) or an array of segments. */
export function errorIssues(error: unknown): FieldIssue[] {
  const issues = errorData(error)?.issues;
  if (!Array.isArray(issues)) return [];
  const result: FieldIssue[] = [];
  for (const issue of issues) {
    if (!isRecord(issue) || typeof issue.message !== 'string') continue;
    const path = Array.isArray(issue.path) ? issue.path.join('.') : issue.path;
    result.push({
      path: typeof path === 'string' ? path : '',
      message: issue.message,
      ...(isReason(issue.reason) ? { reason: issue.reason, params: paramsOf(issue.params) } : {}),
    });
  }
  return result;
}

/** The first issue per top-level field: that is the one shown next to the field. */
export function firstIssuePerField(issues: FieldIssue[]): Map<string, string> {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  return byField;
}
