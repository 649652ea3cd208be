import '../../i18n/pc-load';
import { type ParagraphRow, PC_PARAGRAPH_ROLES } from '@regie/core/browser';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../lib/files';
import { Field } from '../../lib/form';
import { type AppLocale, formatMoney, localeFor } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC } from '../../lib/trpc';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { paragraphDefaultYear } from './model';

/**
 * `/verbonden-partijen`: the municipality's own paragraaf verbonden partijen for a year (BBV art. 15, issue 16
 * point 5), grouped by legal form, with CSV and Excel exports of the same rows (`/files/exports/verbonden-partijen`).
 * A user whose roles do not read it (a region's coordinator, a provider) is told so and nothing is called.
 */
export function ParagraphPage() {
  const { t } = useTranslation();
  usePageTitle(t('pc.paragraph.title'));
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const allowed = (me.data?.roles ?? []).some((r) => (PC_PARAGRAPH_ROLES as readonly string[]).includes(r));
  return (
    <div className="regie-paragraph">
      <PageHeading>{t('pc.paragraph.title')}</PageHeading>
      {me.data && !allowed ? <Paragraph>{t('pc.paragraph.notForYou')}</Paragraph> : null}
      {me.data && allowed ? <ParagraphView organisation={me.data.organisation.name} /> : null}
    </div>
  );
}

function ParagraphView({ organisation }: { organisation: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const [year, setYear] = useState(() => paragraphDefaultYear());
  const query = useQuery(trpc.pc.paragraph.queryOptions({ year }));
  const data = query.data;
  const rows = data?.groups.reduce((n, g) => n + g.rows.length, 0) ?? 0;
  const years = [year - 2, year - 1, year, year + 1, year + 2].filter((y, i, all) => all.indexOf(y) === i);
  const base = paragraphDefaultYear();
  const options = [...new Set([base - 2, base - 1, base, base + 1, base + 2, ...years])].sort();
  return (
    <>
      <Paragraph>{t('pc.paragraph.intro', { name: organisation, year })}</Paragraph>
      <div className="regie-form">
        <Field id="paragraph-year" label={t('pc.paragraph.year')} error={undefined}>
          {(props) => (
            <Select
              {...props}
              name="year"
              value={String(year)}
              onChange={(e) => setYear(Number(e.target.value))}
            >
              {options.map((y) => (
                <SelectOption key={y} value={String(y)}>
                  {y}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <ExportButtons year={year} />
      <QueryState
        query={query}
        count={rows}
        loading={t('pc.paragraph.loading')}
        error={t('pc.paragraph.error')}
        empty={t('pc.paragraph.empty')}
      />
      {data && rows > 0 ? (
        <Paragraph data-testid="paragraph-complete">
          {data.complete ? t('pc.paragraph.complete') : t('pc.paragraph.incomplete')}
        </Paragraph>
      ) : null}
      {data?.groups.map((g) => (
        <Section key={g.legalForm} id={`vp-${g.legalForm}`} title={t(`pc.groups.${g.legalForm}`)}>
          <GroupTable
            rows={g.rows}
            caption={t('pc.paragraph.caption', { group: t(`pc.groups.${g.legalForm}`) })}
            locale={locale}
          />
        </Section>
      ))}
    </>
  );
}

function ExportButtons({ year }: { year: number }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const { announce, outcome } = useOutcome('paragraph-export-outcome');
  async function run(format: 'csv' | 'xlsx') {
    setBusy(format);
    try {
      await downloadFile(
        `exports/verbonden-partijen/${year}.${format}`,
        `verbonden-partijen-${year}.${format}`,
      );
      announce(t('pc.paragraph.exported'));
    } catch {
      announce(t('pc.paragraph.exportFailed'));
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="regie-status-actions" data-testid="paragraph-export">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          appearance="secondary-action-button"
          busy={busy === format}
          disabled={busy !== null}
          onClick={() => void run(format)}
        >
          {t(`pc.paragraph.${format}`)}
        </Button>
      ))}
      {outcome}
    </div>
  );
}

function GroupTable({ rows, caption, locale }: { rows: ParagraphRow[]; caption: string; locale: AppLocale }) {
  const { t } = useTranslation();
  const money = (cents: number | null) =>
    cents === null ? t('pc.paragraph.missingValue') : formatMoney(cents, locale);
  const pair = (a: number | null, b: number | null) => `${money(a)} / ${money(b)}`;
  const text = (value: string | null) => value ?? t('pc.paragraph.missingValue');
  return (
    // Ten columns scroll sideways on a narrow screen: the scrolling region is reachable by keyboard and named.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take keyboard focus (WCAG 2.1.1)
    <section className="regie-table-scroll" tabIndex={0} aria-label={caption}>
      <Table className="regie-table">
        <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('pc.paragraph.party')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.paragraph.publicInterest')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.paragraph.governanceInterest')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.paragraph.contribution')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.paragraph.interest')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.paragraph.equity')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.paragraph.debt')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.paragraph.result')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.paragraph.risks')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.paragraph.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.agreementId} data-testid={`vp-${r.reference}`}>
              <TableHeaderCell scope="row">
                {r.partyName}
                <br />
                <span className="regie-hint">{r.reference}</span>
              </TableHeaderCell>
              <TableCell>{text(r.publicInterest)}</TableCell>
              <TableCell>{text(r.governanceInterest)}</TableCell>
              <TableCell className="regie-nowrap">{money(r.contributionCents)}</TableCell>
              <TableCell className="regie-nowrap">
                {pair(r.interestStartCents, r.interestEndCents)}
                {r.interestSource === 'equity_share' ? (
                  <>
                    <br />
                    <span className="regie-hint">{t('pc.paragraph.equityShare')}</span>
                  </>
                ) : null}
              </TableCell>
              <TableCell className="regie-nowrap">{pair(r.equityStartCents, r.equityEndCents)}</TableCell>
              <TableCell className="regie-nowrap">{pair(r.debtStartCents, r.debtEndCents)}</TableCell>
              <TableCell className="regie-nowrap">{money(r.resultCents)}</TableCell>
              <TableCell>
                {text(r.uncoveredRisks)}
                {r.missing.length > 0 ? (
                  <>
                    <br />
                    {t('pc.paragraph.missing', {
                      fields: r.missing.map((f) => t(`pc.fields.${f}`)).join(', '),
                    })}
                  </>
                ) : null}
              </TableCell>
              <TableCell>
                {r.provisional === null
                  ? t('pc.paragraph.missingValue')
                  : r.provisional
                    ? t('pc.paragraph.provisional')
                    : t('pc.paragraph.definitive')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
