import {
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
import { allocationMethodLabel } from '../../lib/agreements/labels';
import type { Me } from '../../lib/agreements/model';
import { type AppLocale, formatDate, formatDateLong, formatMoney } from '../../lib/format';
import type { WgrMember, WgrView } from './model';

/** The calendar as read: every statutory date with its article and warning, and per member its opinion. */

const NUMERIC = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';

function DateText({ value, locale }: { value: string | undefined; locale: AppLocale }) {
  const { t } = useTranslation();
  if (!value) return <em>{t('wgr.notYet')}</em>;
  return <time dateTime={value}>{formatDate(value, locale)}</time>;
}

export function StepsTable({ view, locale }: { view: WgrView; locale: AppLocale }) {
  const { t } = useTranslation();
  const params = { year: view.year, before: view.year - 1, after: view.year + 1 };
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" data-testid="wgr-steps">
        <TableCaption className="regie-visually-hidden">
          {t('wgr.stepsCaption', { year: view.year })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('wgr.step')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('wgr.date')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('wgr.article')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('wgr.warning')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.steps.map((step) => (
            <TableRow key={step.key} data-testid={`wgr-step-${step.key}`}>
              <TableHeaderCell scope="row">{t(`wgr.steps.${step.key}`)}</TableHeaderCell>
              <TableCell className="regie-nowrap">
                <time dateTime={step.date}>{formatDateLong(step.date, locale)}</time>
              </TableCell>
              <TableCell className="regie-nowrap">{step.article}</TableCell>
              <TableCell>
                {step.warningCode ? (
                  <strong>{t(`wgr.warnings.${step.warningCode}`, params)}</strong>
                ) : (
                  t('wgr.noWarning')
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function MemberRow({ m, me, locale }: { m: WgrMember; me: Me | undefined; locale: AppLocale }) {
  const { t } = useTranslation();
  const o = m.opinion;
  return (
    <TableRow
      data-testid={`wgr-member-${m.space}`}
      className={m.space === me?.space ? 'regie-row--own' : undefined}
    >
      <TableHeaderCell scope="row">
        {m.name}
        {m.space === me?.space ? <strong className="regie-own-marker"> {t('wgr.yours')}</strong> : null}
      </TableHeaderCell>
      <TableCell className={NUMERIC}>
        {m.contributionCents === null ? '–' : formatMoney(m.contributionCents, locale)}
      </TableCell>
      <TableCell className="regie-nowrap">
        <DateText value={o?.draftReceived} locale={locale} />
        {m.windowCloses ? (
          <>
            <br />
            <small>{t('wgr.windowCloses', { date: formatDate(m.windowCloses, locale) })}</small>
          </>
        ) : null}
      </TableCell>
      <TableCell className="regie-nowrap">
        <DateText value={o?.opinionSubmitted} locale={locale} />
      </TableCell>
      <TableCell data-testid={`wgr-outcome-${m.space}`}>
        {o?.outcome ? t(`wgr.outcomes.${o.outcome}`) : <em>{t('wgr.notYet')}</em>}
      </TableCell>
      <TableCell>{o?.summary ? <span className="regie-multiline">{o.summary}</span> : '–'}</TableCell>
      <TableCell className="regie-nowrap">
        {o?.outcome === 'no_opinion' ? '–' : <DateText value={o?.answered} locale={locale} />}
      </TableCell>
      <TableCell>
        {m.flags.length === 0 ? (
          t('wgr.none')
        ) : (
          <ul className="regie-list">
            {m.flags.map((flag) => (
              <li key={flag}>{t(`wgr.flags.${flag}`)}</li>
            ))}
          </ul>
        )}
      </TableCell>
    </TableRow>
  );
}

export function MembersTable({ view, me, locale }: { view: WgrView; me: Me | undefined; locale: AppLocale }) {
  const { t } = useTranslation();
  return (
    <>
      {view.budgetCents !== null && view.allocationMethod ? (
        <Paragraph data-testid="wgr-budget">
          {t('wgr.budgetLine', {
            amount: formatMoney(view.budgetCents, locale),
            source: t(`wgr.budgetSources.${view.budgetSource}`, { year: view.year }),
            method: allocationMethodLabel(t, view.allocationMethod),
          })}
        </Paragraph>
      ) : (
        <Paragraph>{t('wgr.noContributions')}</Paragraph>
      )}
      <div className="regie-table-scroll">
        <Table className="regie-table" data-testid="wgr-members">
          <TableCaption className="regie-visually-hidden">
            {t('wgr.membersCaption', { year: view.year })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('wgr.member')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                {t('wgr.contribution', { year: view.year })}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.draftReceived')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.opinionSubmitted')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.outcome')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.summary')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.answered')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.attention')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.members.map((m) => (
              <MemberRow key={m.space} m={m} me={me} locale={locale} />
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
