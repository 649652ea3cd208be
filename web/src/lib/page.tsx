import { Heading1 } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title (`<page> · Regie`): the first thing a screen reader announces after navigating. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { page });
  }, [t, page]);
}

let firstHeading = true;

/**
 * The page's h1. After a client-side navigation it takes focus (so keyboard and screen-reader users start at
 * the new content, as after a full page load); on the first page load focus stays at the top of the document.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstHeading) {
      firstHeading = false;
      return;
    }
    ref.current?.focus();
  }, []);
  return (
    <Heading1 ref={ref} tabIndex={-1} className="regie-page-heading">
      {children}
    </Heading1>
  );
}
