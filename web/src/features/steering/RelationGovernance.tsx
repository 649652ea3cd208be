import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppLocale } from '../../lib/format';
import type { RelationPartyView } from '../../lib/steering/confirm';
import {
  dutyLabel,
  executionVariantLabel,
  kpiDepthLabel,
  ladderStepText,
  listText,
  meetingCadenceLabel,
  relationTypeExplanation,
  relationTypeLabel,
  reportingFrequencyLabel,
} from '../../lib/steering/labels';
import { Definition, DefinitionList } from '../../ui/DefinitionList';

type Shared = NonNullable<RelationPartyView['relation']>;

function pointLine(t: TFunction, locale: AppLocale, point: Shared['rationale'][number]): string {
  const question = t(`steering.questionShort.${point.question}`);
  return point.supports.length === 0
    ? t('relation.pointsNowhere', { question })
    : t('relation.questionPoints', {
        question,
        types: listText(
          point.supports.map((type) => relationTypeLabel(t, type)),
          locale,
        ),
      });
}

/** The relation as a party sees it: the type, why (per question, without the answers), the motivation, governance. */
export function SharedRelationList({ relation, locale }: { relation: Shared; locale: AppLocale }) {
  const { t } = useTranslation();
  const g = relation.governance;
  return (
    <DefinitionList testId="relation-shared">
      <Definition label={t('relation.type')} testId="relation-type">
        <strong>{relationTypeLabel(t, relation.chosen)}</strong>
        <br />
        <span className="regie-hint">{relationTypeExplanation(t, relation.chosen)}</span>
      </Definition>
      <Definition label={t('relation.why')}>
        <ul className="regie-plain-list">
          {relation.rationale.map((point) => (
            <li key={point.question}>{pointLine(t, locale, point)}</li>
          ))}
        </ul>
      </Definition>
      {relation.motivation ? (
        <Definition label={t('relation.motivation')}>
          <span className="regie-multiline">{relation.motivation}</span>
        </Definition>
      ) : null}
      <Definition label={t('steering.reportingFrequency')}>
        {reportingFrequencyLabel(t, g.reportingFrequency)}
      </Definition>
      <Definition label={t('steering.kpiDepth')}>{kpiDepthLabel(t, g.kpiDepth)}</Definition>
      <Definition label={t('steering.informationDuties')}>
        {g.informationDuties.length === 0
          ? t('steering.noDuties')
          : listText(
              g.informationDuties.map((duty) => dutyLabel(t, duty)),
              locale,
            )}
      </Definition>
      <Definition label={t('steering.meetingCadence')}>{meetingCadenceLabel(t, g.meetingCadence)}</Definition>
      <Definition label={t('steering.escalationLadder')}>
        {listText(
          g.escalationLadder.map((step) => ladderStepText(t, step)),
          locale,
        )}
      </Definition>
      <Definition label={t('steering.executionVariant')}>
        {executionVariantLabel(t, g.executionVariant)}
      </Definition>
    </DefinitionList>
  );
}
