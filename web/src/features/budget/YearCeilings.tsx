import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InternalAgreement } from '../../lib/agreements/model';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { orderedErrors, setServerErrors, useErrorText } from '../../lib/form-schema';
import { type AppLocale, formatMoney, localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { useOutcome } from '../../lib/outcome';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import {
  YEAR_CEILING_LIMIT,
  type YearCeilingValues,
  yearCeilingRows,
  yearCeilingsSchemaFor,
} from './budget-form';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
const numericHeader = 'utrecht-table__header-cell--numeric-column';
const fieldId = (path: string) => `year-ceiling-${path.replaceAll('.', '-')}`;

type UpdateInput = {
  id: string;
  expectedVersion: number;
  data: { yearCeilings: { year: number; cents: number }[] };
};

/** The editor: one row per year (year, amount), saved as a new version of the agreement's terms. */
function YearCeilingsForm({ a, onDone }: { a: InternalAgreement; onDone: (text: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const resolver = useMemo(() => standardSchemaResolver(yearCeilingsSchemaFor(locale)), [locale]);
  const form = useForm<YearCeilingValues, unknown, { year: number; cents: number }[]>({
    defaultValues: {
      yearCeilings:
        a.yearCeilings.length > 0
          ? yearCeilingRows(a.yearCeilings, locale)
          : [{ year: a.startDate.slice(0, 4), cents: '' }],
    },
    resolver,
    shouldFocusError: false,
  });
  const rows = useFieldArray({ control: form.control, name: 'yearCeilings' });
  const [announcement, setAnnouncement] = useState('');
  const addRef = useRef<HTMLButtonElement>(null);
  const keys = useRef(idempotencyKeys());

  const failure = useMutationError({
    fieldOf: (path) => (/^yearCeilings\.\d+\.(year|cents)$/.test(path) ? path : undefined),
    messages: {
      invalid: t('bounds.yearCeilings.errors.rejected'),
      conflict: t('bounds.yearCeilings.errors.conflict'),
      forbidden: t('bounds.yearCeilings.errors.forbidden'),
      unknown: t('bounds.yearCeilings.errors.failed'),
      network: t('bounds.yearCeilings.errors.failed'),
    },
    onConflict: () =>
      void queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id: a.id }) }),
    onFailure: (described) => setServerErrors(form, described.fieldErrors),
  });
  const summaryRef = failure.summaryRef;

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
        queryClient.invalidateQueries({ queryKey: trpc.budget.get.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.budget.statement.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.versions.queryKey({ id: a.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: a.id }) }),
      ]);
      // After approval was asked, a change of terms returns the agreement to draft (SPEC §3): say so.
      onDone(
        next.amendment
          ? t('agreementDetail.amended')
          : t('bounds.yearCeilings.saved', { version: next.version }),
      );
    },
    onError: (error) => failure.onError(error),
  });

  function add() {
    rows.append({ year: '', cents: '' }, { shouldFocus: false });
    focusSoon(() => document.getElementById(fieldId(`yearCeilings.${rows.fields.length}.year`)));
  }
  function remove(index: number) {
    rows.remove(index);
    form.clearErrors();
    setAnnouncement(t('bounds.yearCeilings.removed', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }
  const submit = form.handleSubmit(
    (ceilings) => {
      if (save.isPending) return;
      const yearCeilings = [...ceilings].sort((x, y) => x.year - y.year);
      save.mutate({ id: a.id, expectedVersion: a.version, data: { yearCeilings } });
    },
    () => focusSoon(() => summaryRef.current),
  );

  const errors = form.formState.errors;
  const rowError = (i: number, field: 'year' | 'cents') => errorText(errors.yearCeilings?.[i]?.[field]);
  const order = rows.fields.flatMap((_, i) => [`yearCeilings.${i}.year`, `yearCeilings.${i}.cents`]);
  return (
    <form
      className="regie-form"
      noValidate
      onSubmit={(event) => {
        failure.reset();
        void submit(event);
      }}
      aria-labelledby="year-ceilings-heading"
      data-testid="year-ceilings-form"
    >
      <ErrorSummary
        title={t('bounds.correction.summaryTitle')}
        general={failure.summary ? [failure.summary] : []}
        fields={orderedErrors(errors, order).map(([path, error]) => ({
          id: path === 'yearCeilings' ? 'year-ceilings-add' : fieldId(path),
          text: errorText(error) ?? '',
        }))}
        summaryRef={summaryRef}
      />
      <Paragraph className="regie-hint">{t('bounds.yearCeilings.hint')}</Paragraph>
      {rows.fields.map((row, i) => (
        <fieldset key={row.id} className="regie-fieldset">
          <legend className="regie-fieldset__legend">
            {t('bounds.yearCeilings.rowLegend', { n: i + 1 })}
          </legend>
          <div className="regie-form__row">
            <Field
              id={fieldId(`yearCeilings.${i}.year`)}
              label={t('bounds.yearCeilings.year')}
              error={rowError(i, 'year')}
            >
              {(props) => (
                <Textbox
                  {...props}
                  inputMode="numeric"
                  autoComplete="off"
                  className="regie-input--count"
                  {...form.register(`yearCeilings.${i}.year`)}
                />
              )}
            </Field>
            <Field
              id={fieldId(`yearCeilings.${i}.cents`)}
              label={t('bounds.yearCeilings.amount')}
              error={rowError(i, 'cents')}
            >
              {(props) => (
                <Textbox
                  {...props}
                  inputMode="decimal"
                  autoComplete="off"
                  className="regie-input--amount"
                  {...form.register(`yearCeilings.${i}.cents`)}
                />
              )}
            </Field>
          </div>
          <Button appearance="subtle-button" className="regie-row-remove" onClick={() => remove(i)}>
            {t('bounds.yearCeilings.remove', { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <StatusLine>{save.isPending ? t('bounds.yearCeilings.saving') : announcement}</StatusLine>
      <ButtonGroup>
        <Button
          ref={addRef}
          id="year-ceilings-add"
          appearance="secondary-action-button"
          onClick={add}
          disabled={rows.fields.length >= YEAR_CEILING_LIMIT}
        >
          {t('bounds.yearCeilings.add')}
        </Button>
        <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
          {t('bounds.yearCeilings.save')}
        </Button>
        <Button appearance="subtle-button" onClick={() => onDone(null)}>
          {t('bounds.yearCeilings.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/**
 * "Plafonds per jaar" in the budget section (SPEC §4.4: ceilings per agreement, line and year): the years with a
 * ceiling of their own, and for who may change the terms an editor that saves them as a new terms version
 * (optimistic version, audited like every change of terms).
 */
export function YearCeilings({
  a,
  editable,
  locale,
}: {
  a: InternalAgreement;
  editable: boolean;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { announce, outcome } = useOutcome('year-ceilings-outcome');
  const editRef = useRef<HTMLButtonElement>(null);
  function done(text: string | null) {
    setEditing(false);
    if (text) announce(text);
    else focusSoon(() => editRef.current);
  }
  const ceilings = [...a.yearCeilings].sort((x, y) => x.year - y.year);
  return (
    <section className="regie-subsection" aria-labelledby="year-ceilings-heading" data-testid="year-ceilings">
      <h3 className="regie-subheading" id="year-ceilings-heading">
        {t('bounds.yearCeilings.legend')}
      </h3>
      {outcome}
      {ceilings.length === 0 ? (
        <Paragraph className="regie-empty">{t('bounds.yearCeilings.none')}</Paragraph>
      ) : (
        <div className="regie-table-scroll">
          <Table className="regie-table" data-testid="year-ceilings-table">
            <TableCaption className="regie-visually-hidden">
              {t('bounds.yearCeilings.listCaption')}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('bounds.yearCeilings.year')}</TableHeaderCell>
                <TableHeaderCell scope="col" className={numericHeader}>
                  {t('budget.ceiling')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {ceilings.map((c) => (
                <TableRow key={c.year}>
                  <TableHeaderCell scope="row">{c.year}</TableHeaderCell>
                  <TableCell className={numeric}>{formatMoney(c.cents, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editable && !editing ? (
        <Button ref={editRef} appearance="secondary-action-button" onClick={() => setEditing(true)}>
          {t('bounds.yearCeilings.edit')}
        </Button>
      ) : null}
      {editable && editing ? <YearCeilingsForm key={a.version} a={a} onDone={done} /> : null}
    </section>
  );
}
