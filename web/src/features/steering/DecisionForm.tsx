import type { RelationDecision, RelationType } from '@regie/core/browser';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  Heading2,
  Paragraph,
  Textarea,
} from '@utrecht/component-library-react';
import type { FormEventHandler, Ref } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Field } from '../../lib/form';
import { relationTypeExplanation, relationTypeLabel } from '../../lib/steering/labels';
import { RELATION_TYPES } from '../../lib/steering/model';
import { StatusLine } from '../../ui/StatusLine';
import { fieldId, RadioGroup } from './fields';
import { GovernanceFields } from './GovernanceFields';
import { ProposalSummary, type Proposed } from './ProposalSummary';
import { type DecisionValues, needsMotivation } from './steering-form';

const id = (path: string) => fieldId('relation', path);

/** The designer's second step: the proposal, the type chosen (with a motivation when not the proposed one), governance. */
export function DecisionForm({
  agreementId,
  proposed,
  form,
  errorFor,
  onSubmit,
  saving,
  notice,
  announce,
  headingRef,
  onReview,
}: {
  agreementId: string;
  proposed: Proposed;
  form: UseFormReturn<DecisionValues, unknown, RelationDecision>;
  errorFor: (path: string) => string | undefined;
  onSubmit: FormEventHandler<HTMLFormElement>;
  saving: boolean;
  notice: string;
  announce: (text: string) => void;
  headingRef: Ref<HTMLHeadingElement>;
  /** The next step: what applying this decision changes in duties, KPIs, meetings and variants (issue 14). */
  onReview: () => void;
}) {
  const { t } = useTranslation();
  const proposedType: RelationType = proposed.result.type;
  const chosen = form.watch('chosen');
  return (
    <section className="regie-section" aria-labelledby="proposal-heading" data-testid="proposal">
      <Heading2 id="proposal-heading" ref={headingRef} tabIndex={-1} className="regie-page-heading">
        {t('steering.designer.proposalTitle')}
      </Heading2>
      <ProposalSummary proposed={proposed} />
      <form className="regie-form" noValidate onSubmit={onSubmit} aria-labelledby="proposal-heading">
        <RadioGroup
          id={id('chosen')}
          name="chosen"
          legend={t('steering.designer.chosenLegend')}
          error={errorFor('chosen')}
          value={chosen}
          onChange={(v) => form.setValue('chosen', v, { shouldValidate: form.formState.isSubmitted })}
          options={RELATION_TYPES.map((type) => ({
            value: type,
            label: (
              <>
                {relationTypeLabel(t, type)}
                {type === proposedType ? ` ${t('steering.designer.proposedMarker')}` : null}
              </>
            ),
            description: relationTypeExplanation(t, type),
          }))}
        />
        {needsMotivation(chosen, proposedType) ? (
          <>
            <Field
              id={id('motivation')}
              label={t('steering.designer.motivationLabel')}
              hint={t('steering.designer.motivationHint', { type: relationTypeLabel(t, proposedType) })}
              error={errorFor('motivation')}
            >
              {(props) => <Textarea {...props} rows={4} required {...form.register('motivation')} />}
            </Field>
            <Paragraph className="regie-hint">
              {t('steering.designer.otherTypeHint', { type: relationTypeLabel(t, chosen) })}
            </Paragraph>
          </>
        ) : null}
        <Field
          id={id('internalNote')}
          label={t('steering.designer.internalNoteLabel')}
          hint={t('steering.designer.internalNoteHint')}
          error={errorFor('internalNote')}
        >
          {(props) => <Textarea {...props} rows={3} {...form.register('internalNote')} />}
        </Field>
        <GovernanceFields
          form={form as unknown as UseFormReturn<DecisionValues, unknown, unknown>}
          errorFor={errorFor}
          announce={announce}
        />
        <StatusLine>{saving ? t('agreementForm.saving') : notice}</StatusLine>
        <Paragraph className="regie-hint">{t('governance.reviewHint')}</Paragraph>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={saving}>
            {t('steering.designer.save')}
          </Button>
          <Button appearance="secondary-action-button" onClick={onReview}>
            {t('governance.review')}
          </Button>
          <Link href={`/agreements/${encodeURIComponent(agreementId)}`} asChild>
            <ButtonLink appearance="secondary-action-button">{t('agreementForm.cancel')}</ButtonLink>
          </Link>
        </ButtonGroup>
      </form>
    </section>
  );
}
