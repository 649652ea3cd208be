import { useQuery } from '@tanstack/react-query';
import {
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
import { useTranslation } from 'react-i18next';
import { isProviderUser, type Me } from '../../lib/agreements/model';
import { canEscalate, type Escalation, isOverdue } from '../../lib/escalations/model';
import { type AppLocale, formatDateLong, formatDateTime, localeFor } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { useTRPC } from '../../lib/trpc';
import type { PartyChoice } from '../../ui/PartyField';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { OpenForm, StepForm } from './EscalationForms';

/** The ladder as an ordered list, the current level marked in words (not only by emphasis). */
function Ladder({ e }: { e: Escalation }) {
  const { t } = useTranslation();
  return (
    <ol className="regie-ladder" data-testid={`escalation-ladder-${e.id}`}>
      {e.ladder.map((step, index) =>
        index === e.level ? (
          <li key={step.level} aria-current="step">
            <strong>
              {t('escalations.ladderDays', { level: step.level, days: step.days })} —{' '}
              {t('escalations.current')}
            </strong>
          </li>
        ) : (
          <li key={step.level}>{t('escalations.ladderDays', { level: step.level, days: step.days })}</li>
        ),
      )}
    </ol>
  );
}

function Steps({ e, locale }: { e: Escalation; locale: AppLocale }) {
  const { t } = useTranslation();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" data-testid={`escalation-steps-${e.id}`}>
        <TableCaption className="regie-table__caption">
          {t('escalations.stepsCaption', { subject: e.subject })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('escalations.step')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('escalations.level')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('escalations.by')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('escalations.side')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('escalations.at')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('escalations.note')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {e.steps.map((step) => (
            <TableRow key={`${step.at}-${step.action}-${step.level}`}>
              <TableHeaderCell scope="row">{t(`escalations.actions.${step.action}`)}</TableHeaderCell>
              <TableCell>{step.levelName}</TableCell>
              <TableCell>{step.byName ?? step.by}</TableCell>
              <TableCell>{t(`escalations.sides.${step.side}`)}</TableCell>
              <TableCell>
                <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time>
              </TableCell>
              <TableCell>
                <span className="regie-multiline">{step.note}</span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function EscalationItem({
  e,
  locale,
  canAct,
  mayClose,
  onDone,
}: {
  e: Escalation;
  locale: AppLocale;
  canAct: boolean;
  mayClose: boolean;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = `escalation-${e.id}-heading`;
  const overdue = isOverdue(e);
  return (
    <article className="regie-subsection" aria-labelledby={headingId} data-testid={`escalation-${e.id}`}>
      <h3 className="regie-subheading" id={headingId}>
        {e.subject}
      </h3>
      <DataList className="regie-data-list">
        <DataListItem>
          <DataListKey>{t('escalations.status')}</DataListKey>
          <DataListValue data-testid={`escalation-status-${e.id}`}>
            {e.status === 'open' ? t('escalations.statusOpen') : t('escalations.statusResolved')}
          </DataListValue>
        </DataListItem>
        {e.partyName ? (
          <DataListItem>
            <DataListKey>{t('parties.about')}</DataListKey>
            <DataListValue data-testid={`escalation-party-${e.id}`}>{e.partyName}</DataListValue>
          </DataListItem>
        ) : null}
        <DataListItem>
          <DataListKey>{t('escalations.level')}</DataListKey>
          <DataListValue data-testid={`escalation-level-${e.id}`}>
            {e.ladder[e.level]?.level ?? e.level}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('escalations.deadline')}</DataListKey>
          <DataListValue data-testid={`escalation-deadline-${e.id}`}>
            {e.deadline ? (
              <>
                <time dateTime={e.deadline}>{formatDateLong(e.deadline, locale)}</time>
                {overdue ? <strong> ({t('escalations.overdue')})</strong> : null}
              </>
            ) : (
              t('escalations.noDeadline')
            )}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('escalations.description')}</DataListKey>
          <DataListValue>
            <span className="regie-multiline">{e.description}</span>
          </DataListValue>
        </DataListItem>
      </DataList>
      <h4 className="regie-subheading">{t('escalations.ladder')}</h4>
      <Ladder e={e} />
      <h4 className="regie-subheading">{t('escalations.steps')}</h4>
      <Steps e={e} locale={locale} />
      {canAct && e.status === 'open' ? <StepForm e={e} mayClose={mayClose} onDone={onDone} /> : null}
    </article>
  );
}

/**
 * "Escalaties" on the agreement page, for both sides (SPEC §4.6): each escalation with its place on the ladder,
 * its working-day deadline and every step (who, which side, when, why); either side may open one, take it a
 * level up or resolve it.
 */
export function EscalationsSection({
  agreementId,
  parties,
  me,
}: {
  agreementId: string;
  parties: readonly PartyChoice[];
  me: Me | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const list = useQuery(trpc.escalation.list.queryOptions({ agreementId }));
  const { announce, outcome } = useOutcome('escalation-outcome');
  const canAct = canEscalate(me);
  // The side that opened an escalation resolves it, or the owner's contract manager or purchaser (the server
  // checks the owning space again); the other side responds or escalates.
  const side = isProviderUser(me) ? 'provider' : 'municipality';
  const ownerRole = side === 'municipality' && canAct;
  const rows = list.data ?? [];
  const done = announce;
  return (
    <Section id="escalations" title={t('escalations.title')}>
      <Paragraph>{t('escalations.intro')}</Paragraph>
      <QueryState
        query={list}
        count={rows.length}
        loading={t('escalations.loading')}
        status={
          rows.length > 0
            ? t('escalations.count', {
                count: rows.length,
                open: rows.filter((e) => e.status === 'open').length,
              })
            : null
        }
        error={t('escalations.error')}
        empty={t('escalations.none')}
      />
      {outcome}
      {rows.map((e) => (
        <EscalationItem
          key={`${e.id}-${e.version}`}
          e={e}
          locale={locale}
          canAct={canAct}
          mayClose={e.side === side || ownerRole}
          onDone={done}
        />
      ))}
      {canAct ? <OpenForm agreementId={agreementId} parties={parties} onDone={done} /> : null}
    </Section>
  );
}
