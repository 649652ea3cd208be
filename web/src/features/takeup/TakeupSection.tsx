import '../../i18n/services-load';
import { useQuery } from '@tanstack/react-query';
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatNumber, localeFor } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { ChildDvoForm } from './ChildDvoForm';
import { ShareSwitch } from './ShareSwitch';
import { type Service, TakeupForm } from './TakeupForm';

/**
 * "Afname per gemeente" on a region's service agreement (issue 16 point 3): per member its start date, modules and
 * yearly price. The region sees every member in full and records take-up; a member sees its own row in full and
 * the others only as a total (the server cuts them down: `takeup.list`) — unless the region shares the details with
 * its members (`takeup.configure`, the switch shown to the region's users who may write).
 */
export function TakeupSection({
  agreementId,
  services,
  memberSpace,
}: {
  agreementId: string;
  services: readonly Service[];
  /** The caller's municipality when it may create its own DVO here (a member's inkoper or contract manager). */
  memberSpace?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const query = useQuery(trpc.takeup.list.queryOptions({ agreementId }));
  const [status, setStatus] = useState<string | null>(null);
  const view = query.data;
  const nameOf = (id: string) => services.find((s) => s.id === id)?.name ?? id;
  const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
  return (
    <Section id="takeup" title={t('services.takeup.title')}>
      <QueryState
        query={query}
        loading={t('services.takeup.loading')}
        error={t('services.takeup.loadError')}
        count={1}
      />
      {view ? (
        <>
          <Paragraph>
            {view.canWrite
              ? t('services.takeup.intro')
              : view.sharing.shareWithMembers
                ? t('services.takeup.sharedIntro')
                : t('services.takeup.memberIntro')}
          </Paragraph>
          {view.canWrite ? <ShareSwitch agreementId={agreementId} view={view} onDone={setStatus} /> : null}
          <div className="regie-table-scroll">
            <Table className="regie-table" data-testid="takeup-table">
              <TableCaption className="regie-visually-hidden">{t('services.takeup.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('services.takeup.member')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('services.takeup.startDate')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('services.takeup.modules')}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('services.takeup.yearly')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {view.rows.map((row) => (
                  <TableRow key={row.member} data-testid={`takeup-${row.member}`}>
                    <TableHeaderCell scope="row">{row.name}</TableHeaderCell>
                    <TableCell>{row.detail ? formatDate(row.detail.startDate, locale) : ''}</TableCell>
                    <TableCell>
                      {row.detail ? (
                        <ul className="regie-list">
                          {row.detail.modules.map((m) => (
                            <li key={m.serviceId}>
                              {nameOf(m.serviceId)}
                              {m.quantity !== undefined ? ` × ${formatNumber(m.quantity, locale)}` : ''}:{' '}
                              {formatMoney(m.cents, locale)}
                            </li>
                          ))}
                        </ul>
                      ) : row.totalCents === null ? (
                        t('services.takeup.none')
                      ) : (
                        t('services.takeup.totalOnly')
                      )}
                    </TableCell>
                    <TableCell className={numeric}>
                      {row.totalCents === null ? '' : formatMoney(row.totalCents, locale)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableHeaderCell scope="row" colSpan={3}>
                    {t('services.takeup.total')}
                  </TableHeaderCell>
                  <TableCell className={numeric} data-testid="takeup-total">
                    {formatMoney(view.totalCents, locale)}
                  </TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </div>
          <StatusLine>{status}</StatusLine>
          {view.canWrite ? (
            <TakeupForm
              agreementId={agreementId}
              view={view}
              services={services}
              locale={locale}
              onDone={setStatus}
            />
          ) : null}
          {memberSpace && view.rows.some((r) => r.member === memberSpace && r.detail) ? (
            <ChildDvoForm agreementId={agreementId} />
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
