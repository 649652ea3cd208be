import { PC_STEPS, type PcView } from '@regie/core/browser';
import { useMutation } from '@tanstack/react-query';
import {
  Button,
  Fieldset,
  FieldsetLegend,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../lib/form';
import { localeFor, parseDecimal } from '../../lib/format';
import { MutationErrorAlert, useMutationError } from '../../lib/mutation-error';
import { useOutcome } from '../../lib/outcome';
import { useTRPCClient } from '../../lib/trpc';

type Step = (typeof PC_STEPS)[number];

/**
 * The region records a year's values (issue 16 point 5): the targets at the draft-budget step, the realised values
 * at the annual-accounts step; a field left empty keeps what is stored.
 */
export function ValuesForm({ view, onSaved }: { view: PcView; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const client = useTRPCClient();
  const [step, setStep] = useState<Step>('draftBudget');
  const [values, setValues] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const failure = useMutationError();
  const { announce, outcome } = useOutcome('pc-values-outcome');
  const save = useMutation({
    mutationFn: (list: { indicatorId: string; value: number }[]) =>
      client.pc.recordValues.mutate({
        agreementId: view.agreementId,
        year: view.year,
        step,
        expectedVersion: view.yearVersion,
        values: list,
      }),
    onSuccess: () => {
      failure.reset();
      setValues({});
      announce(t('pc.section.saved'));
      onSaved();
    },
    onError: failure.onError,
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const bad: Record<string, boolean> = {};
    const list: { indicatorId: string; value: number }[] = [];
    for (const [id, text] of Object.entries(values)) {
      if (text.trim() === '') continue;
      const value = parseDecimal(text, locale);
      if (value === null) bad[id] = true;
      else list.push({ indicatorId: id, value });
    }
    setInvalid(bad);
    if (Object.keys(bad).length === 0 && list.length > 0) save.mutate(list);
  }
  return (
    <form className="regie-form" onSubmit={submit} noValidate data-testid="pc-values-form">
      <Fieldset>
        <FieldsetLegend>{t('pc.section.recordTitle')}</FieldsetLegend>
        <Field id="pc-step" label={t('pc.section.step')} error={undefined}>
          {(props) => (
            <Select {...props} value={step} onChange={(e) => setStep(e.target.value as Step)}>
              {PC_STEPS.map((s) => (
                <SelectOption key={s} value={s}>
                  {t(`pc.steps.${s}`)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        {view.indicators.map((i) => (
          <Field
            key={i.id}
            id={`pc-value-${i.id}`}
            label={t('pc.section.valueOf', { name: i.name, unit: i.unit })}
            error={invalid[i.id] ? t('pc.section.invalidNumber') : undefined}
          >
            {(props) => (
              <Textbox
                {...props}
                inputMode="decimal"
                className="regie-input--amount"
                value={values[i.id] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [i.id]: e.target.value }))}
              />
            )}
          </Field>
        ))}
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={save.isPending}
          disabled={save.isPending}
        >
          {t('pc.section.save')}
        </Button>
      </Fieldset>
      <MutationErrorAlert failure={failure} />
      {outcome}
    </form>
  );
}
