import '../../i18n/services-load';
import type { TakeupView } from '@regie/core/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormLabel,
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
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import {
  type AppLocale,
  formatDate,
  formatMoney,
  formatNumber,
  localeFor,
  parseDecimal,
} from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { ChildDvoForm } from './ChildDvoForm';

type Service = { id: string; name: string; price: { model: string } };

/**
 * "Afname per gemeente" on a region's service agreement (issue 16 point 3): per member its start date, modules and
 * yearly price. The region sees every member in full and records take-up; a member sees its own row in full and
 * the others only as a total (the server cuts them down: `takeup.list`) — unless the region shares the details with
 * its members (`takeup.configure`, the switch shown to the region's users who may write).
 */
export function TakeupSection({
  agreementId,
  services,
  memberSpace,
}: {
  agreementId: string;
  services: readonly Service[];
  /** The caller's municipality when it may create its own DVO here (a member's inkoper or contract manager). */
  memberSpace?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const query = useQuery(trpc.takeup.list.queryOptions({ agreementId }));
  const [status, setStatus] = useState<string | null>(null);
  const view = query.data;
  const nameOf = (id: string) => services.find((s) => s.id === id)?.name ?? id;
  const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
  return (
    <Section id="takeup" title={t('services.takeup.title')}>
      <QueryState
        query={query}
        loading={t('services.takeup.loading')}
        error={t('services.takeup.loadError')}
        count={1}
      />
      {view ? (
        <>
          <Paragraph>
            {view.canWrite
              ? t('services.takeup.intro')
              : view.sharing.shareWithMembers
                ? t('services.takeup.sharedIntro')
                : t('services.takeup.memberIntro')}
          </Paragraph>
          {view.canWrite ? <ShareSwitch agreementId={agreementId} view={view} onDone={setStatus} /> : null}
          <div className="regie-table-scroll">
            <Table className="regie-table" data-testid="takeup-table">
              <TableCaption className="regie-visually-hidden">{t('services.takeup.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('services.takeup.member')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('services.takeup.startDate')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('services.takeup.modules')}</TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('services.takeup.yearly')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {view.rows.map((row) => (
                  <TableRow key={row.member} data-testid={`takeup-${row.member}`}>
                    <TableHeaderCell scope="row">{row.name}</TableHeaderCell>
                    <TableCell>{row.detail ? formatDate(row.detail.startDate, locale) : ''}</TableCell>
                    <TableCell>
                      {row.detail ? (
                        <ul className="regie-list">
                          {row.detail.modules.map((m) => (
                            <li key={m.serviceId}>
                              {nameOf(m.serviceId)}
                              {m.quantity !== undefined ? ` × ${formatNumber(m.quantity, locale)}` : ''}:{' '}
                              {formatMoney(m.cents, locale)}
                            </li>
                          ))}
                        </ul>
                      ) : row.totalCents === null ? (
                        t('services.takeup.none')
                      ) : (
                        t('services.takeup.totalOnly')
                      )}
                    </TableCell>
                    <TableCell className={numeric}>
                      {row.totalCents === null ? '' : formatMoney(row.totalCents, locale)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableHeaderCell scope="row" colSpan={3}>
                    {t('services.takeup.total')}
                  </TableHeaderCell>
                  <TableCell className={numeric} data-testid="takeup-total">
                    {formatMoney(view.totalCents, locale)}
                  </TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </div>
          <StatusLine>{status}</StatusLine>
          {view.canWrite ? (
            <TakeupForm
              agreementId={agreementId}
              view={view}
              services={services}
              locale={locale}
              onDone={setStatus}
            />
          ) : null}
          {memberSpace && view.rows.some((r) => r.member === memberSpace && r.detail) ? (
            <ChildDvoForm agreementId={agreementId} />
          ) : null}
        </>
      ) : null}
    </Section>
  );
}

/** The region's switch: share every member's take-up details with the members, saved at once (versioned). */
function ShareSwitch({
  agreementId,
  view,
  onDone,
}: {
  agreementId: string;
  view: TakeupView;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const failed = useMutationError({ messages: { forbidden: t('services.takeup.forbidden') } });
  const id = 'takeup-share';
  const save = useMutation({
    mutationKey: trpc.takeup.configure.mutationKey(),
    mutationFn: (input: Parameters<typeof client.takeup.configure.mutate>[0]) =>
      client.takeup.configure.mutate(input),
    onSuccess: async (result) => {
      failed.reset();
      queryClient.setQueryData(trpc.takeup.list.queryKey({ agreementId }), result);
      onDone(t(result.sharing.shareWithMembers ? 'services.takeup.sharedOn' : 'services.takeup.sharedOff'));
      await queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) });
    },
    onError: (error) => {
      setWanted(null);
      failed.onError(error);
    },
    onSettled: () => setWanted(null),
  });
  // The switch follows the click at once; the server's answer (or a refusal) settles it.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const checked = wanted ?? view.sharing.shareWithMembers;
  return (
    <div className="regie-form">
      <ErrorSummary
        title={t('services.takeup.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={[]}
        summaryRef={failed.summaryRef}
      />
      <FormField
        type="checkbox"
        description={
          <FormFieldDescription id={`${id}-hint`}>{t('services.takeup.shareHint')}</FormFieldDescription>
        }
        label={
          <FormLabel htmlFor={id} type="checkbox" checked={checked}>
            {t('services.takeup.share')}
          </FormLabel>
        }
        input={
          <Checkbox
            id={id}
            role="switch"
            appearance="html"
            aria-describedby={`${id}-hint`}
            checked={checked}
            disabled={save.isPending}
            onChange={(e) => {
              if (save.isPending) return;
              failed.reset();
              setWanted(e.target.checked);
              save.mutate({
                agreementId,
                shareWithMembers: e.target.checked,
                expectedVersion: view.sharing.version,
              });
            }}
          />
        }
      />
    </div>
  );
}

function TakeupForm({
  agreementId,
  view,
  services,
  locale,
  onDone,
}: {
  agreementId: string;
  view: TakeupView;
  services: readonly Service[];
  locale: AppLocale;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const failed = useMutationError({ messages: { forbidden: t('services.takeup.forbidden') } });
  const first = view.rows[0]?.member ?? '';
  const [member, setMember] = useState(first);
  const rowOf = (m: string) => view.rows.find((r) => r.member === m);
  const initial = (m: string) => {
    const detail = rowOf(m)?.detail;
    return {
      startDate: detail?.startDate ?? '',
      taken: Object.fromEntries(
        services.map((s, i) => [s.id, i === 0 || !!detail?.modules.some((x) => x.serviceId === s.id)]),
      ),
      quantities: Object.fromEntries(
        services.map((s) => {
          const q = detail?.modules.find((x) => x.serviceId === s.id)?.quantity;
          return [s.id, q === undefined ? '' : formatNumber(q, locale)];
        }),
      ),
    };
  };
  const [values, setValues] = useState(() => initial(first));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const prefix = 'takeup-form';
  const save = useMutation({
    mutationKey: trpc.takeup.set.mutationKey(),
    mutationFn: (input: Parameters<typeof client.takeup.set.mutate>[0]) => client.takeup.set.mutate(input),
    onSuccess: async (result, input) => {
      failed.reset();
      queryClient.setQueryData(trpc.takeup.list.queryKey({ agreementId }), result);
      onDone(t('services.takeup.saved', { name: rowOf(input.member)?.name ?? input.member }));
      await queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) });
    },
    onError: failed.onError,
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    failed.reset();
    const found: Record<string, string> = {};
    if (values.startDate === '') found[`${prefix}-start`] = t('services.takeup.startInvalid');
    const modules = services.flatMap((s) => {
      if (!values.taken[s.id]) return [];
      if (s.price.model === 'fixed') return [{ serviceId: s.id }];
      const q = parseDecimal(values.quantities[s.id] ?? '', locale);
      if (q === null || q < 0 || q > 100_000 || Math.round(q * 100) !== q * 100) {
        found[`${prefix}-q-${s.id}`] = t('services.takeup.quantityInvalid');
        return [];
      }
      return [{ serviceId: s.id, quantity: q }];
    });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    save.mutate({
      agreementId,
      member,
      expectedVersion: rowOf(member)?.detail?.version ?? 0,
      startDate: values.startDate,
      modules,
    });
  }
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h3 className="regie-subheading" id={`${prefix}-heading`}>
        {t('services.takeup.formTitle')}
      </h3>
      <ErrorSummary
        title={t('services.takeup.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={Object.entries(errors).map(([id, text]) => ({ id, text }))}
        summaryRef={failed.summaryRef}
      />
      <Field id={`${prefix}-member`} label={t('services.takeup.memberField')} error={undefined}>
        {(props) => (
          <Select
            {...props}
            value={member}
            onChange={(e) => {
              setMember(e.target.value);
              setValues(initial(e.target.value));
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
      <Field id={`${prefix}-start`} label={t('services.takeup.startField')} error={errors[`${prefix}-start`]}>
        {(props) => (
          <Textbox
            {...props}
            type="date"
            value={values.startDate}
            onChange={(e) => setValues({ ...values, startDate: e.target.value })}
          />
        )}
      </Field>
      {services.map((s, i) => (
        <div key={s.id} className="regie-form__row">
          <FormField
            type="checkbox"
            label={
              <FormLabel htmlFor={`${prefix}-take-${s.id}`} type="checkbox" checked={!!values.taken[s.id]}>
                {i === 0
                  ? t('services.takeup.basis', { name: s.name })
                  : t('services.takeup.takes', { name: s.name })}
              </FormLabel>
            }
            input={
              <Checkbox
                id={`${prefix}-take-${s.id}`}
                appearance="html"
                checked={!!values.taken[s.id]}
                disabled={i === 0}
                onChange={(e) =>
                  setValues({ ...values, taken: { ...values.taken, [s.id]: e.target.checked } })
                }
              />
            }
          />
          {s.price.model !== 'fixed' && values.taken[s.id] ? (
            <Field
              id={`${prefix}-q-${s.id}`}
              label={t('services.takeup.quantityField', { name: s.name })}
              error={errors[`${prefix}-q-${s.id}`]}
            >
              {(props) => (
                <Textbox
                  {...props}
                  inputMode="decimal"
                  value={values.quantities[s.id] ?? ''}
                  onChange={(e) =>
                    setValues({ ...values, quantities: { ...values.quantities, [s.id]: e.target.value } })
                  }
                />
              )}
            </Field>
          ) : null}
        </div>
      ))}
      <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
        {t('services.takeup.submit')}
      </Button>
    </form>
  );
}
