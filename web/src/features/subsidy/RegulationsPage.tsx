import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
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
import { type FormEvent, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isProviderUser } from '../../lib/agreements/model';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { useErrorText } from '../../lib/form-schema';
import { type AppLocale, formatDateLong, formatMoney, formatPercent, localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { ListState, useOutcome } from '../../lib/outcome';
import { PageHeading, usePageTitle } from '../../lib/page';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { REGULATION_FIELDS, type RegulationValues, regulationDefaults, regulationSchema } from './forms';
import { canDecide, ceilingUse, type Regulation } from './model';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
const numericHeader = 'utrecht-table__header-cell--numeric-column';

/** The ceiling's use as a bar; the numbers are in the row itself, so the bar is only a picture of them. */
export function CeilingBar({ regulation, locale }: { regulation: Regulation; locale: AppLocale }) {
  const { t } = useTranslation();
  const used = ceilingUse(regulation);
  if (used === null) return <span>{t('subsidy.regulations.noCeiling')}</span>;
  const level = used >= 10_000 ? '#a4262c' : used >= 8_000 ? '#8a5300' : '#24598f';
  return (
    <span className="regie-nowrap" style={{ display: 'inline-flex', alignItems: 'center', gap: '0.5rem' }}>
      <svg width="120" height="12" aria-hidden="true" focusable="false">
        <rect x="0" y="0" width="120" height="12" fill="#e6e6e6" stroke="#595959" strokeWidth="1" />
        <rect x="0" y="0" width={Math.round((used / 10_000) * 120)} height="12" fill={level} />
      </svg>
      <span>{t('subsidy.regulations.usedPercent', { percent: formatPercent(used, locale) })}</span>
    </span>
  );
}

function RegulationsTable({ rows, locale }: { rows: Regulation[]; locale: AppLocale }) {
  const { t } = useTranslation();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" data-testid="regulations-table">
        <TableCaption className="regie-visually-hidden">{t('subsidy.regulations.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('subsidy.regulations.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('subsidy.regulations.budgetYear')}</TableHeaderCell>
            <TableHeaderCell scope="col" className={numericHeader}>
              {t('subsidy.regulations.ceiling')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className={numericHeader}>
              {t('subsidy.regulations.granted')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className={numericHeader}>
              {t('subsidy.regulations.room')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t('subsidy.regulations.use')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid={`regulation-${r.id}`}>
              <TableHeaderCell scope="row">
                {r.name}
                <br />
                <span className="regie-hint">
                  {t('subsidy.regulations.legalBasis')}: {r.legalBasis}
                </span>
                <br />
                <span className="regie-hint">
                  {r.ceilingPublishedOn
                    ? t('subsidy.regulations.published', {
                        date: formatDateLong(r.ceilingPublishedOn, locale),
                      })
                    : r.ceilingCents === null
                      ? ''
                      : t('subsidy.regulations.notPublished')}
                </span>
              </TableHeaderCell>
              <TableCell>{r.budgetYear}</TableCell>
              <TableCell className={numeric}>
                {r.ceilingCents === null
                  ? t('subsidy.regulations.noCeiling')
                  : formatMoney(r.ceilingCents, locale)}
              </TableCell>
              <TableCell className={numeric}>{formatMoney(r.grantedCents, locale)}</TableCell>
              <TableCell className={numeric} data-testid={`regulation-room-${r.id}`}>
                {r.roomLeftCents === null
                  ? t('subsidy.regulations.noCeiling')
                  : formatMoney(r.roomLeftCents, locale)}
              </TableCell>
              <TableCell>
                <CeilingBar regulation={r} locale={locale} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function NewRegulationForm({ onDone }: { onDone: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const schema = useMemo(() => regulationSchema(locale), [locale]);
  const form = useForm({
    resolver: standardSchemaResolver(schema),
    defaultValues: regulationDefaults(new Date().getFullYear() + 1) satisfies RegulationValues,
    // Focus goes to the error summary, which links to each field.
    shouldFocusError: false,
  });
  const error = useErrorText(form.formState.errors);
  // A refusal in the user's language from the server's reason key (the fields were checked before sending).
  const failure = useMutationError({
    fieldOf: () => undefined,
    messages: { unknown: t('subsidy.regulations.errors.failed') },
  });
  const summaryRef = failure.summaryRef;
  const keys = useRef(idempotencyKeys());
  const id = (field: keyof RegulationValues) => `regulation-${field}`;

  const create = useMutation({
    mutationFn: (input: Parameters<typeof client.subsidy.createRegulation.mutate>[0]) => {
      const idempotencyKey = keys.current(input);
      return client.subsidy.createRegulation.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (created) => {
      keys.current = idempotencyKeys();
      failure.reset();
      form.reset(regulationDefaults(created.budgetYear));
      onDone(t('subsidy.regulations.created', { name: created.name }));
      await queryClient.invalidateQueries({ queryKey: trpc.subsidy.regulations.pathKey() });
    },
    onError: (error) => failure.onError(error),
  });

  const send = form.handleSubmit(
    (input) => create.mutate(input),
    () => focusSoon(() => summaryRef.current),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    failure.reset();
    void send(event);
  }

  const text = (field: keyof RegulationValues, label: string, hint?: string, type = 'text') => (
    <Field id={id(field)} label={label} hint={hint} error={error(field)}>
      {(props) => <Textbox {...props} {...form.register(field)} type={type} />}
    </Field>
  );
  const root = error('root');
  const general = failure.summary ? [failure.summary] : [];

  return (
    <form className="regie-form" noValidate onSubmit={submit}>
      <ErrorSummary
        title={t('subsidy.regulations.errors.summary')}
        general={root ? [...general, root] : general}
        fields={REGULATION_FIELDS.flatMap((f) => {
          const message = error(f);
          return message ? [{ id: id(f), text: message }] : [];
        })}
        summaryRef={summaryRef}
      />
      {text('name', t('subsidy.regulations.fields.name'))}
      {text(
        'legalBasis',
        t('subsidy.regulations.fields.legalBasis'),
        t('subsidy.regulations.fields.legalBasisHint'),
      )}
      {text('budgetYear', t('subsidy.regulations.fields.budgetYear'))}
      {text('ceiling', t('subsidy.regulations.fields.ceiling'), t('subsidy.regulations.fields.ceilingHint'))}
      {text('publishedOn', t('subsidy.regulations.fields.publishedOn'), undefined, 'date')}
      {text('decisionWeeks', t('subsidy.regulations.fields.decisionWeeks'))}
      {text('settlementWeeks', t('subsidy.regulations.fields.settlementWeeks'))}
      {text(
        'exOfficioUpTo',
        t('subsidy.regulations.fields.exOfficioUpTo'),
        t('subsidy.regulations.fields.exOfficioHint'),
      )}
      <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
        {t('subsidy.regulations.create')}
      </Button>
    </form>
  );
}

/** "Subsidieregelingen": each regulation with its ceiling, what is granted and the room left, as a bar. */
export function RegulationsPage() {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  usePageTitle(t('subsidy.regulations.title'));
  const me = useQuery(trpc.me.get.queryOptions());
  const provider = me.data ? isProviderUser(me.data) : undefined;
  const list = useQuery({ ...trpc.subsidy.regulations.queryOptions({}), enabled: provider === false });
  const rows = list.data ?? [];
  const { announce, outcome } = useOutcome('regulation-outcome');
  // Subsidy regulations are the municipality's own; a recipient finds its subsidy in its register.
  if (provider) {
    return (
      <div className="regie-detail">
        <PageHeading>{t('subsidy.regulations.title')}</PageHeading>
        <Paragraph>{t('subsidy.regulations.forProviders')}</Paragraph>
      </div>
    );
  }
  return (
    <div className="regie-detail">
      <PageHeading>{t('subsidy.regulations.title')}</PageHeading>
      <Paragraph lead>{t('subsidy.regulations.lead')}</Paragraph>
      <StatusLine>
        {list.isPending
          ? t('subsidy.regulations.loading')
          : list.isSuccess
            ? t('subsidy.regulations.count', { count: rows.length })
            : null}
      </StatusLine>
      <ListState
        query={list}
        empty={t('subsidy.regulations.empty')}
        error={t('subsidy.regulations.error')}
        isEmpty={rows.length === 0}
        retry={t('subsidy.regulations.retry')}
      />
      {rows.length > 0 ? <RegulationsTable rows={rows} locale={locale} /> : null}
      {canDecide(me.data) ? (
        <Section id="new-regulation" title={t('subsidy.regulations.newTitle')}>
          {outcome}
          <NewRegulationForm onDone={announce} />
        </Section>
      ) : null}
    </div>
  );
}
