import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, FormField, FormLabel, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addBenchmarkTexts } from '../../i18n/benchmark';
import { errorCode } from '../../lib/errors';
import { ErrorSummary, focusSoon } from '../../lib/form';
import { useOutcome } from '../../lib/outcome';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';

addBenchmarkTexts();

/**
 * The admin's choice whether the municipality shares its figures with its regions' benchmark (issue 15 point 4):
 * audited like every setting; turning it off removes the municipality's figures from the regions at once.
 */
export function BenchmarkOptInForm({ current, version }: { current: boolean; version: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState(current);
  const [general, setGeneral] = useState<string[]>([]);
  const { announce, outcome } = useOutcome('benchmark-optin-outcome');
  const summaryRef = useRef<HTMLDivElement>(null);
  const keys = useRef(idempotencyKeys());
  const save = useMutation({
    mutationKey: trpc.tenant.updateSettings.mutationKey(),
    mutationFn: (input: { expectedVersion: number; benchmarkOptIn: boolean }) => {
      const idempotencyKey = keys.current(input);
      return client.tenant.updateSettings.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (result) => {
      keys.current = idempotencyKeys();
      announce(result.benchmarkOptIn ? t('benchmark.optIn.savedOn') : t('benchmark.optIn.savedOff'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.tenant.settings.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.benchmark.region.pathKey() }),
      ]);
    },
    onError: (err) => {
      setGeneral([t(errorCode(err) === 'CONFLICT' ? 'admin.errors.conflict' : 'admin.errors.failed')]);
      focusSoon(() => summaryRef.current);
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setGeneral([]);
    save.mutate({ expectedVersion: version, benchmarkOptIn: checked });
  }
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby="benchmark-heading">
      {outcome}
      <ErrorSummary title={t('admin.errorTitle')} general={general} fields={[]} summaryRef={summaryRef} />
      <FormField
        type="checkbox"
        label={
          <FormLabel htmlFor="settings-benchmark" type="checkbox" checked={checked}>
            {t('benchmark.optIn.label')}
          </FormLabel>
        }
        input={
          <Checkbox
            id="settings-benchmark"
            name="benchmarkOptIn"
            appearance="html"
            checked={checked}
            onChange={(e) => setChecked(e.target.checked)}
          />
        }
      />
      <Paragraph>{current ? t('benchmark.optIn.on') : t('benchmark.optIn.off')}</Paragraph>
      <Button
        type="submit"
        appearance="primary-action-button"
        busy={save.isPending}
        className="regie-form__submit"
      >
        {t('benchmark.optIn.submit')}
      </Button>
    </form>
  );
}
