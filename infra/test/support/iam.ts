/**
 * Just enough of IAM policy evaluation to check Regie's DynamoDB policies offline: Allow statements, action
 * and resource matching, `StringLike`/`StringEquals` with the `ForAllValues:` and `…IfExists` forms,
 * `${aws:PrincipalTag/…}` variables and `aws:PrincipalTag/…` condition keys. Used by the infra and functions
 * tests (never by deployed code).
 */
export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** One authorisation check, as DynamoDB makes it per item action. */
export interface Request {
  action: string;
  resource: string;
  /** `dynamodb:LeadingKeys`: the partition key values of the request (the index's for an index query). */
  leadingKeys: string[];
  /** `dynamodb:ReturnValues`, when the request names one. */
  returnValues?: string;
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const compiled = new Map<string, RegExp>();

/** IAM `StringLike` semantics for the two wildcards, `*` and `?`. */
export function iamStringLike(pattern: string, value: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    regex = new RegExp(`^${source}$`);
    compiled.set(pattern, regex);
  }
  return regex.test(value);
}

/** Resolves `${aws:PrincipalTag/key}`; a missing tag makes the pattern match nothing. */
export function resolveVariables(pattern: string, tags: Record<string, string>): string | null {
  let missing = false;
  const resolved = pattern.replace(/\$\{aws:PrincipalTag\/([^}]+)\}/g, (_, key: string) => {
    const value = tags[key];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : resolved;
}

function contextValues(request: Request, key: string, tags: Record<string, string>): string[] | undefined {
  if (key === 'dynamodb:LeadingKeys') return request.leadingKeys;
  if (key === 'dynamodb:ReturnValues') return request.returnValues ? [request.returnValues] : undefined;
  // The session's tags (a missing tag is a missing key: only the `…IfExists` forms hold without it).
  const tag = /^aws:PrincipalTag\/(.+)$/.exec(key)?.[1];
  if (tag !== undefined) return tags[tag] === undefined ? undefined : [tags[tag]];
  throw new Error(`condition key ${key} is not emulated`);
}

function conditionHolds(
  operator: string,
  key: string,
  expected: unknown,
  request: Request,
  tags: Record<string, string>,
) {
  const patterns = asArray(expected as string | string[])
    .map((p) => resolveVariables(p, tags))
    .filter((p): p is string => p !== null);
  const values = contextValues(request, key, tags);
  const [qualifier, rawOp] = operator.includes(':') ? operator.split(':') : [null, operator];
  const ifExists = rawOp!.endsWith('IfExists');
  const op = ifExists ? rawOp!.slice(0, -'IfExists'.length) : rawOp!;
  const match =
    op === 'StringLike'
      ? (v: string) => patterns.some((p) => iamStringLike(p, v))
      : op === 'StringEquals'
        ? (v: string) => patterns.includes(v)
        : null;
  if (!match) throw new Error(`operator ${operator} is not emulated`);
  if (qualifier === 'ForAllValues') return (values ?? []).every(match);
  if (qualifier === 'ForAnyValue') return (values ?? []).some(match);
  if (values === undefined) return ifExists;
  return values.some(match);
}

export function statementAllows(statement: Statement, request: Request, tags: Record<string, string> = {}) {
  if (statement.Effect !== 'Allow') return false;
  if (!asArray(statement.Action).some((a) => iamStringLike(a, request.action))) return false;
  const resources = asArray(statement.Resource as string | string[]);
  if (!resources.some((r) => typeof r === 'string' && iamStringLike(r, request.resource))) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, entries]) =>
    Object.entries(entries).every(([key, expected]) =>
      conditionHolds(operator, key, expected, request, tags),
    ),
  );
}

/** Allowed by at least one statement (these policies have no Deny statements). */
export function policyAllows(statements: Statement[], request: Request, tags: Record<string, string> = {}) {
  return statements.some((statement) => statementAllows(statement, request, tags));
}
