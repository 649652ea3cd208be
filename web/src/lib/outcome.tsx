import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { focusSoon } from './form';

/**
 * The outcome line of a section: `announce(text)` shows a result ("Opgeslagen", "Opgeschaald naar …"), reads it
 * out (aria-live) and moves focus to it, so keyboard and screen-reader users land where the news is.
 */
export function useOutcome(testId: string): { announce: (text: string) => void; outcome: ReactNode } {
  const [notice, setNotice] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const announce = useCallback((text: string) => {
    setNotice(text);
    focusSoon(() => ref.current);
  }, []);
  const outcome = (
    <div ref={ref} tabIndex={-1} className="regie-outcome" aria-live="polite" data-testid={testId}>
      {notice ? <Paragraph>{notice}</Paragraph> : null}
    </div>
  );
  return { announce, outcome };
}

/**
 * What a list section says when its query failed (with a retry) or came back empty. Loading is announced by
 * each section's own status line, which also carries its counts.
 */
export function ListState({
  query,
  empty,
  error,
  isEmpty,
  retry,
}: {
  query: { isError: boolean; isSuccess: boolean; refetch: () => unknown };
  empty: string;
  error: string;
  isEmpty: boolean;
  retry: string;
}) {
  return (
    <>
      {query.isError ? (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
          <Button appearance="secondary-action-button" onClick={() => void query.refetch()}>
            {retry}
          </Button>
        </Alert>
      ) : null}
      {query.isSuccess && isEmpty ? <Paragraph className="regie-empty">{empty}</Paragraph> : null}
    </>
  );
}
