import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type Agreement, type Me, spaceName } from '../../lib/agreements/model';
import { type AppLocale, formatDateLong, formatDateTime, localeFor } from '../../lib/format';
import {
  canReport,
  type Duty,
  type NextDue,
  periodLabel,
  type Report,
  reportPath,
} from '../../lib/reports/model';
import { dutyLabel, reportingFrequencyLabel } from '../../lib/steering/labels';
import { useTRPC } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { LateBadge, useNextDue } from './DueTable';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** Who delivered a report, by name where the page knows it (a party, the owner, one's own organisation). */
function organisationName(a: Agreement, me: Me | undefined, organisation: string): string {
  if (me?.space === organisation) return me.organisation.name;
  if (a.view === 'internal') {
    const party = a.parties.find((p) => p.providerSpace === organisation);
    return party ? party.name : spaceName(me, organisation);
  }
  return organisation === a.ownerSpace ? a.ownerName : organisation;
}

function NextDueText({ due, t, locale }: { due: NextDue | undefined; t: TFunction; locale: AppLocale }) {
  if (!due) return <>{t('reports.section.noneExpected')}</>;
  return (
    <>
      {t('reports.section.nextValue', {
        period: periodLabel(t, locale, due.period),
        date: formatDateLong(due.dueDate, locale),
      })}
      {due.overdue ? (
        <>
          {' '}
          <LateBadge />
        </>
      ) : null}
    </>
  );
}

function PeriodicTable({
  a,
  duties,
  canSubmit,
}: {
  a: Agreement;
  duties: readonly Duty[];
  canSubmit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const next = useNextDue(a);
  return (
    <>
      <StatusLine>{next.pending ? t('reports.section.dueLoading') : null}</StatusLine>
      {next.failed ? <Alert type="error">{t('reports.section.dueError')}</Alert> : null}
      <div className="regie-table-scroll">
        <Table className="regie-table" data-testid="periodic-duties">
          <TableCaption className="regie-visually-hidden">
            {t('reports.section.periodicCaption')}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('reports.section.duty')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('reports.section.frequency')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('reports.section.term')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('reports.section.next')}</TableHeaderCell>
              {canSubmit ? <TableHeaderCell scope="col">{t('reports.table.action')}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {duties.flatMap((duty) => {
              // Every provider party has its own due per duty: the municipality sees one row per party.
              const dues = next.rows?.filter((d) => d.dutyId === duty.id) ?? [];
              return (dues.length > 0 ? dues : [undefined]).map((due) => (
                <TableRow
                  key={`${duty.id}/${due?.party ?? ''}`}
                  data-testid={
                    dues.length > 1 && due?.party ? `duty-${duty.id}-${due.party}` : `duty-${duty.id}`
                  }
                >
                  <TableHeaderCell scope="row">
                    {duty.title}
                    {dues.length > 1 && due?.partyName ? ` — ${due.partyName}` : ''}
                  </TableHeaderCell>
                  <TableCell>{duty.frequency ? reportingFrequencyLabel(t, duty.frequency) : '—'}</TableCell>
                  <TableCell>
                    {duty.dueDays === undefined ? '—' : t('reports.section.dueDays', { count: duty.dueDays })}
                  </TableCell>
                  <TableCell>{next.rows ? <NextDueText due={due} t={t} locale={locale} /> : null}</TableCell>
                  {canSubmit ? (
                    <TableCell className="regie-nowrap">
                      {due ? (
                        <Link
                          href={reportPath(a.id, duty.id, due.period, due.party)}
                          className="utrecht-link"
                        >
                          {t('reports.submit')}
                          <span className="regie-visually-hidden">
                            {' '}
                            {t('reports.submitFor', {
                              reference: a.reference,
                              period: periodLabel(t, locale, due.period),
                            })}
                          </span>
                        </Link>
                      ) : null}
                    </TableCell>
                  ) : null}
                </TableRow>
              ));
            })}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

function EventTable({ duties }: { duties: readonly Duty[] }) {
  const { t } = useTranslation();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" data-testid="event-duties">
        <TableCaption className="regie-visually-hidden">{t('reports.section.eventCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('reports.section.duty')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('reports.section.event')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('reports.section.responseTime')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {duties.map((duty) => (
            <TableRow key={duty.id} data-testid={`duty-${duty.id}`}>
              <TableHeaderCell scope="row">{duty.title}</TableHeaderCell>
              <TableCell>{duty.event ? dutyLabel(t, duty.event) : '—'}</TableCell>
              <TableCell>
                {duty.responseDays === undefined
                  ? '—'
                  : t('reports.section.responseDays', { count: duty.responseDays })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function ReportItem({ a, me, report }: { a: Agreement; me: Me | undefined; report: Report }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const period = periodLabel(t, locale, report.period);
  const due = formatDateLong(report.dueDate, locale);
  const headingId = `report-${report.dutyId}-${report.period}-heading`;
  return (
    <li className="regie-report" data-testid={`report-${report.dutyId}-${report.period}`}>
      <article aria-labelledby={headingId}>
        <h4 className="regie-report__heading" id={headingId}>
          {t('reports.report.heading', { duty: report.dutyTitle, period })}
        </h4>
        <DataList className="regie-data-list regie-data-list--compact">
          <Item label={t('reports.report.submitted')}>
            {t('reports.report.submittedValue', {
              at: formatDateTime(report.submittedAt, locale),
              by: report.submittedByName ?? report.submittedBy,
            })}
          </Item>
          <Item label={t('reports.report.side')}>
            {t('reports.report.sideValue', {
              side: t(`reports.sides.${report.side}`),
              organisation: organisationName(a, me, report.organisation),
            })}
          </Item>
          {report.partyName ? <Item label={t('parties.column')}>{report.partyName}</Item> : null}
          <Item label={t('reports.report.timeliness')}>
            {report.late ? (
              <strong>{t('reports.report.late', { date: due })}</strong>
            ) : (
              t('reports.report.onTime', { date: due })
            )}
          </Item>
          <Item label={t('reports.report.summary')}>
            <span className="regie-multiline">{report.summary}</span>
          </Item>
          <Item label={t('reports.report.figures')}>
            {report.figures.length === 0 ? (
              t('reports.report.noFigures')
            ) : (
              <Table className="regie-table regie-table--compact">
                <TableCaption className="regie-visually-hidden">
                  {t('reports.report.figuresCaption', { duty: report.dutyTitle, period })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('reports.report.figureLabel')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('reports.report.figureValue')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {report.figures.map((figure, i) => (
                    // Figures are a list as delivered; a label may repeat, the order is the identity.
                    // biome-ignore lint/suspicious/noArrayIndexKey: a delivered report never changes
                    <TableRow key={i}>
                      <TableHeaderCell scope="row">{figure.label}</TableHeaderCell>
                      <TableCell>{figure.value}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Item>
        </DataList>
      </article>
    </li>
  );
}

function DeliveredReports({ a, me }: { a: Agreement; me: Me | undefined }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const reports = useQuery(trpc.report.list.queryOptions({ agreementId: a.id }));
  const rows = reports.data ?? [];
  return (
    <>
      <h3 className="regie-subheading" id="duties-delivered-heading">
        {t('reports.section.deliveredTitle')}
      </h3>
      <StatusLine>{reports.isPending ? t('reports.section.reportsLoading') : null}</StatusLine>
      {reports.isError ? <Alert type="error">{t('reports.section.reportsError')}</Alert> : null}
      {reports.isSuccess && rows.length === 0 ? (
        <Paragraph className="regie-empty">{t('reports.section.noReports')}</Paragraph>
      ) : null}
      {rows.length > 0 ? (
        <ol
          className="regie-reports"
          aria-labelledby="duties-delivered-heading"
          data-testid="delivered-reports"
        >
          {rows.map((report) => (
            <ReportItem
              key={`${report.dutyId}/${report.period}/${report.party ?? ''}`}
              a={a}
              me={me}
              report={report}
            />
          ))}
        </ol>
      ) : null}
    </>
  );
}

/**
 * "Informatieplichten" on the agreement page, in both views (both sides see the same duties): the periodic
 * reports with the next one due (and a link to deliver it for those who may), the events to notify with their
 * response time, and the reports delivered so far.
 */
export function DutiesSection({ a, me }: { a: Agreement; me: Me | undefined }) {
  const { t } = useTranslation();
  const periodic = a.duties.filter((d) => d.kind === 'periodic');
  const events = a.duties.filter((d) => d.kind === 'event');
  return (
    <Section id="duties" title={t('agreementDetail.sections.duties')}>
      {a.duties.length === 0 ? (
        <Paragraph className="regie-empty">{t('reports.section.none')}</Paragraph>
      ) : null}
      {periodic.length > 0 ? (
        <>
          <h3 className="regie-subheading">{t('reports.section.periodicTitle')}</h3>
          <PeriodicTable a={a} duties={periodic} canSubmit={canReport(me)} />
        </>
      ) : null}
      {events.length > 0 ? (
        <>
          <h3 className="regie-subheading">{t('reports.section.eventTitle')}</h3>
          <EventTable duties={events} />
        </>
      ) : null}
      {periodic.length > 0 ? <DeliveredReports a={a} me={me} /> : null}
    </Section>
  );
}
