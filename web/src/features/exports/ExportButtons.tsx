import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../lib/files';
import { useOutcome } from '../../lib/outcome';

/** The register's filters as the export's query string (the same names `agreement.find` takes). */
export function exportQuery(filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== '') params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** "Exporteer als CSV / Excel" for the register as it is filtered now (SPEC §5.5). */
export function RegisterExportButtons({ filters }: { filters: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const { announce, outcome } = useOutcome('export-outcome');
  async function run(format: 'csv' | 'xlsx') {
    setBusy(format);
    try {
      await downloadFile(`exports/register.${format}${exportQuery(filters)}`, `register.${format}`);
      announce(t('exports.done'));
    } catch {
      announce(t('exports.failed'));
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="regie-status-actions" data-testid="register-export">
      <Button
        appearance="secondary-action-button"
        busy={busy === 'csv'}
        disabled={busy !== null}
        onClick={() => void run('csv')}
      >
        {t('exports.csv')}
      </Button>
      <Button
        appearance="secondary-action-button"
        busy={busy === 'xlsx'}
        disabled={busy !== null}
        onClick={() => void run('xlsx')}
      >
        {t('exports.xlsx')}
      </Button>
      {outcome}
    </div>
  );
}

/** Downloads an agreement's audit trail as JSON lines, to verify offline with `npm run verify-audit`. */
export function AuditExportButton({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const { announce, outcome } = useOutcome('audit-export-outcome');
  async function run() {
    setBusy(true);
    try {
      await downloadFile(
        `exports/audit/${encodeURIComponent(agreementId)}.jsonl`,
        `audit-${agreementId}.jsonl`,
      );
      announce(t('exports.auditDone'));
    } catch {
      announce(t('exports.failed'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void run()}>
        {t('exports.audit')}
      </Button>
      {outcome}
    </>
  );
}
