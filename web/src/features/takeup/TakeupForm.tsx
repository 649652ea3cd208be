import '../../i18n/services-load';
import type { TakeupView } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, FormField, FormLabel, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, focusSoon } from '../../lib/form';
import { type AppLocale, formatNumber, parseDecimal } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { MemberFormHead } from '../../ui/MemberFormHead';

/** A service of the catalogue, as far as take-up reads it. */
export type Service = { id: string; name: string; price: { model: string } };

/** The region records a member's take-up: its start date and the modules it takes, with their quantities. */
export function TakeupForm({
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
      <MemberFormHead
        prefix={prefix}
        title={t('services.takeup.formTitle')}
        errorTitle={t('services.takeup.errorTitle')}
        memberLabel={t('services.takeup.memberField')}
        failed={failed}
        errors={errors}
        members={view.rows}
        member={member}
        onMember={(m) => {
          setMember(m);
          setValues(initial(m));
          setErrors({});
        }}
      />
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
