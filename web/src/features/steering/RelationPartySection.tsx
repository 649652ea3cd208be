import { useQuery } from '@tanstack/react-query';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../lib/agreements/model';
import { localeFor } from '../../lib/format';
import { mayAnswer, stateBadgeClass } from '../../lib/steering/confirm';
import { useTRPC } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { RelationAnswerForm } from './RelationAnswerForm';
import { SharedRelationList } from './RelationGovernance';
import { AnswerText, RelationHistory } from './RelationHistory';
import { RolesList } from './SteeringSection';

/**
 * "Relatie en afspraken" on a provider's agreement page (issue 14 point 2): what its own party may see of the
 * relation the municipality chose — never the municipality's answers or internal notes — with its own state in the
 * current round, its answers so far, and the buttons to confirm or ask for a change.
 */
export function RelationPartySection({ agreementId, me }: { agreementId: string; me: Me | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const view = useQuery(trpc.steering.partyView.queryOptions({ agreementId }));
  const v = view.data;
  return (
    <Section id="relation" title={t('relation.title')}>
      <StatusLine>{view.isPending ? t('relation.loading') : null}</StatusLine>
      {view.isError ? <Alert type="error">{t('relation.error')}</Alert> : null}
      {v && !v.relation ? <Paragraph className="regie-empty">{t('relation.none')}</Paragraph> : null}
      {v?.relation ? (
        <>
          <Paragraph>{t('relation.intro')}</Paragraph>
          <Paragraph data-testid="relation-state">
            {t('relation.state')}:{' '}
            <span className={stateBadgeClass(v.state)}>{t(`relation.states.${v.state}`)}</span> (
            {t('relation.round', { round: v.round })})
          </Paragraph>
          {v.answer && v.answer.round === v.round ? (
            <Paragraph className="regie-hint">
              {t('relation.yourAnswer')}: <AnswerText answer={v.answer} locale={locale} />
            </Paragraph>
          ) : null}
          <SharedRelationList relation={v.relation} locale={locale} />
          <h3 className="regie-subheading">{t('relation.roles')}</h3>
          <RolesList roles={v.roles} />
          {mayAnswer(me) ? (
            <RelationAnswerForm agreementId={agreementId} round={v.round} />
          ) : (
            <Paragraph className="regie-hint">{t('relation.readOnly')}</Paragraph>
          )}
          <RelationHistory answers={v.history} locale={locale} withParty={false} />
        </>
      ) : null}
    </Section>
  );
}
