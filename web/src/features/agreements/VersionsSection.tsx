import '../../i18n/services-load';
import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type DiffRow, diffTerms } from '../../lib/agreements/diff';
import { lineFieldLabel, termFieldLabel } from '../../lib/agreements/labels';
import type { TermsVersion } from '../../lib/agreements/model';
import { type AppLocale, formatDateTime, formatNumber, localeFor } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { LoadStatus } from '../../ui/LoadStatus';
import { Section } from '../../ui/Section';
import { TableCell, TableFrame, TableHeaderCell, TableRow } from '../../ui/TableFrame';
import { lineValueText, termValueText } from './present';

function diffCells(t: TFunction, locale: AppLocale, row: DiffRow): [string, string, string] {
  switch (row.kind) {
    case 'field':
      return [
        termFieldLabel(t, row.field),
        termValueText(t, locale, row.field, row.before),
        termValueText(t, locale, row.field, row.after),
      ];
    case 'line':
      return [
        t('versions.lineField', { code: row.code, field: lineFieldLabel(t, row.field) }),
        lineValueText(t, locale, row.field, row.before),
        lineValueText(t, locale, row.field, row.after),
      ];
    case 'lineAdded':
      return [
        t('versions.lineAdded', { code: row.code }),
        t('agreementDetail.none'),
        termValueText(t, locale, 'productLines', [row.line]),
      ];
    case 'lineRemoved':
      return [
        t('versions.lineRemoved', { code: row.code }),
        termValueText(t, locale, 'productLines', [row.line]),
        t('agreementDetail.none'),
      ];
  }
}

function VersionDiff({ version, previous }: { version: TermsVersion; previous: TermsVersion | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  if (!previous) return <Paragraph>{t('versions.first')}</Paragraph>;
  const rows = diffTerms(previous.terms, version.terms);
  if (rows.length === 0) return <Paragraph>{t('versions.noChanges')}</Paragraph>;
  return (
    <TableFrame
      caption={t('versions.caption', { version: version.version, previous: previous.version })}
      captionVisible
      testId={`diff-${version.version}`}
      head={
        <>
          <TableHeaderCell scope="col">{t('versions.field')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('versions.old')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('versions.new')}</TableHeaderCell>
        </>
      }
    >
      {rows.map((row) => {
        const [field, before, after] = diffCells(t, locale, row);
        return (
          <TableRow key={field}>
            <TableHeaderCell scope="row">{field}</TableHeaderCell>
            <TableCell>
              <del className="regie-diff__old">{before}</del>
            </TableCell>
            <TableCell>
              <ins className="regie-diff__new">{after}</ins>
            </TableCell>
          </TableRow>
        );
      })}
    </TableFrame>
  );
}

/**
 * Every version of the terms, newest first, each with what it changed against the one before (SPEC §3:
 * amendments keep earlier versions readable and diffable). The newest is open; the others open on request.
 */
export function VersionsSection({ id, version }: { id: string; version: number }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const versions = useQuery(trpc.agreement.versions.queryOptions({ id }));
  const list = [...(versions.data ?? [])].sort((a, b) => a.version - b.version);
  const newest = list.at(-1)?.version;
  return (
    <Section id="versions" title={t('agreementDetail.sections.versions')}>
      <LoadStatus query={versions} loading={t('versions.loading')} error={t('versions.error')} />
      {list.length > 0 ? (
        <>
          <Paragraph className="regie-hint">
            {t('versions.intro', { count: list.length, version: formatNumber(version, locale) })}
          </Paragraph>
          <ol className="regie-versions" reversed>
            {list
              .map((v, i) => ({ v, previous: list[i - 1] }))
              .reverse()
              .map(({ v, previous }) => (
                <li key={v.version} className="regie-versions__item" data-testid={`version-${v.version}`}>
                  <details open={v.version === newest}>
                    <summary className="regie-versions__summary">
                      {t('versions.summary', {
                        version: v.version,
                        at: formatDateTime(v.at, locale),
                        by: v.byName ?? v.by,
                      })}
                    </summary>
                    <VersionDiff version={v} previous={previous} />
                  </details>
                </li>
              ))}
          </ol>
        </>
      ) : null}
    </Section>
  );
}
