/** The domain's own error. The API maps `code` to an HTTP/tRPC error in one place (packages/api/src/errors.ts). */
export type DomainErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAVAILABLE';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** The input field the error is about, when there is one (dot path). */
  readonly field: string | undefined;

  constructor(code: DomainErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}

export const notFound = (what = 'Object') => new DomainError('NOT_FOUND', `${what} not found`);
