import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReasonFormat } from '../i18n/reasons';
import {
  type DescribedError,
  describeError,
  type ErrorKind,
  type MutationErrorOptions,
} from './describe-error';
import { focusSoon } from './form';
import { formatDate, formatMoney, localeFor } from './format';

/**
 * The one way a form turns a failed mutation into what the user reads (issue 12 point 3):
 *
 *   const failure = useMutationError({ fieldOf: (path) => (FIELDS.includes(path) ? path : undefined),
 *                                      onConflict: () => void query.refetch() });
 *   useMutation({ ..., onError: failure.onError, onSuccess: () => failure.reset() });
 *   // or, per call: onError: (error) => failure.handle(error, { messages: { conflict: t('x.conflict') } })
 *   <Textfield invalid={!!failure.fieldErrors.title} … />  <MutationErrorAlert failure={failure} />
 *
 * Field errors land at their field (by the path, an update's `data.` prefix dropped); everything else makes
 * one general message from the server's stable reason key (web/src/i18n/reasons.ts), in the user's language —
 * never the server's English. Each kind has a sensible default (CONFLICT: someone else changed it, reload;
 * FORBIDDEN; NOT_FOUND; network and 5xx: try again), which a form may replace: `messages[reason]` first, then the
 * text of a specific reason key (`mandate.approvalRequired`), then `messages[kind]`, then the kind's default.
 */

/** The formatting of reason parameters for the current language (Dutch formats by default). */
export function useReasonFormat(): ReasonFormat {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  return {
    language: i18n.language ?? 'nl',
    label: (key, fallback) => (i18n.exists(key) ? String(t(key as never)) : fallback),
    money: (cents) => formatMoney(cents, locale),
    date: (value) => formatDate(value, locale),
  };
}

export interface MutationErrorState {
  /** Pass as a mutation's `onError` (it reads only the error). */
  onError: (error: unknown) => void;
  /** The same, with `overrides` replacing the hook's options for this one failure. */
  handle: (error: unknown, overrides?: MutationErrorOptions) => void;
  error: DescribedError | null;
  fieldErrors: Record<string, string>;
  summary: string | null;
  kind: ErrorKind | null;
  /** Clears everything (on a new attempt or success). */
  reset: () => void;
  /** Attach to the element that shows `summary`: it gets focus when an error arrives. */
  summaryRef: React.RefObject<HTMLDivElement | null>;
}

export type { DescribedError, ErrorKind, MutationErrorOptions };

export function useMutationError(options: MutationErrorOptions = {}): MutationErrorState {
  const format = useReasonFormat();
  const [error, setError] = useState<DescribedError | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const latest = useRef({ options, format });
  latest.current = { options, format };

  const handle = useCallback((raw: unknown, overrides?: MutationErrorOptions) => {
    const merged = { ...latest.current.options, ...overrides };
    const described = describeError(raw, latest.current.format, merged);
    setError(described);
    focusSoon(() => summaryRef.current);
    if (described.kind === 'conflict') merged.onConflict?.(described);
    merged.onFailure?.(described);
  }, []);
  const onError = useCallback((raw: unknown) => handle(raw), [handle]);
  const reset = useCallback(() => setError(null), []);

  return {
    onError,
    handle,
    error,
    fieldErrors: error?.fieldErrors ?? {},
    summary: error?.summary ?? null,
    kind: error?.kind ?? null,
    reset,
    summaryRef,
  };
}

/** The general message of a failed mutation as an alert, focusable, read out when it appears. */
export function MutationErrorAlert({ failure, testId }: { failure: MutationErrorState; testId?: string }) {
  return (
    <div ref={failure.summaryRef} tabIndex={-1} className="regie-outcome" aria-live="polite">
      {failure.summary ? (
        <Alert type="error" data-testid={testId}>
          <Paragraph>{failure.summary}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
