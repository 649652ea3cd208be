import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, type Ref, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allocationMethodLabel } from '../../lib/agreements/labels';
import type { InternalAgreement, Me } from '../../lib/agreements/model';
import { errorCode } from '../../lib/errors';
import { DateField, ErrorSummary, Field, focusSoon, MoneyField } from '../../lib/form';
import {
  type AppLocale,
  formatDate,
  formatDateLong,
  formatDateTime,
  formatMoney,
  localeFor,
} from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import {
  defaultYear,
  type OpinionError,
  type OpinionField,
  type OpinionForm,
  OUTCOMES,
  opinionFormFrom,
  opinionInput,
  type PlanError,
  type PlanField,
  type PlanForm,
  planFormFrom,
  planInput,
  type WgrMember,
  type WgrView,
  yearOptions,
} from './model';

const NUMERIC = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';

/** A refused save in words; field errors are checked before sending. */
function failure(t: TFunction, error: unknown): string {
  const code = errorCode(error);
  if (code === 'FORBIDDEN') return t('wgr.errors.forbidden');
  if (code === 'NOT_FOUND') return t('agreementDetail.notFound');
  if (code === 'BAD_REQUEST') return t('wgr.errors.rejected');
  return t('wgr.errors.failed');
}

function DateText({ value, locale }: { value: string | undefined; locale: AppLocale }) {
  const { t } = useTranslation();
  if (!value) return <em>{t('wgr.notYet')}</em>;
  return <time dateTime={value}>{formatDate(value, locale)}</time>;
}

/** After a save: show what the server answered, and refresh the audit trail that recorded it. */
function useSaved(agreementId: string, year: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (view: WgrView) => {
    queryClient.setQueryData(trpc.wgr.get.queryKey({ agreementId, year }), view);
    await queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) });
  };
}

