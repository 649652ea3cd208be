import '../../i18n/usage-load';
import type { UsageView } from '@regie/core/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../lib/files';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { type AppLocale, formatMoney, formatNumber, localeFor, parseDecimal } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { useOutcome } from '../../lib/outcome';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';

type Service = { id: string; name: string; price: { model: string } };
type Row = UsageView['rows'][number];

const NUMERIC = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';

/**
 * "Gebruik en afrekening" on a region's service agreement (issue 16 point 4): per member the settled months and
 * its statement (provisional from the take-up, definitive from the measured usage), with exports. The region sees
 * every member and records a month's usage; a member sees its own statement and only the region's totals (the
 * server cuts the others out: `usage.list`).
 */
export function UsageSection({
  agreementId,
  services,
}: {
  agreementId: string;
  services: readonly Service[];
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const thisYear = new Date().getUTCFullYear();
  const [year, setYear] = useState(thisYear);
  const query = useQuery(trpc.usage.list.queryOptions({ agreementId, year }));
  const [status, setStatus] = useState<string | null>(null);
  const view = query.data;
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <Section id="usage" title={t('usage.title')}>
      <Field id="usage-year" label={t('usage.year')} error={undefined}>
        {(props) => (
          <Select {...props} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => (
              <SelectOption key={y} value={String(y)}>
                {y}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <QueryState query={query} loading={t('usage.loading')} error={t('usage.loadError')} count={1} />
      {view ? (
        <>
          <Paragraph>{view.canWrite ? t('usage.intro') : t('usage.memberIntro')}</Paragraph>
          <div className="regie-table-scroll">
            <Table className="regie-table" data-testid="usage-table">
              <TableCaption className="regie-visually-hidden">{t('usage.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('usage.member')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('usage.months')}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('usage.yearProvisional')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('usage.provisional')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('usage.definitive')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('usage.difference')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {view.rows.map((row) => {
                  const s = row.detail?.statement;
                  return (
                    <TableRow key={row.member} data-testid={`usage-${row.member}`}>
                      <TableHeaderCell scope="row">{row.name}</TableHeaderCell>
                      {s ? (
                        <>
                          <TableCell>
                            {s.periods.length > 0 ? s.periods.join(', ') : t('usage.noMonths')}
                          </TableCell>
                          <TableCell className={NUMERIC}>{money(s.yearProvisional.totalCents)}</TableCell>
                          <TableCell className={NUMERIC}>{money(s.provisional.totalCents)}</TableCell>
                          <TableCell className={NUMERIC} data-testid={`usage-definitive-${row.member}`}>
                            {money(s.definitive.totalCents)}
                          </TableCell>
                          <TableCell className={NUMERIC}>{money(s.differenceCents)}</TableCell>
                        </>
                      ) : (
                        <TableCell colSpan={5}>{t('usage.hidden')}</TableCell>
                      )}
                    </TableRow>
                  );
                })}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableHeaderCell scope="row" colSpan={2}>
                    {t('usage.total')}
                  </TableHeaderCell>
                  <TableCell className={NUMERIC} data-testid="usage-total-year">
                    {money(view.totals.yearProvisionalCents)}
                  </TableCell>
                  <TableCell />
                  <TableCell className={NUMERIC} data-testid="usage-total-definitive">
                    {money(view.totals.definitiveCents)}
                  </TableCell>
                  <TableCell />
                </TableRow>
              </TableFooter>
            </Table>
          </div>
          {view.rows.flatMap((row) =>
            row.detail
              ? [
                  <Statement
                    key={row.member}
                    agreementId={agreementId}
                    row={row}
                    year={year}
                    services={services}
                    locale={locale}
                  />,
                ]
              : [],
          )}
          <StatusLine>{status}</StatusLine>
          {view.canWrite ? (
            <UsageForm
              agreementId={agreementId}
              year={year}
              view={view}
              services={services}
              locale={locale}
              onDone={setStatus}
            />
          ) : null}
        </>
      ) : null}
    </Section>
  );
}

/** One member's statement: the parts per column, the measured months, and its exports. */
function Statement({
  agreementId,
  row,
  year,
  services,
  locale,
}: {
  agreementId: string;
  row: Row;
  year: number;
  services: readonly Service[];
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const { announce, outcome } = useOutcome(`usage-export-${row.member}`);
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const s = row.detail!.statement;
  const money = (cents: number) => formatMoney(cents, locale);
  const nameOf = (id: string) => services.find((x) => x.id === id)?.name ?? id;
  const columns = [
    { key: 'year', label: t('usage.yearProvisional'), c: s.yearProvisional },
    { key: 'provisional', label: t('usage.provisional'), c: s.provisional },
    { key: 'definitive', label: t('usage.definitive'), c: s.definitive },
  ];
  async function run(format: 'xlsx' | 'pdf') {
    setBusy(format);
    try {
      await downloadFile(
        `exports/usage/${encodeURIComponent(agreementId)}/${row.member}/${year}.${format}`,
        `afrekening-${row.member}-${year}.${format}`,
      );
      announce(t('usage.exportDone'));
    } catch {
      announce(t('usage.exportFailed'));
    } finally {
      setBusy(null);
    }
  }
  return (
    <div data-testid={`usage-statement-${row.member}`}>
      <h3 className="regie-subheading">{t('usage.statementTitle', { name: row.name, year })}</h3>
      <div className="regie-table-scroll">
        <Table className="regie-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('usage.parts')}</TableHeaderCell>
              {columns.map((col) => (
                <TableHeaderCell
                  key={col.key}
                  scope="col"
                  className="utrecht-table__header-cell--numeric-column"
                >
                  {col.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {(['baseCents', 'usageCents', 'modulesCents', 'totalCents'] as const).map((part) => (
              <TableRow key={part}>
                <TableHeaderCell scope="row">
                  {t(
                    part === 'baseCents'
                      ? 'usage.base'
                      : part === 'usageCents'
                        ? 'usage.usage'
                        : part === 'modulesCents'
                          ? 'usage.modules'
                          : 'usage.totalPart',
                  )}
                </TableHeaderCell>
                {columns.map((col) => (
                  <TableCell key={col.key} className={NUMERIC}>
                    {money(col.c[part])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {s.usage.length > 0 ? (
        <>
          <Paragraph>{t('usage.measured')}</Paragraph>
          <ul className="regie-list">
            {s.usage.map((u) => (
              <li key={u.period}>
                {t('usage.measuredLine', {
                  period: u.period,
                  quantities: u.quantities
                    .map((q) => `${nameOf(q.serviceId)} ${formatNumber(q.quantity, locale)}`)
                    .join('; '),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="regie-status-actions">
        <Button
          appearance="secondary-action-button"
          busy={busy === 'xlsx'}
          disabled={busy !== null}
          onClick={() => void run('xlsx')}
        >
          {t('usage.exportXlsx', { name: row.name })}
        </Button>
        <Button
          appearance="secondary-action-button"
          busy={busy === 'pdf'}
          disabled={busy !== null}
          onClick={() => void run('pdf')}
        >
          {t('usage.exportPdf', { name: row.name })}
        </Button>
        {outcome}
      </div>
    </div>
  );
}

function UsageForm({
  agreementId,
  year,
  view,
  services,
  locale,
  onDone,
}: {
  agreementId: string;
  year: number;
  view: UsageView;
  services: readonly Service[];
  locale: AppLocale;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const failed = useMutationError({ messages: { forbidden: t('usage.forbidden') } });
  const [member, setMember] = useState(view.rows[0]?.member ?? '');
  const [period, setPeriod] = useState('');
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const prefix = 'usage-form';
  const row = view.rows.find((r) => r.member === member);
  // The modules priced per unit that the member takes: those its usage measures.
  const measured = (row?.detail?.takeup ?? []).flatMap((m) => {
    const s = services.find((x) => x.id === m.serviceId);
    return s && s.price.model !== 'fixed' ? [s] : [];
  });
  const save = useMutation({
    mutationKey: trpc.usage.set.mutationKey(),
    mutationFn: (input: Parameters<typeof client.usage.set.mutate>[0]) => client.usage.set.mutate(input),
    onSuccess: async (result, input) => {
      failed.reset();
      if (result.year === year)
        queryClient.setQueryData(trpc.usage.list.queryKey({ agreementId, year }), result);
      else await queryClient.invalidateQueries({ queryKey: trpc.usage.list.queryKey() });
      onDone(t('usage.saved', { name: row?.name ?? input.member, period: input.period }));
      setQuantities({});
      await queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) });
    },
    onError: failed.onError,
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    failed.reset();
    const found: Record<string, string> = {};
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) found[`${prefix}-period`] = t('usage.periodInvalid');
    const list = measured.flatMap((s) => {
      const q = parseDecimal(quantities[s.id] ?? '', locale);
      if (q === null || q < 0 || q > 100_000 || Math.round(q * 100) !== q * 100) {
        found[`${prefix}-q-${s.id}`] = t('usage.quantityInvalid');
        return [];
      }
      return [{ serviceId: s.id, quantity: q }];
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    // A month of the year shown carries its version; another year's month is read back from the server.
    const existing = row?.detail?.records.find((r) => r.period === period);
    save.mutate({ agreementId, member, period, expectedVersion: existing?.version ?? 0, quantities: list });
  }
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h3 className="regie-subheading" id={`${prefix}-heading`}>
        {t('usage.formTitle')}
      </h3>
      <ErrorSummary
        title={t('usage.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={Object.entries(errors).map(([id, text]) => ({ id, text }))}
        summaryRef={failed.summaryRef}
      />
      <Field id={`${prefix}-member`} label={t('usage.memberField')} error={undefined}>
        {(props) => (
          <Select
            {...props}
            value={member}
            onChange={(e) => {
              setMember(e.target.value);
              setQuantities({});
              setErrors({});
            }}
          >
            {view.rows.map((r) => (
              <SelectOption key={r.member} value={r.member}>
                {r.name}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${prefix}-period`} label={t('usage.periodField')} error={errors[`${prefix}-period`]}>
        {(props) => (
          <Textbox
            {...props}
            placeholder={`${year}-01`}
            value={period}
            onChange={(e) => setPeriod(e.target.value.trim())}
          />
        )}
      </Field>
      {measured.length === 0 ? <Paragraph>{t('usage.noTakeup')}</Paragraph> : null}
      {measured.map((s) => (
        <Field
          key={s.id}
          id={`${prefix}-q-${s.id}`}
          label={t('usage.quantityField', { name: s.name })}
          error={errors[`${prefix}-q-${s.id}`]}
        >
          {(props) => (
            <Textbox
              {...props}
              inputMode="decimal"
              value={quantities[s.id] ?? ''}
              onChange={(e) => setQuantities({ ...quantities, [s.id]: e.target.value })}
            />
          )}
        </Field>
      ))}
      <Button
        type="submit"
        appearance="primary-action-button"
        busy={save.isPending}
        disabled={measured.length === 0}
      >
        {t('usage.submit')}
      </Button>
    </form>
  );
}
