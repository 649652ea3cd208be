import type { ReactNode } from 'react';
import { describedBy } from '../lib/form';

/** The fieldset's classes: invalid when it carries an error, plus the caller's own. */
export const fieldsetClass = (error?: string, className?: string) =>
  ['regie-fieldset', error ? 'regie-fieldset--invalid' : '', className ?? ''].filter(Boolean).join(' ');

/**
 * A group of fields with its legend, an optional hint, and its error, both tied to the group by
 * aria-describedby. Focusable from script, so an error summary's link can move focus to the group.
 */
export function Fieldset({
  id,
  legend,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  legend: ReactNode;
  hint?: string;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={fieldsetClass(error, className)}
      aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
    >
      <legend className="regie-fieldset__legend">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="regie-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="utrecht-form-field-error-message">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** A visually hidden addition to a button's visible text, so "Verwijderen" says which row. */
export function Hidden({ children }: { children: ReactNode }) {
  return <span className="regie-visually-hidden">{children}</span>;
}
