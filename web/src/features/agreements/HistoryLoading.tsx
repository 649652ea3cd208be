import { Alert } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { StatusLine } from '../../ui/StatusLine';

/** The loading line and error of a history section (VersionsSection, AuditSection). */
export function Loading({
  pending,
  failed,
  what,
}: {
  pending: boolean;
  failed: boolean;
  what: 'versions' | 'audit';
}) {
  const { t } = useTranslation();
  return (
    <>
      <StatusLine>{pending ? t(`${what}.loading`) : null}</StatusLine>
      {failed ? <Alert type="error">{t(`${what}.error`)}</Alert> : null}
    </>
  );
}
