import { isNotificationPending } from '@regie/core/browser';
import { useQuery } from '@tanstack/react-query';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { isProviderUser, type Me } from '../../lib/agreements/model';
import { type AppLocale, formatDateLong, formatDateTime, formatNumber, localeFor } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { useTRPC } from '../../lib/trpc';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { FileNotificationForm } from './FileNotificationForm';
import { canFile, canRespond, type FiledNotification, type NotificationEntry, overdue } from './model';
import { RespondForm } from './RespondForm';

type Duty = { id?: string; kind: string; title: string; event?: string | null; responseDays?: number | null };

function Item({
  n,
  today,
  locale,
  showParty,
  respond,
  onDone,
}: {
  n: FiledNotification;
  today: string;
  locale: AppLocale;
  showParty: boolean;
  respond: boolean;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = `notification-${n.id}-heading`;
  const late = overdue(n, today);
  return (
    <article className="regie-subsection" aria-labelledby={headingId} data-testid={`notification-${n.id}`}>
      <h3 className="regie-subheading" id={headingId}>
        {n.dutyTitle}
      </h3>
      <DataList className="regie-data-list">
        {showParty ? (
          <DataListItem>
            <DataListKey>{t('notifications.party')}</DataListKey>
            <DataListValue>{n.partyName}</DataListValue>
          </DataListItem>
        ) : null}
        <DataListItem>
          <DataListKey>{t('notifications.filedAt')}</DataListKey>
          <DataListValue>
            <time dateTime={n.filedAt}>{formatDateTime(n.filedAt, locale)}</time>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('notifications.state')}</DataListKey>
          <DataListValue data-testid={`notification-state-${n.id}`}>
            {t(`notifications.states.${n.state}`)}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('notifications.deadline')}</DataListKey>
          <DataListValue data-testid={`notification-deadline-${n.id}`}>
            <time dateTime={n.deadline}>{formatDateLong(n.deadline, locale)}</time>
            {late ? (
              <>
                {' '}
                <strong className="regie-badge regie-badge--late">{t('notifications.overdue')}</strong>
              </>
            ) : null}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('notifications.description')}</DataListKey>
          <DataListValue>
            <span className="regie-multiline">{n.description}</span>
          </DataListValue>
        </DataListItem>
        {n.figures.length > 0 ? (
          <DataListItem>
            <DataListKey>{t('notifications.figures')}</DataListKey>
            <DataListValue>
              <ul className="regie-list">
                {n.figures.map((f, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: figures are an ordered list without ids
                  <li key={i}>
                    {f.label}: {formatNumber(f.value, locale)}
                    {f.unit ? ` ${f.unit}` : ''}
                  </li>
                ))}
              </ul>
            </DataListValue>
          </DataListItem>
        ) : null}
      </DataList>
      <ul className="regie-list" aria-label={t('notifications.state')}>
        {n.steps.slice(1).map((s) => (
          <li key={`${s.at}-${s.action}`}>
            {t(`notifications.steps.${s.action}`)} — {s.byName ?? s.by},{' '}
            <time dateTime={s.at}>{formatDateTime(s.at, locale)}</time>
            {s.action === 'escalated' ? null : `: ${s.text}`}
          </li>
        ))}
      </ul>
      {respond && isNotificationPending(n) ? <RespondForm n={n} onDone={onDone} /> : null}
    </article>
  );
}

function SignalItem({
  n,
  locale,
}: {
  n: Extract<NotificationEntry, { source: 'signal' }>;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  return (
    <Paragraph data-testid={`notification-${n.id}`}>
      <time dateTime={n.filedAt}>{formatDateLong(n.filedAt.slice(0, 10), locale)}</time> — {n.dutyTitle}:{' '}
      {t('notifications.signal', {
        threshold: n.threshold,
        year: n.year ? t('notifications.signalYear', { year: n.year }) : '',
      })}{' '}
      ({t('notifications.states.met')})
    </Paragraph>
  );
}

/**
 * "Meldingen bij gebeurtenissen" on the agreement page (issue 14 point 3). A provider files under the agreement's
 * event duties and sees its own party's notifications with their state and deadline; the municipality sees every
 * party's, overdue marked, and acknowledges, answers or escalates them.
 */
export function NotificationsSection({
  agreementId,
  duties,
  me,
}: {
  agreementId: string;
  duties: readonly Duty[];
  me: Me | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const list = useQuery(trpc.notification.list.queryOptions({ agreementId }));
  const { announce, outcome } = useOutcome('notification-outcome');
  const provider = isProviderUser(me);
  const events = duties.flatMap((d) =>
    d.kind === 'event' && d.id ? [{ id: d.id, title: d.title, responseDays: d.responseDays }] : [],
  );
  const rows = list.data?.items ?? [];
  const today = list.data?.today ?? '';
  const pending = rows.filter((n) => n.source === 'provider' && isNotificationPending(n)).length;
  return (
    <Section id="notifications" title={t('notifications.title')}>
      <Paragraph>
        {provider ? t('notifications.introProvider') : t('notifications.introMunicipality')}
      </Paragraph>
      {events.length === 0 ? <Paragraph>{t('notifications.noEventDuties')}</Paragraph> : null}
      <QueryState
        query={list}
        count={rows.length}
        loading={t('notifications.loading')}
        status={rows.length > 0 ? t('notifications.count', { count: rows.length, open: pending }) : null}
        error={t('notifications.error')}
        empty={t('notifications.none')}
      />
      {outcome}
      {rows.map((n) =>
        n.source === 'signal' ? (
          <SignalItem key={n.id} n={n} locale={locale} />
        ) : (
          <Item
            key={`${n.id}-${n.version}`}
            n={n}
            today={today}
            locale={locale}
            showParty={!provider}
            respond={!provider && canRespond(me)}
            onDone={announce}
          />
        ),
      )}
      {provider && canFile(me) && events.length > 0 ? (
        <FileNotificationForm agreementId={agreementId} duties={events} onDone={announce} />
      ) : null}
    </Section>
  );
}
