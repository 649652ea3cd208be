import '../../i18n/usage-load';
import type { UsageView } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, focusSoon } from '../../lib/form';
import { type AppLocale, parseDecimal } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { MemberFormHead } from '../../ui/MemberFormHead';

/** A service of the catalogue, as far as usage reads it. */
export type Service = { id: string; name: string; price: { model: string } };

/** The region records a month's measured usage of a member, per service. */
export function UsageForm({
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
      <MemberFormHead
        prefix={prefix}
        title={t('usage.formTitle')}
        errorTitle={t('usage.errorTitle')}
        memberLabel={t('usage.memberField')}
        failed={failed}
        errors={errors}
        members={view.rows}
        member={member}
        onMember={(m) => {
          setMember(m);
          setQuantities({});
          setErrors({});
        }}
      />
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
