import { isReason } from '@regie/core/browser';
import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../../i18n/reasons';
import { formatNumber, localeFor } from '../../lib/format';
import { useReasonFormat } from '../../lib/mutation-error';
import { type Column, DataTable } from '../../ui/DataTable';
import type { ImportReport } from './model';

interface ProblemLine {
  key: string;
  line: number;
  reference: string;
  field: string;
  reason: string;
}

/** The dry run's report: the counts, and a table of every error with its row, field and reason in words. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const format = useReasonFormat();
  const locale = localeFor(i18n.language);
  const fieldName = (field: string) =>
    i18n.exists(`registerImport.fieldNames.${field}`)
      ? t(`registerImport.fieldNames.${field}` as 'registerImport.fieldNames.reference')
      : field || '–';
  const problems: ProblemLine[] = report.rows.flatMap((row) =>
    row.problems.map((problem, index) => ({
      key: `${row.line}-${index}`,
      line: row.line,
      reference: row.reference,
      field: fieldName(problem.field),
      reason: isReason(problem.reason)
        ? reasonText(problem.reason, problem.params, format)
        : reasonText('request.invalid', {}, format),
    })),
  );
  const columns: Column<ProblemLine>[] = [
    {
      key: 'line',
      header: t('registerImport.line'),
      cell: (p) => formatNumber(p.line, locale),
      numeric: true,
    },
    {
      key: 'reference',
      header: t('fields.reference'),
      cell: (p) => p.reference || '–',
      rowHeader: true,
      nowrap: true,
    },
    { key: 'field', header: t('registerImport.field'), cell: (p) => p.field },
    { key: 'reason', header: t('registerImport.reason'), cell: (p) => p.reason },
  ];
  const n = (value: number) => formatNumber(value, locale);
  return (
    <>
      <Paragraph data-testid="import-counts">
        {t('registerImport.counts', {
          valid: n(report.counts.valid),
          exists: n(report.counts.exists),
          invalid: n(report.counts.invalid),
        })}
      </Paragraph>
      {problems.length === 0 ? (
        <Paragraph>{t('registerImport.noProblems')}</Paragraph>
      ) : (
        <DataTable
          caption={t('registerImport.problemsCaption')}
          captionVisible
          columns={columns}
          rows={problems}
          rowKey={(p) => p.key}
          rowTestId={(p) => `import-problem-${p.line}`}
          testId="import-problems"
        />
      )}
    </>
  );
}
