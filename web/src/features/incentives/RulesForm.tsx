import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InternalAgreement } from '../../lib/agreements/model';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import {
  type IncentivePeriods,
  type IncentiveRuleValue,
  type RuleErrors,
  type RuleFormValues,
  readRules,
  ruleFormValues,
} from './model';
import '../../i18n/incentives-texts';

const fieldId = (path: string) => `incentive-${path.replaceAll('.', '-')}`;

type UpdateInput = { id: string; expectedVersion: number; data: { incentives: IncentiveRuleValue[] } };

/**
 * The arrangement's editor: per rule the KPI, bonus or malus, a percentage or a fixed amount, the yearly maximum
 * and an optional own threshold; saved through `agreement.update` as a new terms version (with the version seen).
 */
export function RulesForm({
  a,
  kpis,
  rules,
  onDone,
}: {
  a: InternalAgreement;
  kpis: IncentivePeriods['kpis'];
  rules: IncentivePeriods['rules'];
  onDone: (text: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<RuleFormValues[]>(() => ruleFormValues(rules, locale));
  const [errors, setErrors] = useState<RuleErrors>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const keys = useRef(idempotencyKeys());
  const failure = useMutationError({
    fieldOf: (path) => (/^incentives\.\d+\.(kpiId|kind|value)$/.test(path) ? path : undefined),
    messages: { conflict: t('incentives.conflict'), unknown: t('incentives.saveFailed') },
    onConflict: () =>
      void queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id: a.id }) }),
  });

  const save = useMutation({
    mutationKey: trpc.agreement.update.mutationKey(),
    mutationFn: (input: UpdateInput) => {
      const idempotencyKey = keys.current(input);
      return client.agreement.update.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (next) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id: a.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.incentive.periods.queryKey({ agreementId: a.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.versions.queryKey({ id: a.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: a.id }) }),
      ]);
      onDone(
        next.amendment ? t('agreementDetail.amended') : t('incentives.saved', { version: next.version }),
      );
    },
    onError: (error) => failure.onError(error),
  });

  const change = (i: number, patch: Partial<RuleFormValues>) =>
    setRows((current) => current.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  function add() {
    setRows((current) => [
      ...current,
      { kpiId: kpis[0]?.id ?? '', kind: 'bonus', basis: 'fixed', value: '', cap: '', threshold: '' },
    ]);
    focusSoon(() => document.getElementById(fieldId(`incentives.${rows.length}.kpiId`)));
  }
  function submit(event: React.FormEvent) {
    event.preventDefault();
    failure.reset();
    if (save.isPending) return;
    const read = readRules(rows, locale);
    setErrors(read.errors);
    if (Object.keys(read.errors).length > 0) {
      focusSoon(() => summaryRef.current);
      return;
    }
    save.mutate({ id: a.id, expectedVersion: a.version, data: { incentives: read.rules } });
  }
  const errorOf = (path: string) =>
    errors[path] ? t(errors[path] as never) : (failure.fieldErrors[path] ?? undefined);
  const fieldErrors = Object.keys({ ...errors, ...failure.fieldErrors }).map((path) => ({
    id: fieldId(path),
    text: errorOf(path) ?? '',
  }));

  return (
    <form className="regie-form" noValidate onSubmit={submit} data-testid="incentive-form">
      <ErrorSummary
        title={t('bounds.correction.summaryTitle')}
        general={failure.summary ? [failure.summary] : []}
        fields={fieldErrors}
        summaryRef={summaryRef}
      />
      {rows.map((row, i) => {
        const at = (field: string) => `incentives.${i}.${field}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; removing one re-keys the rest
          <fieldset key={i} className="regie-fieldset">
            <legend className="regie-fieldset__legend">{t('incentives.ruleLegend', { n: i + 1 })}</legend>
            <div className="regie-form__row">
              <Field id={fieldId(at('kpiId'))} label={t('incentives.kpi')} error={errorOf(at('kpiId'))}>
                {(props) => (
                  <Select {...props} value={row.kpiId} onChange={(e) => change(i, { kpiId: e.target.value })}>
                    {kpis.map((k) => (
                      <SelectOption key={k.id} value={k.id}>
                        {k.name}
                      </SelectOption>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id={fieldId(at('kind'))} label={t('incentives.kind')} error={errorOf(at('kind'))}>
                {(props) => (
                  <Select
                    {...props}
                    value={row.kind}
                    onChange={(e) => change(i, { kind: e.target.value as RuleFormValues['kind'] })}
                  >
                    <SelectOption value="bonus">{t('incentives.kinds.bonus')}</SelectOption>
                    <SelectOption value="malus">{t('incentives.kinds.malus')}</SelectOption>
                  </Select>
                )}
              </Field>
              <Field id={fieldId(at('basis'))} label={t('incentives.basis')} error={undefined}>
                {(props) => (
                  <Select
                    {...props}
                    value={row.basis}
                    onChange={(e) => change(i, { basis: e.target.value as RuleFormValues['basis'] })}
                  >
                    <SelectOption value="fixed">{t('incentives.bases.fixed')}</SelectOption>
                    <SelectOption value="percentOfRealised">
                      {t('incentives.bases.percentOfRealised')}
                    </SelectOption>
                  </Select>
                )}
              </Field>
            </div>
            <div className="regie-form__row">
              <Field
                id={fieldId(at('value'))}
                label={t('incentives.amount')}
                hint={
                  row.basis === 'fixed' ? t('incentives.valueHintFixed') : t('incentives.valueHintPercent')
                }
                error={errorOf(at('value'))}
              >
                {(props) => (
                  <Textbox
                    {...props}
                    inputMode="decimal"
                    autoComplete="off"
                    className="regie-input--amount"
                    value={row.value}
                    onChange={(e) => change(i, { value: e.target.value })}
                  />
                )}
              </Field>
              <Field id={fieldId(at('cap'))} label={t('incentives.capLabel')} error={errorOf(at('cap'))}>
                {(props) => (
                  <Textbox
                    {...props}
                    inputMode="decimal"
                    autoComplete="off"
                    className="regie-input--amount"
                    value={row.cap}
                    onChange={(e) => change(i, { cap: e.target.value })}
                  />
                )}
              </Field>
              <Field
                id={fieldId(at('threshold'))}
                label={t('incentives.thresholdLabel')}
                error={errorOf(at('threshold'))}
              >
                {(props) => (
                  <Textbox
                    {...props}
                    inputMode="decimal"
                    autoComplete="off"
                    className="regie-input--count"
                    value={row.threshold}
                    onChange={(e) => change(i, { threshold: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <Button
              appearance="subtle-button"
              className="regie-row-remove"
              onClick={() => setRows((current) => current.filter((_, j) => j !== i))}
            >
              {t('incentives.remove', { n: i + 1 })}
            </Button>
          </fieldset>
        );
      })}
      {rows.length === 0 ? <Paragraph className="regie-empty">{t('incentives.none')}</Paragraph> : null}
      <StatusLine>{save.isPending ? t('incentives.saving') : null}</StatusLine>
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={add} disabled={rows.length >= 40}>
          {t('incentives.add')}
        </Button>
        <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
          {t('incentives.save')}
        </Button>
        <Button appearance="subtle-button" onClick={() => onDone(null)}>
          {t('incentives.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
