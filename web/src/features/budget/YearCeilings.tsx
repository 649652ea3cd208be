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
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InternalAgreement } from '../../lib/agreements/model';
import { errorCode, errorIssues } from '../../lib/errors';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { type AppLocale, formatMoney, localeFor } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import {
  newYearCeilingRow,
  validateYearCeilings,
  YEAR_CEILING_LIMIT,
  type YearCeilingErrorKey,
  type YearCeilingRow,
  yearCeilingRows,
} from './year-ceilings';

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
  const [rows, setRows] = useState<YearCeilingRow[]>(() => {
    const existing = yearCeilingRows(a.yearCeilings, locale);
    return existing.length > 0 ? existing : [newYearCeilingRow(a.startDate.slice(0, 4))];
  });
  const [errors, setErrors] = useState<Record<string, YearCeilingErrorKey>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const keys = useRef(idempotencyKeys());

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
    onError: (error) => {
      const code = errorCode(error);
      if (code === 'CONFLICT') {
        setGeneral([t('bounds.yearCeilings.errors.conflict')]);
        void queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id: a.id }) });
      } else if (code === 'BAD_REQUEST') {
        const issues = errorIssues(error);
        setGeneral([
          t('bounds.yearCeilings.errors.rejected'),
          ...issues.map((i) =>
            /appear once/.test(i.message) ? t('bounds.yearCeilings.errors.yearDuplicate') : i.message,
          ),
        ]);
      } else if (code === 'FORBIDDEN') setGeneral([t('bounds.yearCeilings.errors.forbidden')]);
      else setGeneral([t('bounds.yearCeilings.errors.failed')]);
      focusSoon(() => summaryRef.current);
    },
  });

  function setRow(index: number, field: 'year' | 'amount', value: string) {
    setRows((previous) => previous.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
    setErrors(
      ({ [`yearCeilings.${index}.${field === 'year' ? 'year' : 'cents'}`]: _stale, ...rest }) => rest,
    );
  }
  function add() {
    setRows((previous) => [...previous, newYearCeilingRow()]);
    focusSoon(() => document.getElementById(fieldId(`yearCeilings.${rows.length}.year`)));
  }
  function remove(index: number) {
    setRows((previous) => previous.filter((_, i) => i !== index));
    setErrors({});
    setAnnouncement(t('bounds.yearCeilings.removed', { n: index + 1 }));
    focusSoon(() => addRef.current);
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setGeneral([]);
    const result = validateYearCeilings(rows, locale);
    if (Object.keys(result.errors).length > 0) {
      setErrors(result.errors);
      focusSoon(() => summaryRef.current);
      return;
    }
    setErrors({});
    save.mutate({ id: a.id, expectedVersion: a.version, data: { yearCeilings: result.ceilings } });
  }

  const errorFor = (path: string) => {
    const key = errors[path];
    return key ? t(`bounds.yearCeilings.errors.${key}`) : undefined;
  };
  const order = rows.flatMap((_, i) => [`yearCeilings.${i}.year`, `yearCeilings.${i}.cents`]);
  return (
    <form
      className="regie-form"
      noValidate
      onSubmit={submit}
      aria-labelledby="year-ceilings-heading"
      data-testid="year-ceilings-form"
    >
      <ErrorSummary
        title={t('bounds.correction.summaryTitle')}
        general={[...general, ...(errors.yearCeilings ? [t('bounds.yearCeilings.errors.tooMany')] : [])]}
        fields={order.flatMap((path) => {
          const text = errorFor(path);
          return text ? [{ id: fieldId(path), text }] : [];
        })}
        summaryRef={summaryRef}
      />
      <Paragraph className="regie-hint">{t('bounds.yearCeilings.hint')}</Paragraph>
      {rows.map((row, i) => (
        <fieldset key={row.key} className="regie-fieldset">
          <legend className="regie-fieldset__legend">
            {t('bounds.yearCeilings.rowLegend', { n: i + 1 })}
          </legend>
          <div className="regie-form__row">
            <Field
              id={fieldId(`yearCeilings.${i}.year`)}
              label={t('bounds.yearCeilings.year')}
              error={errorFor(`yearCeilings.${i}.year`)}
            >
              {(props) => (
                <Textbox
                  {...props}
                  name={`yearCeilings.${i}.year`}
                  inputMode="numeric"
                  autoComplete="off"
                  className="regie-input--count"
                  value={row.year}
                  onChange={(e) => setRow(i, 'year', e.target.value)}
                />
              )}
            </Field>
            <Field
              id={fieldId(`yearCeilings.${i}.cents`)}
              label={t('bounds.yearCeilings.amount')}
              error={errorFor(`yearCeilings.${i}.cents`)}
            >
              {(props) => (
                <Textbox
                  {...props}
                  name={`yearCeilings.${i}.amount`}
                  inputMode="decimal"
                  autoComplete="off"
                  className="regie-input--amount"
                  value={row.amount}
                  onChange={(e) => setRow(i, 'amount', e.target.value)}
                />
              )}
            </Field>
          </div>
          <Button appearance="subtle-button" className="regie-row-remove" onClick={() => remove(i)}>
            {t('bounds.yearCeilings.remove', { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <div role="status" aria-live="polite" className="regie-status">
        {save.isPending ? t('bounds.yearCeilings.saving') : announcement}
      </div>
      <ButtonGroup>
        <Button
          ref={addRef}
          appearance="secondary-action-button"
          onClick={add}
          disabled={rows.length >= YEAR_CEILING_LIMIT}
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
