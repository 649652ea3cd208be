import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Alert, Paragraph, Textarea, Textbox } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';
import { useErrorText } from '../../lib/form-schema';
import { formatMoney, localeFor } from '../../lib/format';
import { useTRPCClient } from '../../lib/trpc';
import { CheckboxField, DecisionForm, type DecisionFormProps, useDecision } from './decision';
import { cutsLongSubsidy, type GrantValues, grantDefaults, grantSchema } from './forms';
import { phaseOutText } from './SubsidyDetails';

/**
 * The grant (verlening): the amount (refused by the server above the regulation's ceiling, Awb 4:25), the term to
 * apply for settlement, accepting a late application with its motivation (4:60), settling at once (4:47); a cut of
 * a long-running subsidy warns of the phase-out term (4:51) while typing.
 */
export function GrantForm({ view, announce }: DecisionFormProps) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const client = useTRPCClient();
  const regulation = view.regulation;
  const late = view.application?.late === true;
  const schema = useMemo(() => grantSchema(view, locale), [view, locale]);
  const form = useForm({
    resolver: standardSchemaResolver(schema),
    defaultValues: grantDefaults(view, locale) satisfies GrantValues,
  });
  const error = useErrorText(form.formState.errors);
  const decision = useDecision(
    view,
    (input: Parameters<typeof client.subsidy.grant.mutate>[0], options) =>
      client.subsidy.grant.mutate(input, options),
    (v) =>
      t('subsidy.section.grant.done', { amount: formatMoney(v.record?.grant?.amountCents ?? 0, locale) }),
    announce,
  );
  const { register } = form;
  const cut = cutsLongSubsidy(view, form.watch('amount'), locale);
  const acceptLate = form.watch('acceptLate');

  return (
    <DecisionForm name="grant" view={view} decision={decision} form={form} appearance="primary-action-button">
      <Field id="subsidy-grant-amount" label={t('subsidy.section.grant.amount')} error={error('amount')}>
        {(props) => <Textbox {...props} {...register('amount')} inputMode="decimal" />}
      </Field>
      {cut !== null ? (
        <Alert type="warning" data-testid="grant-phase-out">
          <Paragraph>{phaseOutText(t, view, cut, locale)}</Paragraph>
        </Alert>
      ) : null}
      <Field
        id="subsidy-settlement-due"
        label={t('subsidy.section.grant.settlementDue')}
        hint={t('subsidy.section.grant.settlementDueHint')}
        error={error('settlementDue')}
      >
        {(props) => <Textbox {...props} {...register('settlementDue')} type="date" />}
      </Field>
      {late ? (
        <>
          <CheckboxField
            id="subsidy-accept-late"
            label={t('subsidy.section.grant.acceptLate')}
            checked={acceptLate}
            field={register('acceptLate')}
          />
          {acceptLate ? (
            <Field
              id="subsidy-late-motivation"
              label={t('subsidy.section.grant.lateMotivation')}
              error={error('motivation')}
            >
              {(props) => <Textarea {...props} {...register('motivation')} rows={3} />}
            </Field>
          ) : null}
        </>
      ) : null}
      {regulation && regulation.exOfficioUpToCents !== null ? (
        <CheckboxField
          id="subsidy-settle-at-grant"
          label={t('subsidy.section.grant.settleAtGrant', {
            limit: formatMoney(regulation.exOfficioUpToCents, locale),
          })}
          checked={form.watch('settleAtGrant')}
          field={register('settleAtGrant')}
        />
      ) : null}
    </DecisionForm>
  );
}
