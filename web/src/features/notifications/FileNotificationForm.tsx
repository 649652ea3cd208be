import { notificationFileSchema } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { formatDateLong, localeFor } from '../../lib/format';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Fieldset } from '../../ui/Fieldset';
import { RemoveRowButton } from '../../ui/RemoveRowButton';
import { StatusLine } from '../../ui/StatusLine';
import { type FigureRow, readFigures } from './model';

type EventDuty = { id: string; title: string; responseDays?: number | null };
type Errors = Record<string, string>;

const MAX_FIGURES = 10;
const emptyRow = (): FigureRow => ({ label: '', value: '', unit: '' });

/**
 * "Melding doen": a provider's reporter or signer chooses one of the agreement's event duties, describes what
 * happened and may add up to ten figures. The response deadline comes back from the server (working days).
 */
export function FileNotificationForm({
  agreementId,
  duties,
  onDone,
}: {
  agreementId: string;
  duties: readonly EventDuty[];
  onDone: (text: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [dutyId, setDutyId] = useState('');
  const [description, setDescription] = useState('');
  const [rows, setRows] = useState<FigureRow[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const failed = useMutationError({
    fieldOf: (path) => (path === 'dutyId' || path === 'description' ? `notification-new-${path}` : undefined),
  });
  const keys = useRef(idempotencyKeys());

  const file = useMutation({
    mutationKey: trpc.notification.file.mutationKey(),
    mutationFn: (input: Parameters<typeof client.notification.file.mutate>[0]) => {
      const idempotencyKey = keys.current(input);
      return client.notification.file.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (result) => {
      keys.current = idempotencyKeys();
      setDutyId('');
      setDescription('');
      setRows([]);
      onDone(
        t('notifications.file.done', {
          duty: result.dutyTitle,
          date: formatDateLong(result.deadline, locale),
        }),
      );
      await queryClient.invalidateQueries({ queryKey: trpc.notification.list.queryKey({ agreementId }) });
    },
    onError: failed.onError,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file.isPending) return;
    failed.reset();
    const next: Errors = {};
    if (dutyId === '') next['notification-new-dutyId'] = t('notifications.file.errors.duty');
    if (description.trim() === '')
      next['notification-new-description'] = t('notifications.file.errors.description');
    const read = readFigures(rows);
    for (const e of read.errors)
      next[`notification-figure-${e.row}-${e.field}`] = t(
        e.field === 'label'
          ? 'notifications.file.errors.figureLabel'
          : 'notifications.file.errors.figureValue',
        { n: e.row + 1 },
      );
    setErrors(next);
    if (Object.keys(next).length > 0) {
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    const input = {
      agreementId,
      dutyId,
      description: description.trim(),
      ...(read.figures.length ? { figures: read.figures } : {}),
    };
    // The API's own schema first: its bounds (lengths, the value's range) name the field the same way.
    if (!notificationFileSchema.safeParse(input).success) {
      setErrors({ 'notification-new-description': t('notifications.file.errors.description') });
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    file.mutate(input);
  }

  const shown: Errors = { ...failed.fieldErrors, ...errors };
  const setRow = (index: number, patch: Partial<FigureRow>) =>
    setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <section className="regie-subsection" aria-labelledby="notification-new-heading">
      <h3 className="regie-subheading" id="notification-new-heading">
        {t('notifications.file.title')}
      </h3>
      <form className="regie-form" noValidate onSubmit={submit} aria-labelledby="notification-new-heading">
        <ErrorSummary
          title={t('notifications.file.errorTitle')}
          general={failed.summary ? [failed.summary] : []}
          fields={Object.entries(shown).map(([id, text]) => ({ id, text: text ?? '' }))}
          summaryRef={failed.summaryRef}
        />
        <Field
          id="notification-new-dutyId"
          label={t('notifications.file.duty')}
          hint={t('notifications.file.dutyHint')}
          error={shown['notification-new-dutyId']}
        >
          {(props) => (
            <Select
              {...props}
              name="dutyId"
              required
              value={dutyId}
              onChange={(e) => setDutyId(e.target.value)}
            >
              <SelectOption value="">{t('notifications.file.choose')}</SelectOption>
              {duties.map((d) => (
                <SelectOption key={d.id} value={d.id}>
                  {t('notifications.file.dutyOption', { title: d.title, days: d.responseDays ?? '' })}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field
          id="notification-new-description"
          label={t('notifications.file.description')}
          hint={t('notifications.file.descriptionHint')}
          error={shown['notification-new-description']}
        >
          {(props) => (
            <Textarea
              {...props}
              name="description"
              rows={4}
              required
              maxLength={4000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <Fieldset id="notification-new-figures" legend={t('notifications.file.figuresLegend')}>
          {rows.map((row, index) => {
            const n = index + 1;
            const id = (field: string) => `notification-figure-${index}-${field}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
              <div key={index} className="regie-row">
                <Field
                  id={id('label')}
                  label={t('notifications.file.figureLabel', { n })}
                  error={shown[id('label')]}
                >
                  {(props) => (
                    <Textbox
                      {...props}
                      maxLength={80}
                      value={row.label}
                      onChange={(e) => setRow(index, { label: e.target.value })}
                    />
                  )}
                </Field>
                <Field
                  id={id('value')}
                  label={t('notifications.file.figureValue', { n })}
                  error={shown[id('value')]}
                >
                  {(props) => (
                    <Textbox
                      {...props}
                      inputMode="decimal"
                      value={row.value}
                      onChange={(e) => setRow(index, { value: e.target.value })}
                    />
                  )}
                </Field>
                <Field id={id('unit')} label={t('notifications.file.figureUnit', { n })} error={undefined}>
                  {(props) => (
                    <Textbox
                      {...props}
                      maxLength={20}
                      value={row.unit}
                      onChange={(e) => setRow(index, { unit: e.target.value })}
                    />
                  )}
                </Field>
                <RemoveRowButton
                  row={t('notifications.file.removeFigure', { n })}
                  onClick={() => setRows((all) => all.filter((_, i) => i !== index))}
                />
              </div>
            );
          })}
          <Button
            appearance="secondary-action-button"
            disabled={rows.length >= MAX_FIGURES}
            onClick={() => setRows((all) => [...all, emptyRow()])}
          >
            {t('notifications.file.addFigure')}
          </Button>
        </Fieldset>
        <StatusLine>{file.isPending ? t('app.loading') : null}</StatusLine>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={file.isPending}
          className="regie-form__submit"
        >
          {t('notifications.file.submit')}
        </Button>
      </form>
    </section>
  );
}
