import { describe, expect, it } from 'vitest';
import type { ReasonFormat } from '../i18n/reasons';
import { describeError } from './describe-error';
import { formatDate, formatMoney } from './format';

const nl: ReasonFormat = {
  language: 'nl',
  label: (_key, fallback) => fallback,
  money: (cents) => formatMoney(cents, 'nl-NL'),
  date: (value) => formatDate(value, 'nl-NL'),
};

/** A TRPCClientError as the client hands it over: an Error with the formatter's `data`. */
const trpcError = (data: Record<string, unknown>, message = 'English for logs') =>
  Object.assign(new Error(message), { data });

describe('describeError', () => {
  it('puts validation issues at their fields in Dutch, an update’s data. prefix dropped', () => {
    const error = trpcError({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      reason: 'request.invalid',
      params: {},
      issues: [
        {
          path: 'data.title',
          message: 'Too big',
          reason: 'validation.too_big',
          params: { maximum: 200, origin: 'string' },
        },
        {
          path: 'reference',
          message: 'Invalid reference',
          reason: 'validation.invalid_format',
          params: { format: 'regex' },
        },
      ],
    });
    const described = describeError(error, nl, { fieldOf: (path) => (path === 'title' ? path : undefined) });
    expect(described.kind).toBe('invalid');
    expect(described.fieldErrors).toEqual({ title: 'Maximaal 200 tekens.' });
    expect(described.summary).toBe(
      'De invoer is niet geldig. Controleer de gemarkeerde velden. De opmaak is niet juist.',
    );
    expect(described.summary).not.toMatch(/English|Invalid/);
  });

  it('says a domain refusal from its reason key, with its parameters, never the English message', () => {
    const error = trpcError({
      code: 'BAD_REQUEST',
      reason: 'mandate.approvalRequired',
      params: { to: 'out_for_signature', thresholdCents: 5_000_000 },
      issues: [
        {
          path: 'to',
          message: 'Above the mandate…',
          reason: 'mandate.approvalRequired',
          params: { to: 'out_for_signature', thresholdCents: 5_000_000 },
        },
      ],
    });
    const described = describeError(error, nl, { fieldOf: () => undefined });
    expect(described.reason).toBe('mandate.approvalRequired');
    expect(described.summary).toMatch(/€\s50\.000,00/);
    expect(described.summary.match(/mandaatgrens/g)).toHaveLength(1);
  });

  it('has a default per kind, which a form replaces per kind or per reason key', () => {
    const conflict = trpcError({
      code: 'CONFLICT',
      reason: 'agreement.versionConflict',
      params: { version: 3, expectedVersion: 2 },
    });
    expect(describeError(conflict, nl).summary).toMatch(/intussen gewijzigd/);
    expect(describeError(conflict, nl, { messages: { 'agreement.versionConflict': 'X' } }).summary).toBe('X');
    const forbidden = trpcError({ code: 'FORBIDDEN', reason: 'request.forbidden', params: {} });
    expect(describeError(forbidden, nl).summary).toBe('U heeft geen rechten voor deze handeling.');
    expect(describeError(forbidden, nl, { messages: { forbidden: 'Eigen tekst' } }).summary).toBe(
      'Eigen tekst',
    );
    expect(describeError(trpcError({ code: 'NOT_FOUND', reason: 'agreement.notFound' }), nl).kind).toBe(
      'notFound',
    );
    expect(describeError(trpcError({ code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 }), nl).kind).toBe(
      'unavailable',
    );
    const network = describeError(new TypeError('Failed to fetch'), nl);
    expect(network.kind).toBe('network');
    expect(network.summary).toMatch(/niet bereikbaar/);
  });

  it('formats a refusal’s dates the Dutch way', () => {
    const error = trpcError({
      code: 'BAD_REQUEST',
      reason: 'subsidy.exOfficioTooEarly',
      params: { dueDate: '2026-03-04' },
    });
    expect(describeError(error, nl).summary).toContain('4-3-2026');
  });

  it('ignores a reason key this app does not know, and falls back to the kind', () => {
    const described = describeError(trpcError({ code: 'CONFLICT', reason: 'future.key', params: {} }), nl);
    expect(described.reason).toBeUndefined();
    expect(described.summary).toMatch(/intussen gewijzigd/);
  });
});
