import { DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One line of the summary: its name links to the section that holds the detail. */
export function CockpitItem({
  id,
  href,
  label,
  children,
}: {
  id: string;
  href: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <DataListItem className="regie-cockpit__item" data-testid={`cockpit-${id}`}>
      <DataListKey className="regie-cockpit__key">
        <a href={href} className="utrecht-link">
          {label}
        </a>
      </DataListKey>
      <DataListValue className="regie-cockpit__value">{children}</DataListValue>
    </DataListItem>
  );
}

/** What a query item says while it loads or when it failed; null once there is data. */
export function useQueryState() {
  const { t } = useTranslation();
  return (q: { isPending: boolean; isError: boolean }): string | null =>
    q.isError ? t('cockpit.failed') : q.isPending ? t('cockpit.loading') : null;
}
