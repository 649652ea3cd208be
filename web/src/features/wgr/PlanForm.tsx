import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Textbox } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field, focusSoon } from '../../lib/form';
import { useErrorText } from '../../lib/form-schema';
import { localeFor } from '../../lib/format';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { PLAN_FIELDS, type PlanValues, planDefaults, planSchema, wgrTarget } from './forms';
import type { WgrView } from './model';
import { useWgrSave, WgrForm } from './save';

/** The board's plan: creates the calendar (version 0) or moves its dates; empty fields take the defaults. */
export function PlanFormSection({
  view,
  onDone,
  onReload,
}: {
  view: WgrView;
  onDone: (text: string) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const params = { year: view.year, before: view.year - 1, after: view.year + 1 };
  const id = (f: keyof PlanValues) => `wgr-plan-${f}`;
  const schema = useMemo(() => planSchema(wgrTarget(view), locale), [view, locale]);
  const form = useForm({
    resolver: standardSchemaResolver(schema),
    defaultValues: planDefaults(view, locale) satisfies PlanValues,
    shouldFocusError: false,
  });
  const error = useErrorText(form.formState.errors, params);
  const save = useWgrSave(
    view,
    trpc.wgr.plan.mutationKey(),
    (input: Parameters<typeof client.wgr.plan.mutate>[0], options) => client.wgr.plan.mutate(input, options),
    (result) => t(view.exists ? 'wgr.planSaved' : 'wgr.createdNotice', { year: result.year }),
    onDone,
  );
  const submit = form.handleSubmit(
    (input) => save.mutation.mutate(input),
    () => focusSoon(() => save.summaryRef.current),
  );
  const fields = PLAN_FIELDS.flatMap((f) => {
    const text = error(f);
    return text ? [{ id: id(f), text }] : [];
  });
  const root = error('root');
  const field = (f: keyof PlanValues, label: string, hint: string, money = false) => (
    <Field id={id(f)} label={label} hint={hint} error={error(f)}>
      {(props) =>
        money ? (
          <Textbox {...props} {...form.register(f)} inputMode="decimal" autoComplete="off" />
        ) : (
          <Textbox {...props} {...form.register(f)} type="date" />
        )
      }
    </Field>
  );
  return (
    <WgrForm
      name="plan"
      title={t('wgr.planTitle')}
      intro={t('wgr.planIntro')}
      save={root ? { ...save, general: [...save.general, root] } : save}
      fields={fields}
      onSubmit={(event) => void submit(event)}
      onReload={onReload}
      submitLabel={view.exists ? t('wgr.savePlan') : t('wgr.create', { year: view.year })}
    >
      <div className="regie-form__row">
        {field('budgetAdoption', t('wgr.budgetAdoptionField'), t('wgr.budgetAdoptionHint', params))}
        {field('accountsAdoption', t('wgr.accountsAdoptionField'), t('wgr.accountsAdoptionHint', params))}
      </div>
      {field('draftBudget', t('wgr.draftBudgetField'), t('wgr.draftBudgetHint'), true)}
    </WgrForm>
  );
}