function Conflict({ onReload, conflictRef }: { onReload: () => void; conflictRef: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  return (
    <div ref={conflictRef} tabIndex={-1} className="regie-error-summary">
      <Alert type="warning">
        <Paragraph>{t('wgr.conflict')}</Paragraph>
        <Button appearance="secondary-action-button" onClick={onReload}>
          {t('wgr.reload')}
        </Button>
      </Alert>
    </div>
  );
}

/**
 * One save of the calendar: the mutation (with its idempotency key), what it tells on success, and how it failed —
 * a stale version as a conflict with a reload, anything else in the error summary.
 */
function useWgrSave<I>(
  view: WgrView,
  mutationKey: readonly unknown[],
  send: (input: I, options?: { context: { idempotencyKey: string } }) => Promise<WgrView>,
  done: (result: WgrView, input: I) => string,
  onDone: (text: string) => void,
) {
  const { t } = useTranslation();
  const saved = useSaved(view.agreementId, view.year);
  const [general, setGeneral] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const keys = useRef(idempotencyKeys());
  const mutation = useMutation({
    mutationKey,
    mutationFn: (input: I) => {
      const idempotencyKey = keys.current(input);
      return send(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (result, input) => {
      keys.current = idempotencyKeys();
      onDone(done(result, input));
      await saved(result);
    },
    onError: (err) => {
      if (errorCode(err) === 'CONFLICT') {
        setConflict(true);
        focusSoon(() => conflictRef.current);
        return;
      }
      setGeneral([failure(t, err)]);
      focusSoon(() => summaryRef.current);
    },
  });
  return { mutation, general, setGeneral, conflict, setConflict, summaryRef, conflictRef };
}

/**
 * The frame both calendar forms share: heading, intro, the conflict notice, the error summary, the fields, a busy
 * line and the submit button. A submit while one is pending is ignored; otherwise the last failure is cleared before
 * `onSubmit` checks the fields.
 */
function WgrForm({
  name,
  title,
  intro,
  save,
  fields,
  onSubmit,
  onReload,
  submitLabel,
  children,
}: {
  name: 'plan' | 'opinion';
  title: string;
  intro: string;
  save: Omit<ReturnType<typeof useWgrSave>, 'mutation'> & { mutation: { isPending: boolean } };
  fields: { id: string; text: string }[];
  onSubmit: () => void;
  onReload: () => void;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `wgr-${name}-heading`;
  const pending = save.mutation.isPending;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    save.setGeneral([]);
    save.setConflict(false);
    onSubmit();
  }
  return (
    <section className="regie-subsection" aria-labelledby={headingId}>
      <h3 className="regie-subheading" id={headingId}>
        {title}
      </h3>
      <Paragraph>{intro}</Paragraph>
      <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={headingId}>
        {save.conflict ? (
          <Conflict
            conflictRef={save.conflictRef}
            onReload={() => {
              save.setConflict(false);
              onReload();
            }}
          />
        ) : null}
        <ErrorSummary
          title={t('wgr.errorTitle')}
          general={save.general}
          fields={fields}
          summaryRef={save.summaryRef}
        />
        {children}
        <div role="status" aria-live="polite" className="regie-status">
          {pending ? t('app.loading') : null}
        </div>
        <Button type="submit" appearance="primary-action-button" busy={pending}>
          {submitLabel}
        </Button>
      </form>
    </section>
  );
}

function StepsTable({ view, locale }: { view: WgrView; locale: AppLocale }) {
  const { t } = useTranslation();
  const params = { year: view.year, before: view.year - 1, after: view.year + 1 };
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" data-testid="wgr-steps">
        <TableCaption className="regie-visually-hidden">
          {t('wgr.stepsCaption', { year: view.year })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('wgr.step')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('wgr.date')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('wgr.article')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('wgr.warning')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.steps.map((step) => (
            <TableRow key={step.key} data-testid={`wgr-step-${step.key}`}>
              <TableHeaderCell scope="row">{t(`wgr.steps.${step.key}`)}</TableHeaderCell>
              <TableCell className="regie-nowrap">
                <time dateTime={step.date}>{formatDateLong(step.date, locale)}</time>
              </TableCell>
              <TableCell className="regie-nowrap">{step.article}</TableCell>
              <TableCell>
                {step.warningCode ? (
                  <strong>{t(`wgr.warnings.${step.warningCode}`, params)}</strong>
                ) : (
                  t('wgr.noWarning')
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function MemberRow({ m, me, locale }: { m: WgrMember; me: Me | undefined; locale: AppLocale }) {
  const { t } = useTranslation();
  const o = m.opinion;
  return (
    <TableRow
      data-testid={`wgr-member-${m.space}`}
      className={m.space === me?.space ? 'regie-row--own' : undefined}
    >
      <TableHeaderCell scope="row">
        {m.name}
        {m.space === me?.space ? <strong className="regie-own-marker"> {t('wgr.yours')}</strong> : null}
      </TableHeaderCell>
      <TableCell className={NUMERIC}>
        {m.contributionCents === null ? '–' : formatMoney(m.contributionCents, locale)}
      </TableCell>
      <TableCell className="regie-nowrap">
        <DateText value={o?.draftReceived} locale={locale} />
        {m.windowCloses ? (
          <>
            <br />
            <small>{t('wgr.windowCloses', { date: formatDate(m.windowCloses, locale) })}</small>
          </>
        ) : null}
      </TableCell>
      <TableCell className="regie-nowrap">
        <DateText value={o?.opinionSubmitted} locale={locale} />
      </TableCell>
      <TableCell data-testid={`wgr-outcome-${m.space}`}>
        {o?.outcome ? t(`wgr.outcomes.${o.outcome}`) : <em>{t('wgr.notYet')}</em>}
      </TableCell>
      <TableCell>{o?.summary ? <span className="regie-multiline">{o.summary}</span> : '–'}</TableCell>
      <TableCell className="regie-nowrap">
        {o?.outcome === 'no_opinion' ? '–' : <DateText value={o?.answered} locale={locale} />}
      </TableCell>
      <TableCell>
        {m.flags.length === 0 ? (
          t('wgr.none')
        ) : (
          <ul className="regie-list">
            {m.flags.map((flag) => (
              <li key={flag}>{t(`wgr.flags.${flag}`)}</li>
            ))}
          </ul>
        )}
      </TableCell>
    </TableRow>
  );
}

function MembersTable({ view, me, locale }: { view: WgrView; me: Me | undefined; locale: AppLocale }) {
  const { t } = useTranslation();
  return (
    <>
      {view.budgetCents !== null && view.allocationMethod ? (
        <Paragraph data-testid="wgr-budget">
          {t('wgr.budgetLine', {
            amount: formatMoney(view.budgetCents, locale),
            source: t(`wgr.budgetSources.${view.budgetSource}`, { year: view.year }),
            method: allocationMethodLabel(t, view.allocationMethod),
          })}
        </Paragraph>
      ) : (
        <Paragraph>{t('wgr.noContributions')}</Paragraph>
      )}
      <div className="regie-table-scroll">
        <Table className="regie-table" data-testid="wgr-members">
          <TableCaption className="regie-visually-hidden">
            {t('wgr.membersCaption', { year: view.year })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('wgr.member')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                {t('wgr.contribution', { year: view.year })}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.draftReceived')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.opinionSubmitted')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.outcome')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.summary')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.answered')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('wgr.attention')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.members.map((m) => (
              <MemberRow key={m.space} m={m} me={me} locale={locale} />
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

/** The board's plan: creates the calendar (version 0) or moves its dates; empty fields take the defaults. */
function PlanFormSection({
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
  const [form, setForm] = useState<PlanForm>(() => planFormFrom(view, locale));
  const [errors, setErrors] = useState<Partial<Record<PlanField, PlanError>>>({});
  const params = { year: view.year, before: view.year - 1, after: view.year + 1 };
  const id = (f: PlanField) => `wgr-plan-${f}`;
  const save = useWgrSave(
    view,
    trpc.wgr.plan.mutationKey(),
    (input: Parameters<typeof client.wgr.plan.mutate>[0], options) => client.wgr.plan.mutate(input, options),
    (result) => t(view.exists ? 'wgr.planSaved' : 'wgr.createdNotice', { year: result.year }),
    onDone,
  );

  function submit() {
    const result = planInput(
      form,
      { agreementId: view.agreementId, year: view.year, expectedVersion: view.version },
      locale,
    );
    if (!result.ok) {
      setErrors(result.errors);
      focusSoon(() => save.summaryRef.current);
      return;
    }
    setErrors({});
    save.mutation.mutate(result.input);
  }

  const errorOf = (f: PlanField) => (errors[f] ? t(`wgr.errors.${errors[f]}`, params) : undefined);
  const fields = (['budgetAdoption', 'accountsAdoption', 'draftBudget'] as const)
    .filter((f) => errors[f])
    .map((f) => ({ id: id(f), text: errorOf(f) ?? '' }));
  const set = (f: PlanField) => (value: string) => setForm((current) => ({ ...current, [f]: value }));
  return (
    <WgrForm
      name="plan"
      title={t('wgr.planTitle')}
      intro={t('wgr.planIntro')}
      save={save}
      fields={fields}
      onSubmit={submit}
      onReload={onReload}
      submitLabel={view.exists ? t('wgr.savePlan') : t('wgr.create', { year: view.year })}
    >
      <div className="regie-form__row">
        <DateField
          id={id('budgetAdoption')}
          label={t('wgr.budgetAdoptionField')}
          hint={t('wgr.budgetAdoptionHint', params)}
          error={errorOf('budgetAdoption')}
          name="budgetAdoption"
          value={form.budgetAdoption}
          onChange={set('budgetAdoption')}
        />
        <DateField
          id={id('accountsAdoption')}
          label={t('wgr.accountsAdoptionField')}
          hint={t('wgr.accountsAdoptionHint', params)}
          error={errorOf('accountsAdoption')}
          name="accountsAdoption"
          value={form.accountsAdoption}
          onChange={set('accountsAdoption')}
        />
      </div>
      <MoneyField
        id={id('draftBudget')}
        label={t('wgr.draftBudgetField')}
        hint={t('wgr.draftBudgetHint')}
        error={errorOf('draftBudget')}
        name="draftBudget"
        autoComplete="off"
        value={form.draftBudget}
        onChange={set('draftBudget')}
      />
    </WgrForm>
  );
}

/** One council's opinion: the rows the caller may write (all for the region, its own for a member). */
function OpinionFormSection({
  view,
  onDone,
  onReload,
}: {
  view: WgrView;
  onDone: (text: string) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const memberOf = (space: string) => view.members.find((m) => m.space === space);
  const first = view.canRecordFor[0] ?? '';
  const [form, setForm] = useState<OpinionForm>(() =>
    opinionFormFrom(first, memberOf(first)?.opinion ?? null),
  );
  const [errors, setErrors] = useState<Partial<Record<OpinionField, OpinionError>>>({});
  const id = (f: OpinionField | 'member') => `wgr-opinion-${f}`;
  const record = useWgrSave(
    view,
    trpc.wgr.recordOpinion.mutationKey(),
    (input: Parameters<typeof client.wgr.recordOpinion.mutate>[0], options) =>
      client.wgr.recordOpinion.mutate(input, options),
    (result, input) =>
      t('wgr.recorded', {
        name: result.members.find((m) => m.space === input.member)?.name ?? input.member,
      }),
    onDone,
  );

  function submit() {
    const result = opinionInput(form, {
      agreementId: view.agreementId,
      year: view.year,
      expectedVersion: view.version,
    });
    if (!result.ok) {
      setErrors(result.errors);
      focusSoon(() => record.summaryRef.current);
      return;
    }
    setErrors({});
    record.mutation.mutate(result.input);
  }

  const errorOf = (f: OpinionField) =>
    errors[f] ? t(`wgr.errors.${errors[f]}`, { year: view.year }) : undefined;
  const order: OpinionField[] = ['draftReceived', 'opinionSubmitted', 'outcome', 'summary', 'answered'];
  const fields = order.filter((f) => errors[f]).map((f) => ({ id: id(f), text: errorOf(f) ?? '' }));
  const set = (f: keyof OpinionForm) => (value: string) => setForm((current) => ({ ...current, [f]: value }));
  const dateField = (f: 'draftReceived' | 'opinionSubmitted' | 'answered', label: string) => (
    <DateField id={id(f)} label={label} error={errorOf(f)} name={f} value={form[f]} onChange={set(f)} />
  );
  return (
    <WgrForm
      name="opinion"
      title={t('wgr.recordTitle')}
      intro={t('wgr.recordIntro')}
      save={record}
      fields={fields}
      onSubmit={submit}
      onReload={onReload}
      submitLabel={t('wgr.record')}
    >
      <Field id={id('member')} label={t('wgr.memberField')} error={undefined}>
        {(props) => (
          <Select
            {...props}
            name="member"
            value={form.member}
            onChange={(e) => {
              setErrors({});
              setForm(opinionFormFrom(e.target.value, memberOf(e.target.value)?.opinion ?? null));
            }}
          >
            {view.canRecordFor.map((space) => (
              <SelectOption key={space} value={space}>
                {memberOf(space)?.name ?? space}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <div className="regie-form__row">
        {dateField('draftReceived', t('wgr.draftReceived'))}
        {dateField('opinionSubmitted', t('wgr.opinionSubmitted'))}
        <Field id={id('outcome')} label={t('wgr.outcomeField')} error={errorOf('outcome')}>
          {(props) => (
            <Select
              {...props}
              name="outcome"
              value={form.outcome}
              onChange={(e) => set('outcome')(e.target.value)}
            >
              <SelectOption value="">{t('wgr.outcomeEmpty')}</SelectOption>
              {OUTCOMES.map((o) => (
                <SelectOption key={o} value={o}>
                  {t(`wgr.outcomes.${o}`)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field
        id={id('summary')}
        label={t('wgr.summaryField')}
        hint={t('wgr.summaryHint')}
        error={errorOf('summary')}
      >
        {(props) => (
          <Textarea
            {...props}
            name="summary"
            rows={3}
            maxLength={2000}
            value={form.summary}
            onChange={(e) => set('summary')(e.target.value)}
          />
        )}
      </Field>
      {dateField('answered', t('wgr.answered'))}
    </WgrForm>
  );
}

/**
 * "P&C-cyclus (Wgr)" on a GR's page (SPEC §5.6): pick a budget year (next year by default), see every statutory
 * date with its article and warning, per participating council its opinion next to the municipality's
 * contribution, and — for whoever may — plan the calendar and record an opinion.
 */
export function WgrSection({ a, me }: { a: InternalAgreement; me: Me | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const [year, setYear] = useState(() => defaultYear());
  const query = useQuery(trpc.wgr.get.queryOptions({ agreementId: a.id, year }));
  const { announce, outcome } = useOutcome('wgr-outcome');
  const view = query.data;
  const reload = () => void query.refetch();
  return (
    <Section id="wgr" title={t('wgr.title')}>
      <Paragraph>{t('wgr.intro')}</Paragraph>
      <div className="regie-form">
        <Field id="wgr-year" label={t('wgr.year')} error={undefined}>
          {(props) => (
            <Select
              {...props}
              name="year"
              value={String(year)}
              onChange={(e) => setYear(Number(e.target.value))}
            >
              {yearOptions().map((y) => (
                <SelectOption key={y} value={String(y)}>
                  {y}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {outcome}
      <div role="status" aria-live="polite" className="regie-status">
        {query.isPending ? t('wgr.loading') : null}
      </div>
      {query.isError ? (
        <Alert type="error">
          <Paragraph>{t('wgr.error')}</Paragraph>
          <Button appearance="secondary-action-button" onClick={reload}>
            {t('wgr.retry')}
          </Button>
        </Alert>
      ) : null}
      {view && view.year === year ? (
        <div data-testid="wgr-calendar">
          <Paragraph data-testid="wgr-state">
            {view.exists && view.updatedAt
              ? t('wgr.updated', {
                  version: view.version,
                  at: formatDateTime(view.updatedAt, locale),
                  by: view.updatedBy ?? '',
                })
              : t('wgr.notCreated', { year: view.year })}
          </Paragraph>
          <h3 className="regie-subheading">{t('wgr.stepsTitle')}</h3>
          <StepsTable view={view} locale={locale} />
          <h3 className="regie-subheading">{t('wgr.membersTitle')}</h3>
          <MembersTable view={view} me={me} locale={locale} />
          {view.canPlan ? (
            <PlanFormSection
              key={`plan-${view.year}-${view.version}`}
              view={view}
              onDone={announce}
              onReload={reload}
            />
          ) : null}
          {view.canRecordFor.length > 0 && view.exists ? (
            <OpinionFormSection
              key={`opinion-${view.year}-${view.version}`}
              view={view}
              onDone={announce}
              onReload={reload}
            />
          ) : null}
          {view.canRecordFor.length > 0 && !view.exists ? (
            <Paragraph>{t('wgr.createFirst', { year: view.year })}</Paragraph>
          ) : null}
          {!view.canPlan && view.canRecordFor.length === 0 ? (
            <Paragraph>{t('wgr.readOnly')}</Paragraph>
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}
