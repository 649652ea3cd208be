import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { formatNumber, localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { periodLabel } from '../../lib/reports/model';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { type PartyChoice, PartyField, partyInput, partyMissing } from '../../ui/PartyField';
import {
  byPeriod,
  type Kpi,
  type KpiCommentInput,
  type KpiRecordInput,
  PERIOD_PATTERN,
  parseDecimal,
} from './model';

/** The server's refusal in the page's language: issues on `fields` at their field, the rest in the summary. */
function useSaveError(fields: readonly string[] = []) {
  const { t } = useTranslation();
  return useMutationError({
    fieldOf: (path) => (fields.includes(path) ? path : undefined),
    messages: { forbidden: t('kpis.errors.forbidden') },
  });
}

/** After a save: the results here and the audit trail. */
function useRefresh(agreementId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.kpi.results.queryKey({ agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
    ]);
}

/** "Opmerking plaatsen": a comment on one period's result, from either side. */
export function CommentForm({
  kpi,
  agreementId,
  showParty,
  onDone,
}: {
  kpi: Kpi;
  agreementId: string;
  showParty: boolean;
  onDone: (s: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefresh(agreementId);
  // One choice per result: a period, and on an agreement with several parties whose result it is.
  const results = byPeriod(kpi.results).reverse();
  const choiceOf = (r: { period: string; party?: string }) =>
    showParty ? `${r.period}|${r.party ?? ''}` : r.period;
  const periods = results.map(choiceOf);
  const [period, setPeriod] = useState(periods[0] ?? '');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const failed = useSaveError(['text']);
  const keys = useRef(idempotencyKeys());
  const prefix = `kpi-${kpi.id}-comment`;
  const comment = useMutation({
    mutationKey: trpc.kpi.comment.mutationKey(),
    mutationFn: (input: KpiCommentInput) => {
      const idempotencyKey = keys.current(input);
      return client.kpi.comment.mutate(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (_result, input) => {
      keys.current = idempotencyKeys();
      setText('');
      onDone(t('kpis.commentSaved', { period: periodLabel(t, locale, input.period) }));
      await refresh();
    },
    onError: failed.onError,
  });
  if (periods.length === 0) return null;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (comment.isPending) return;
    failed.reset();
    if (text.trim() === '') {
      setError(t('kpis.errors.text'));
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    setError(undefined);
    const [chosen, party] = (period || (periods[0] ?? '')).split('|');
    comment.mutate({
      agreementId,
      kpiId: kpi.id,
      period: chosen ?? '',
      text: text.trim(),
      ...(party ? { party } : {}),
    });
  }
  const textError = error ?? failed.fieldErrors.text;
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h4 className="regie-subheading" id={`${prefix}-heading`}>
        {t('kpis.commentTitle')}
      </h4>
      <ErrorSummary
        title={t('kpis.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={textError ? [{ id: `${prefix}-text`, text: textError }] : []}
        summaryRef={failed.summaryRef}
      />
      <Field id={`${prefix}-period`} label={t('kpis.commentPeriod')} error={undefined}>
        {(props) => (
          <Select {...props} name="period" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {results.map((r) => (
              <SelectOption key={choiceOf(r)} value={choiceOf(r)}>
                {periodLabel(t, locale, r.period)}
                {showParty && r.partyName ? ` — ${r.partyName}` : ''}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${prefix}-text`} label={t('kpis.commentText')} error={textError}>
        {(props) => (
          <Textarea
            {...props}
            name="text"
            rows={2}
            required
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" appearance="secondary-action-button" busy={comment.isPending}>
        {t('kpis.commentSubmit')}
      </Button>
    </form>
  );
}

/** "Waarde vastleggen": a period and its value (or a correction of it), for the reporter and contract manager. */
export function RecordForm({
  kpi,
  agreementId,
  parties,
  onDone,
}: {
  kpi: Kpi;
  agreementId: string;
  parties: readonly PartyChoice[];
  onDone: (s: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefresh(agreementId);
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [party, setParty] = useState('');
  const [errors, setErrors] = useState<{ party?: string; period?: string; value?: string }>({});
  const failed = useSaveError(['party', 'period', 'value']);
  const keys = useRef(idempotencyKeys());
  const prefix = `kpi-${kpi.id}-record`;
  const record = useMutation({
    mutationKey: trpc.kpi.record.mutationKey(),
    mutationFn: (input: KpiRecordInput) => {
      const idempotencyKey = keys.current(input);
      return client.kpi.record.mutate(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (_result, input) => {
      keys.current = idempotencyKeys();
      setValue('');
      onDone(
        t('kpis.recordSaved', {
          value: formatNumber(input.value, locale),
          unit: kpi.unit,
          period: periodLabel(t, locale, input.period),
        }),
      );
      await refresh();
    },
    onError: failed.onError,
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    failed.reset();
    const next: { party?: string; period?: string; value?: string } = {};
    if (partyMissing(parties, party)) next.party = t('parties.required');
    const p = period.trim().toUpperCase();
    if (!PERIOD_PATTERN.test(p)) next.period = t('kpis.errors.period');
    const number = parseDecimal(value, locale);
    if (number === null) next.value = t('kpis.errors.value');
    setErrors(next);
    if (Object.keys(next).length > 0 || number === null) {
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    // The version of the value seen for this period and party (0: a new value); a stale one answers CONFLICT.
    const seen = kpi.results.find((r) => r.period === p && (party === '' || r.party === party));
    record.mutate({
      agreementId,
      kpiId: kpi.id,
      period: p,
      value: number,
      expectedVersion: seen?.version ?? 0,
      ...partyInput(parties, party),
    });
  }
  const shown: typeof errors = { ...failed.fieldErrors, ...errors };
  const fields = (['party', 'period', 'value'] as const)
    .filter((f) => shown[f])
    .map((f) => ({ id: `${prefix}-${f}`, text: shown[f] ?? '' }));
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h4 className="regie-subheading" id={`${prefix}-heading`}>
        {t('kpis.recordTitle')}
      </h4>
      <ErrorSummary
        title={t('kpis.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={fields}
        summaryRef={failed.summaryRef}
      />
      <PartyField
        id={`${prefix}-party`}
        parties={parties}
        value={party}
        onChange={setParty}
        error={shown.party}
      />
      <div className="regie-form__row">
        <Field
          id={`${prefix}-period`}
          label={t('kpis.recordPeriod')}
          hint={t('kpis.recordPeriodHint')}
          error={shown.period}
        >
          {(props) => (
            <Textbox
              {...props}
              name="period"
              required
              autoComplete="off"
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
            />
          )}
        </Field>
        <Field id={`${prefix}-value`} label={t('kpis.recordValue', { unit: kpi.unit })} error={shown.value}>
          {(props) => (
            <Textbox
              {...props}
              name="value"
              required
              inputMode="decimal"
              autoComplete="off"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Button type="submit" appearance="primary-action-button" busy={record.isPending}>
        {t('kpis.recordSubmit')}
      </Button>
    </form>
  );
}
