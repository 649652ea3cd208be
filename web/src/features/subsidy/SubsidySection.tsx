import { useQuery } from '@tanstack/react-query';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { InternalAgreement, Me } from '../../lib/agreements/model';
import { formatDateLong, localeFor } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { useTRPC } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { ApplicationForm } from './ApplicationForm';
import { GrantForm } from './GrantForm';
import { canDecide } from './model';
import { AdvanceForm, SettleForm } from './PaymentForms';
import { Details, phaseOutText } from './SubsidyDetails';

/**
 * A subsidy's Awb side (SPEC §3.2): its regulation with the ceiling and the room left, the application and the
 * 4:60 check, the phase-out warning (4:51), and — for the purchaser and the contract manager — recording the
 * application, granting (refused at the ceiling, with the room left), advances on the grant (4:95) and settling
 * (4:46 ground, ex officio), with the balance to pay or reclaim after the advances.
 */
export function SubsidySection({ a, me }: { a: InternalAgreement; me: Me | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const subsidy = useQuery(trpc.subsidy.get.queryOptions({ agreementId: a.id }));
  const { announce, outcome } = useOutcome('subsidy-outcome');
  const view = subsidy.data;
  const decider = canDecide(me);
  const record = view?.record ?? null;
  const ending = view && (view.status === 'requested' || view.status === 'granted');

  return (
    <Section id="subsidy" title={t('subsidy.section.title')}>
      <StatusLine>{subsidy.isPending ? t('subsidy.section.loading') : null}</StatusLine>
      {subsidy.isError ? <Alert type="error">{t('subsidy.section.error')}</Alert> : null}
      {outcome}
      {view ? (
        <>
          {view.application?.late ? (
            <Alert type="warning" data-testid="subsidy-late">
              <Paragraph>
                {t('subsidy.section.applicationLate', {
                  year: view.application.bookYear,
                  deadline: formatDateLong(view.application.deadline, locale),
                  weeks: view.application.weeks,
                  received: formatDateLong(view.application.received, locale),
                })}
              </Paragraph>
            </Alert>
          ) : null}
          {view.phaseOut.warning ? (
            <Alert type="warning" data-testid="subsidy-phase-out">
              <Paragraph>{phaseOutText(t, view, view.phaseOut.decisionCents, locale)}</Paragraph>
            </Alert>
          ) : ending && view.phaseOut.consecutiveYears >= 3 ? (
            <Paragraph data-testid="subsidy-phase-out-refusal">
              {t('subsidy.section.phaseOutRefusal')}
            </Paragraph>
          ) : null}
          {record ? (
            <Details view={view} locale={locale} />
          ) : (
            <Paragraph className="regie-empty">{t('subsidy.section.noApplication')}</Paragraph>
          )}
          {decider && view.status === 'requested' ? (
            <ApplicationForm key={`apply-${view.version}`} a={a} view={view} announce={announce} />
          ) : null}
          {decider && record && view.decisions.includes('granted') ? (
            <GrantForm key={`grant-${view.version}`} view={view} announce={announce} />
          ) : null}
          {decider && view.advanceLeftCents !== null && view.advanceLeftCents > 0 ? (
            <AdvanceForm key={`advance-${view.version}`} view={view} announce={announce} />
          ) : null}
          {decider && record?.grant && view.decisions.includes('settled') && view.status !== 'requested' ? (
            <SettleForm key={`settle-${view.version}`} view={view} announce={announce} />
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
