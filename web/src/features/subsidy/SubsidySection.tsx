import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormField,
  FormLabel,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { InternalAgreement, Me } from '../../lib/agreements/model';
import { errorCode } from '../../lib/errors';
import { DateField, Field, focusSoon, MoneyField } from '../../lib/form';
import {
  type AppLocale,
  formatAmount,
  formatDateLong,
  formatMoney,
  isIsoDate,
  localeFor,
} from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import {
  canDecide,
  requiredCents,
  SETTLEMENT_GROUNDS,
  type SettlementGround,
  type SubsidyView,
} from './model';
import { CeilingBar } from './RegulationsPage';

type Failure =
  | { kind: 'conflict' }
  | { kind: 'error'; text: string; reason?: string }
  | { kind: 'ceiling'; reason: string };

/** One row of a subsidy data list. */
export function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <DataListItem data-testid={testId}>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

/** Every view of this subsidy, its agreement and the regulations, fresh from the server after a decision. */
function useRefresh(agreementId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.subsidy.get.queryKey({ agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.subsidy.regulations.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id: agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.find.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
    ]);
}

/** A failed decision in words: a stale version with a reload, the ceiling with the room left, or the server's reason. */
function FailureNotice({
  failure,
  view,
  onReload,
  failureRef,
}: {
  failure: Failure | null;
  view: SubsidyView;
  onReload: () => void;
  failureRef: React.Ref<HTMLDivElement>;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const regulation = view.regulation;
  return (
    <div ref={failureRef} tabIndex={-1} className="regie-outcome" aria-live="polite">
      {failure?.kind === 'ceiling' ? (
        <Alert type="error" data-testid="grant-refused">
          <Paragraph>
            <strong>{t('subsidy.section.grant.refused')}</strong>
          </Paragraph>
          {regulation && regulation.roomLeftCents !== null ? (
            <Paragraph data-testid="grant-room-left">
              {t('subsidy.section.grant.room', {
                name: regulation.name,
                room: formatMoney(regulation.roomLeftCents, locale),
              })}
            </Paragraph>
          ) : null}
          <Paragraph>
            {t('subsidy.section.errors.reason')} <span lang="en">{failure.reason}</span>
          </Paragraph>
        </Alert>
      ) : null}
      {failure?.kind === 'error' ? (
        <Alert type="error">
          <Paragraph>{failure.text}</Paragraph>
          {failure.reason ? (
            <Paragraph>
              {t('subsidy.section.errors.reason')} <span lang="en">{failure.reason}</span>
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}
      {failure?.kind === 'conflict' ? (
        <Alert type="warning">
          <Paragraph>{t('subsidy.section.errors.conflict')}</Paragraph>
          <Button appearance="secondary-action-button" onClick={onReload}>
            {t('subsidy.section.errors.reload')}
          </Button>
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * One decision (application, grant, advance, settlement) on the subsidy as `view` shows it: `submit` sends the
 * form's fields with the agreement and the version seen; its outcome line and how it failed.
 */
function useDecision<I extends { agreementId: string; expectedVersion: number }>(
  view: SubsidyView,
  send: (input: I, options?: { context: { idempotencyKey: string } }) => Promise<SubsidyView>,
  done: (view: SubsidyView) => string,
  announce: (text: string) => void,
) {
  const { t } = useTranslation();
  const refresh = useRefresh(view.agreementId);
  const [failure, setFailure] = useState<Failure | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const keys = useRef(idempotencyKeys());
  const mutation = useMutation({
    mutationFn: (input: I) => {
      const idempotencyKey = keys.current(input);
      return send(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: async (view) => {
      keys.current = idempotencyKeys();
      setFailure(null);
      await refresh();
      announce(done(view));
    },
    onError: async (error) => {
      const code = errorCode(error);
      const reason = error instanceof Error ? error.message : undefined;
      if (code === 'CONFLICT') setFailure({ kind: 'conflict' });
      else if (code === 'FORBIDDEN')
        setFailure({ kind: 'error', text: t('subsidy.section.errors.forbidden') });
      else if (code === 'BAD_REQUEST' && reason?.includes('Awb 4:25')) {
        // Show the room left as it is now, not as it was when the page loaded.
        await refresh();
        setFailure({ kind: 'ceiling', reason });
      } else
        setFailure({
          kind: 'error',
          text: t('subsidy.section.errors.failed'),
          ...(code === 'BAD_REQUEST' && reason ? { reason } : {}),
        });
      focusSoon(() => failureRef.current);
    },
  });
  const reload = async () => {
    setFailure(null);
    await refresh();
  };
  const submit = (fields: Omit<I, 'agreementId' | 'expectedVersion'>) =>
    mutation.mutate({ ...fields, agreementId: view.agreementId, expectedVersion: view.version } as I);
  return { mutation, submit, failure, failureRef, reload, clear: () => setFailure(null) };
}

/**
 * The frame every decision form shares: its heading, how the last attempt failed, its fields and the submit button.
 * A submit while one is pending is ignored; otherwise the old failure is cleared before `onSubmit` checks the fields.
 */
function DecisionForm({
  name,
  view,
  decision,
  onSubmit,
  appearance,
  children,
}: {
  /** Also names its texts: `subsidy.section.<name>.title` and `.submit`. */
  name: 'apply' | 'grant' | 'settle' | 'advance';
  view: SubsidyView;
  decision: {
    mutation: { isPending: boolean };
    failure: Failure | null;
    failureRef: React.Ref<HTMLDivElement>;
    reload: () => Promise<void>;
    clear: () => void;
  };
  onSubmit: () => void;
  appearance: 'primary-action-button' | 'secondary-action-button';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `subsidy-${name}-heading`;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (decision.mutation.isPending) return;
    decision.clear();
    onSubmit();
  }
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <Heading3 id={headingId}>{t(`subsidy.section.${name}.title`)}</Heading3>
      <FailureNotice
        failure={decision.failure}
        view={view}
        onReload={() => void decision.reload()}
        failureRef={decision.failureRef}
      />
      {children}
      <Button type="submit" appearance={appearance} busy={decision.mutation.isPending}>
        {t(`subsidy.section.${name}.submit`)}
      </Button>
    </form>
  );
}

/** A checkbox with its label after it (NL Design System "choice" layout). */
function CheckboxField({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <FormField
      type="checkbox"
      className="regie-choice"
      label={
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          {label}
        </FormLabel>
      }
      input={
        <Checkbox id={id} appearance="html" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      }
    />
  );
}

/** What each decision form gets: the subsidy as the server last showed it, and where to announce. */
interface DecisionFormProps {
  view: SubsidyView;
  announce: (text: string) => void;
}

/** The application under a regulation; the agreement's space and value ceiling give the choices and the default. */
function ApplicationForm({ a, view, announce }: DecisionFormProps & { a: InternalAgreement }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const regulations = useQuery(trpc.subsidy.regulations.queryOptions({ space: a.space }));
  const record = view.record;
  const [regulationId, setRegulationId] = useState(record?.regulationId ?? '');
  const [date, setDate] = useState(record?.applicationDate ?? '');
  const [amount, setAmount] = useState(() => {
    const cents = record?.requestedCents ?? a.valueCeilingCents;
    return cents ? formatAmount(cents, locale) : '';
  });
  const [bookYear, setBookYear] = useState(record?.bookYear ? String(record.bookYear) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const decision = useDecision(
    view,
    (input: Parameters<typeof client.subsidy.recordApplication.mutate>[0], options) =>
      client.subsidy.recordApplication.mutate(input, options),
    () => t('subsidy.section.apply.done'),
    announce,
  );

  function submit() {
    const next: Record<string, string> = {};
    const cents = requiredCents(amount, locale);
    if (!regulationId) next.regulation = t('subsidy.section.errors.regulation');
    if (!isIsoDate(date)) next.date = t('subsidy.section.errors.date');
    if (cents === null) next.amount = t('subsidy.section.errors.amount');
    const year = bookYear.trim() === '' ? null : Number(bookYear);
    if (year !== null && (!Number.isInteger(year) || year < 2000 || year > 2100))
      next.bookYear = t('subsidy.section.errors.bookYear');
    setErrors(next);
    if (Object.keys(next).length > 0 || cents === null) return;
    decision.submit({
      regulationId,
      applicationDate: date,
      requestedCents: cents,
      bookYear: year,
    });
  }

  return (
    <DecisionForm
      name="apply"
      view={view}
      decision={decision}
      onSubmit={submit}
      appearance="secondary-action-button"
    >
      <Field id="subsidy-regulation" label={t('subsidy.section.apply.regulation')} error={errors.regulation}>
        {(props) => (
          <Select {...props} value={regulationId} onChange={(e) => setRegulationId(e.target.value)}>
            <SelectOption value="">{t('subsidy.section.apply.choose')}</SelectOption>
            {(regulations.data ?? []).map((r) => (
              <SelectOption key={r.id} value={r.id}>
                {r.name} ({r.budgetYear})
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <DateField
        id="subsidy-application-date"
        label={t('subsidy.section.apply.date')}
        error={errors.date}
        value={date}
        onChange={setDate}
      />
      <MoneyField
        id="subsidy-requested"
        label={t('subsidy.section.apply.amount')}
        error={errors.amount}
        value={amount}
        onChange={setAmount}
      />
      <Field id="subsidy-book-year" label={t('subsidy.section.apply.bookYear')} error={errors.bookYear}>
        {(props) => (
          <Textbox
            {...props}
            inputMode="numeric"
            value={bookYear}
            onChange={(e) => setBookYear(e.target.value)}
          />
        )}
      </Field>
    </DecisionForm>
  );
}

function GrantForm({ view, announce }: DecisionFormProps) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const client = useTRPCClient();
  const record = view.record!;
  const regulation = view.regulation;
  const late = view.application?.late === true;
  const [amount, setAmount] = useState(() => formatAmount(record.requestedCents, locale));
  const [settlementDue, setSettlementDue] = useState('');
  const [acceptLate, setAcceptLate] = useState(false);
  const [motivation, setMotivation] = useState('');
  const [settleAtGrant, setSettleAtGrant] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const decision = useDecision(
    view,
    (input: Parameters<typeof client.subsidy.grant.mutate>[0], options) =>
      client.subsidy.grant.mutate(input, options),
    (v) =>
      t('subsidy.section.grant.done', { amount: formatMoney(v.record?.grant?.amountCents ?? 0, locale) }),
    announce,
  );
  const cents = requiredCents(amount, locale);
  const phaseOut = view.phaseOut;
  const cuts =
    cents !== null &&
    phaseOut.consecutiveYears >= 3 &&
    phaseOut.previousAnnualCents !== null &&
    cents < phaseOut.previousAnnualCents;

  function submit() {
    const next: Record<string, string> = {};
    if (cents === null) next.amount = t('subsidy.section.errors.amount');
    if (settlementDue !== '' && !isIsoDate(settlementDue))
      next.settlementDue = t('subsidy.section.errors.date');
    if (late && acceptLate && motivation.trim() === '')
      next.motivation = t('subsidy.section.errors.motivation');
    setErrors(next);
    if (Object.keys(next).length > 0 || cents === null) return;
    decision.submit({
      amountCents: cents,
      ...(settlementDue ? { settlementDueDate: settlementDue } : {}),
      ...(late && acceptLate ? { acceptLateApplication: true, lateMotivation: motivation.trim() } : {}),
      ...(settleAtGrant ? { settleAtGrant: true } : {}),
    });
  }

  return (
    <DecisionForm
      name="grant"
      view={view}
      decision={decision}
      onSubmit={submit}
      appearance="primary-action-button"
    >
      <MoneyField
        id="subsidy-grant-amount"
        label={t('subsidy.section.grant.amount')}
        error={errors.amount}
        value={amount}
        onChange={setAmount}
      />
      {cuts ? (
        <Alert type="warning" data-testid="grant-phase-out">
          <Paragraph>{phaseOutText(t, view, cents ?? 0, locale)}</Paragraph>
        </Alert>
      ) : null}
      <DateField
        id="subsidy-settlement-due"
        label={t('subsidy.section.grant.settlementDue')}
        hint={t('subsidy.section.grant.settlementDueHint')}
        error={errors.settlementDue}
        value={settlementDue}
        onChange={setSettlementDue}
      />
      {late ? (
        <>
          <CheckboxField
            id="subsidy-accept-late"
            label={t('subsidy.section.grant.acceptLate')}
            checked={acceptLate}
            onChange={setAcceptLate}
          />
          {acceptLate ? (
            <Field
              id="subsidy-late-motivation"
              label={t('subsidy.section.grant.lateMotivation')}
              error={errors.motivation}
            >
              {(props) => (
                <Textarea
                  {...props}
                  rows={3}
                  value={motivation}
                  onChange={(e) => setMotivation(e.target.value)}
                />
              )}
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
          checked={settleAtGrant}
          onChange={setSettleAtGrant}
        />
      ) : null}
    </DecisionForm>
  );
}

function SettleForm({ view, announce }: DecisionFormProps) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const client = useTRPCClient();
  const grant = view.record!.grant!;
  const exOfficio = view.status === 'granted';
  const [amount, setAmount] = useState(() => formatAmount(grant.amountCents, locale));
  const [ground, setGround] = useState<SettlementGround | ''>('');
  const [motivation, setMotivation] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const decision = useDecision(
    view,
    (input: Parameters<typeof client.subsidy.settle.mutate>[0], options) =>
      client.subsidy.settle.mutate(input, options),
    (v) =>
      t('subsidy.section.settle.done', {
        amount: formatMoney(v.record?.settlement?.amountCents ?? 0, locale),
      }),
    announce,
  );

  function submit() {
    const cents = requiredCents(amount, locale, true);
    const next: Record<string, string> = {};
    if (cents === null) next.amount = t('subsidy.section.errors.amount');
    setErrors(next);
    if (cents === null) return;
    decision.submit({
      amountCents: cents,
      exOfficio,
      ...(ground ? { ground } : {}),
      ...(motivation.trim() ? { motivation: motivation.trim() } : {}),
    });
  }

  return (
    <DecisionForm
      name="settle"
      view={view}
      decision={decision}
      onSubmit={submit}
      appearance="primary-action-button"
    >
      {exOfficio ? <Paragraph>{t('subsidy.section.settle.exOfficioNote')}</Paragraph> : null}
      <MoneyField
        id="subsidy-settle-amount"
        label={t('subsidy.section.settle.amount')}
        error={errors.amount}
        value={amount}
        onChange={setAmount}
      />
      <Field id="subsidy-settle-ground" label={t('subsidy.section.settle.ground')} error={undefined}>
        {(props) => (
          <Select
            {...props}
            value={ground}
            onChange={(e) => setGround(e.target.value as SettlementGround | '')}
          >
            <SelectOption value="">{t('subsidy.section.settle.noGround')}</SelectOption>
            {SETTLEMENT_GROUNDS.map((g) => (
              <SelectOption key={g} value={g}>
                {t(`subsidy.section.grounds.${g}`)}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field id="subsidy-settle-motivation" label={t('subsidy.section.settle.motivation')} error={undefined}>
        {(props) => (
          <Textarea {...props} rows={3} value={motivation} onChange={(e) => setMotivation(e.target.value)} />
        )}
      </Field>
    </DecisionForm>
  );
}

/** An advance (voorschot, Awb 4:95) on the grant: a date, an amount within what is left, a note. */
function AdvanceForm({ view, announce }: DecisionFormProps) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const client = useTRPCClient();
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const decision = useDecision(
    view,
    (input: Parameters<typeof client.subsidy.advance.mutate>[0], options) =>
      client.subsidy.advance.mutate(input, options),
    (v) =>
      t('subsidy.section.advance.done', {
        advanced: formatMoney(v.advancedCents, locale),
        left: formatMoney(v.advanceLeftCents ?? 0, locale),
      }),
    announce,
  );

  function submit() {
    const next: Record<string, string> = {};
    const cents = requiredCents(amount, locale);
    if (!isIsoDate(date)) next.date = t('subsidy.section.errors.date');
    if (cents === null) next.amount = t('subsidy.section.errors.amount');
    else if (view.advanceLeftCents !== null && cents > view.advanceLeftCents)
      next.amount = t('subsidy.section.errors.advanceOver', {
        left: formatMoney(view.advanceLeftCents, locale),
      });
    setErrors(next);
    if (Object.keys(next).length > 0 || cents === null) return;
    decision.submit({
      date,
      amountCents: cents,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  return (
    <DecisionForm
      name="advance"
      view={view}
      decision={decision}
      onSubmit={submit}
      appearance="secondary-action-button"
    >
      <Paragraph>
        {t('subsidy.section.advance.left', { left: formatMoney(view.advanceLeftCents ?? 0, locale) })}
      </Paragraph>
      <DateField
        id="subsidy-advance-date"
        label={t('subsidy.section.advance.date')}
        error={errors.date}
        value={date}
        onChange={setDate}
      />
      <MoneyField
        id="subsidy-advance-amount"
        label={t('subsidy.section.advance.amount')}
        error={errors.amount}
        value={amount}
        onChange={setAmount}
      />
      <Field id="subsidy-advance-note" label={t('subsidy.section.advance.note')} error={undefined}>
        {(props) => (
          <Textbox {...props} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
    </DecisionForm>
  );
}

function phaseOutText(t: TFunction, view: SubsidyView, decisionCents: number, locale: AppLocale): string {
  const p = view.phaseOut;
  return t('subsidy.section.phaseOut', {
    years: p.consecutiveYears,
    list: p.years.join(', '),
    previous: formatMoney(p.previousAnnualCents ?? 0, locale),
    decision: formatMoney(decisionCents, locale),
  });
}

function Details({ view, locale }: { view: SubsidyView; locale: AppLocale }) {
  const { t } = useTranslation();
  const record = view.record!;
  const regulation = view.regulation;
  const application = view.application;
  return (
    <DataList className="regie-data-list" data-testid="subsidy-details">
      {regulation ? (
        <>
          <Item label={t('subsidy.section.regulation')}>
            <Link href="/subsidies" className="utrecht-link">
              {regulation.name}
            </Link>{' '}
            ({regulation.legalBasis})
          </Item>
          <Item label={t('subsidy.section.ceiling')} testId="subsidy-ceiling">
            {regulation.ceilingCents === null || regulation.roomLeftCents === null ? (
              t('subsidy.section.noCeiling')
            ) : (
              <>
                {t('subsidy.section.ceilingValue', {
                  ceiling: formatMoney(regulation.ceilingCents, locale),
                  granted: formatMoney(regulation.grantedCents, locale),
                  room: formatMoney(regulation.roomLeftCents, locale),
                })}
                <br />
                <CeilingBar regulation={regulation} locale={locale} />
              </>
            )}
          </Item>
        </>
      ) : null}
      <Item label={t('subsidy.section.applicationDate')}>
        <time dateTime={record.applicationDate}>{formatDateLong(record.applicationDate, locale)}</time>
      </Item>
      <Item label={t('subsidy.section.requested')}>{formatMoney(record.requestedCents, locale)}</Item>
      <Item label={t('subsidy.section.bookYear')}>{record.bookYear ?? t('subsidy.section.noBookYear')}</Item>
      {application && !application.late ? (
        <Item label="Awb 4:60">
          {t('subsidy.section.applicationOnTime', {
            deadline: formatDateLong(application.deadline, locale),
            received: formatDateLong(application.received, locale),
          })}
        </Item>
      ) : null}
      {record.decisionDue && view.status === 'requested' ? (
        <Item label={t('subsidy.section.decisionDue')}>
          <time dateTime={record.decisionDue}>{formatDateLong(record.decisionDue, locale)}</time>
        </Item>
      ) : null}
      {record.grant ? (
        <>
          <Item label={t('subsidy.section.granted')} testId="subsidy-granted">
            {t('subsidy.section.grantedValue', {
              amount: formatMoney(record.grant.amountCents, locale),
              date: formatDateLong(record.grant.at.slice(0, 10), locale),
              by: record.grant.by,
            })}
            {record.grant.lateApplication ? (
              <>
                <br />
                {t('subsidy.section.lateAccepted', { motivation: record.grant.lateApplication.motivation })}
              </>
            ) : null}
            {record.grant.settledAtGrant ? (
              <>
                <br />
                {t('subsidy.section.settledAtGrant')}
              </>
            ) : null}
          </Item>
          {!record.grant.settledAtGrant ? (
            <Item label={t('subsidy.section.settlementDue')}>
              <time dateTime={record.grant.settlementDueDate}>
                {formatDateLong(record.grant.settlementDueDate, locale)}
              </time>
              {view.exOfficioFrom ? (
                <>
                  <br />
                  {t('subsidy.section.exOfficioFrom', { date: formatDateLong(view.exOfficioFrom, locale) })}
                </>
              ) : null}
            </Item>
          ) : null}
        </>
      ) : null}
      {record.settlement ? (
        <>
          <Item label={t('subsidy.section.settled')} testId="subsidy-settled">
            {t('subsidy.section.settledValue', {
              amount: formatMoney(record.settlement.amountCents, locale),
              date: formatDateLong(record.settlement.at.slice(0, 10), locale),
              by: record.settlement.by,
            })}{' '}
            (
            {record.settlement.exOfficio
              ? t('subsidy.section.settledExOfficio')
              : t('subsidy.section.settledOnApplication')}
            )
          </Item>
          {record.settlement.ground ? (
            <Item label={t('subsidy.section.ground')}>
              {t(`subsidy.section.grounds.${record.settlement.ground}`)}
            </Item>
          ) : null}
          {record.settlement.motivation ? (
            <Item label={t('subsidy.section.motivation')}>
              <span className="regie-multiline">{record.settlement.motivation}</span>
            </Item>
          ) : null}
        </>
      ) : null}
      {record.advances?.length ? (
        <Item label={t('subsidy.section.advances')} testId="subsidy-advances">
          <ul className="regie-plain-list">
            {record.advances.map((advance) => (
              <li key={advance.id}>
                {t('subsidy.section.advanceValue', {
                  amount: formatMoney(advance.amountCents, locale),
                  date: formatDateLong(advance.date, locale),
                })}
                {advance.note ? ` — ${advance.note}` : ''}
              </li>
            ))}
          </ul>
          {t('subsidy.section.advancedTotal', { amount: formatMoney(view.advancedCents, locale) })}
        </Item>
      ) : null}
      {view.balanceCents !== null && record.advances?.length ? (
        <Item label={t('subsidy.section.balance')} testId="subsidy-balance">
          {view.balanceCents < 0
            ? t('subsidy.section.balanceReclaim', { amount: formatMoney(-view.balanceCents, locale) })
            : t('subsidy.section.balancePay', { amount: formatMoney(view.balanceCents, locale) })}
        </Item>
      ) : null}
    </DataList>
  );
}

/**
 * A subsidy's Awb side (SPEC §3.2): its regulation with the ceiling and the room left, the application and the
 * 4:60 check, the phase-out warning (4:51), and — for the purchaser and the contract manager — recording the
 * application, granting (refused at the ceiling, with the room left), advances on the grant (4:95) and settling
 * (4:46 ground, ex officio), with the balance to pay or reclaim after the advances.
 */
export function SubsidySection({ a, me }: { a: InternalAgreement; me: Me | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const subsidy = useQuery(trpc.subsidy.get.queryOptions({ agreementId: a.id }));
  const { announce, outcome } = useOutcome('subsidy-outcome');
  const view = subsidy.data;
  const decider = canDecide(me);
  const record = view?.record ?? null;
  const ending = view && (view.status === 'requested' || view.status === 'granted');

  return (
    <Section id="subsidy" title={t('subsidy.section.title')}>
      <div role="status" aria-live="polite" className="regie-status">
        {subsidy.isPending ? t('subsidy.section.loading') : null}
      </div>
      {subsidy.isError ? <Alert type="error">{t('subsidy.section.error')}</Alert> : null}
      {outcome}
      {view ? (
        <>
          {view.application?.late ? (
            <Alert type="warning" data-testid="subsidy-late">
              <Paragraph>
                {t('subsidy.section.applicationLate', {
                  year: view.application.bookYear,
                  deadline: formatDateLong(view.application.deadline, locale),
                  weeks: view.application.weeks,
                  received: formatDateLong(view.application.received, locale),
                })}
              </Paragraph>
            </Alert>
          ) : null}
          {view.phaseOut.warning ? (
            <Alert type="warning" data-testid="subsidy-phase-out">
              <Paragraph>{phaseOutText(t, view, view.phaseOut.decisionCents, locale)}</Paragraph>
            </Alert>
          ) : ending && view.phaseOut.consecutiveYears >= 3 ? (
            <Paragraph data-testid="subsidy-phase-out-refusal">
              {t('subsidy.section.phaseOutRefusal')}
            </Paragraph>
          ) : null}
          {record ? (
            <Details view={view} locale={locale} />
          ) : (
            <Paragraph className="regie-empty">{t('subsidy.section.noApplication')}</Paragraph>
          )}
          {decider && view.status === 'requested' ? (
            <ApplicationForm key={`apply-${view.version}`} a={a} view={view} announce={announce} />
          ) : null}
          {decider && record && view.decisions.includes('granted') ? (
            <GrantForm key={`grant-${view.version}`} view={view} announce={announce} />
          ) : null}
          {decider && view.advanceLeftCents !== null && view.advanceLeftCents > 0 ? (
            <AdvanceForm key={`advance-${view.version}`} view={view} announce={announce} />
          ) : null}
          {decider && record?.grant && view.decisions.includes('settled') && view.status !== 'requested' ? (
            <SettleForm key={`settle-${view.version}`} view={view} announce={announce} />
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
