import type { ReactNode } from 'react';

/**
 * The live line a page, section or form says what it is busy with ("Budget laden…", "Opslaan…") or a count:
 * one polite `role="status"` region that stays in the page, so a screen reader hears each new text once.
 * `hidden` keeps it for screen readers only (a form's announcements that the page already shows).
 */
export function StatusLine({
  children,
  hidden = false,
  testId,
}: {
  children?: ReactNode;
  hidden?: boolean;
  testId?: string;
}) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={hidden ? 'regie-visually-hidden' : 'regie-status'}
      data-testid={testId}
    >
      {children === false || children === undefined || children === '' ? null : children}
    </div>
  );
}

/** The loading text while a query is pending, else nothing: the common case of a status line. */
export function loadingText(query: { isPending: boolean }, text: string): string | null {
  return query.isPending ? text : null;
}
