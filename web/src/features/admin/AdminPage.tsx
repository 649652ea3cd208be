import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { addBenchmarkTexts } from '../../i18n/benchmark';
import { isProviderUser } from '../../lib/agreements/model';
import { errorCode } from '../../lib/errors';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { formatAmount, formatMoney, localeFor, parseMoneyToCents } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { PageHeading, usePageTitle } from '../../lib/page';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { BenchmarkOptInForm } from './BenchmarkOptInForm';
import { parseThresholds, type ThresholdError, thresholdsText } from './thresholds';

addBenchmarkTexts();

const FIELD = 'settings-mandate';

/** A refusal of a settings change, by its code; a stale version means someone else saved first. */
const SETTINGS_ERRORS: Record<string, 'admin.errors.forbidden' | 'admin.errors.conflict'> = {
  FORBIDDEN: 'admin.errors.forbidden',
  CONFLICT: 'admin.errors.conflict',
};

/** The mandate threshold form for the tenant admin: euros, empty for none (SPEC §5.1). */
function MandateForm({ current, version }: { current: number | null; version: number }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(() => (current === null ? '' : formatAmount(current, locale)));
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const [notice, setNotice] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const keys = useRef(idempotencyKeys());
  const save = useMutation({
    mutationKey: trpc.tenant.updateSettings.mutationKey(),
    mutationFn: (input: { expectedVersion: number; mandateThresholdCents: number | null }) => {
      const idempotencyKey = keys.current(input);
      return client.tenant.updateSettings.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (_result, input) => {
      keys.current = idempotencyKeys();
      const cents = input.mandateThresholdCents;
      setNotice(t('admin.saved', { value: cents === null ? t('admin.none') : formatMoney(cents, locale) }));
      focusSoon(() => noticeRef.current);
      await queryClient.invalidateQueries({ queryKey: trpc.tenant.settings.pathKey() });
    },
    onError: (err) => {
      const code = errorCode(err);
      setGeneral([t(SETTINGS_ERRORS[code ?? ''] ?? 'admin.errors.failed')]);
      focusSoon(() => summaryRef.current);
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setGeneral([]);
    setNotice('');
    const parsed = parseMoneyToCents(value, locale);
    if (!parsed.ok) {
      setError(t('admin.errors.threshold'));
      focusSoon(() => summaryRef.current);
      return;
    }
    setError(undefined);
    save.mutate({ expectedVersion: version, mandateThresholdCents: parsed.cents });
  }
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby="mandate-heading">
      <div
        ref={noticeRef}
        tabIndex={-1}
        className="regie-outcome"
        aria-live="polite"
        data-testid="admin-outcome"
      >
        {notice ? <Paragraph>{notice}</Paragraph> : null}
      </div>
      <ErrorSummary
        title={t('admin.errorTitle')}
        general={general}
        fields={error ? [{ id: FIELD, text: error }] : []}
        summaryRef={summaryRef}
      />
      <Field id={FIELD} label={t('admin.threshold')} hint={t('admin.thresholdHint')} error={error}>
        {(props) => (
          <Textbox
            {...props}
            name="mandateThreshold"
            inputMode="decimal"
            autoComplete="off"
            className="regie-input--amount"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      <Button
        type="submit"
        appearance="primary-action-button"
        busy={save.isPending}
        className="regie-form__submit"
      >
        {t('admin.submit')}
      </Button>
    </form>
  );
}

const THRESHOLDS_FIELD = 'settings-thresholds';

/** The budget signal thresholds for the tenant admin: percentages of a ceiling, e.g. `80, 100` (SPEC §4.4). */
function ThresholdsForm({ current, version }: { current: readonly number[]; version: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(() => thresholdsText(current));
  const [error, setError] = useState<ThresholdError | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const { announce, outcome } = useOutcome('thresholds-outcome');
  const summaryRef = useRef<HTMLDivElement>(null);
  const keys = useRef(idempotencyKeys());
  const save = useMutation({
    mutationKey: trpc.tenant.updateSettings.mutationKey(),
    mutationFn: (input: { expectedVersion: number; signalThresholds: number[] }) => {
      const idempotencyKey = keys.current(input);
      return client.tenant.updateSettings.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (result) => {
      keys.current = idempotencyKeys();
      const saved = result.signalThresholds ?? [];
      setValue(thresholdsText(saved));
      announce(t('bounds.thresholds.saved', { list: saved.map((n) => `${n}%`).join(', ') }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.tenant.settings.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.budget.get.pathKey() }),
      ]);
    },
    onError: (err) => {
      const code = errorCode(err);
      setGeneral([t(SETTINGS_ERRORS[code ?? ''] ?? 'admin.errors.failed')]);
      focusSoon(() => summaryRef.current);
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setGeneral([]);
    const parsed = parseThresholds(value);
    if (!parsed.ok) {
      setError(parsed.error);
      focusSoon(() => summaryRef.current);
      return;
    }
    setError(undefined);
    save.mutate({ expectedVersion: version, signalThresholds: parsed.thresholds });
  }
  const errorText = error ? t(`bounds.thresholds.errors.${error}`) : undefined;
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby="thresholds-heading">
      {outcome}
      <ErrorSummary
        title={t('admin.errorTitle')}
        general={general}
        fields={errorText ? [{ id: THRESHOLDS_FIELD, text: errorText }] : []}
        summaryRef={summaryRef}
      />
      <Field
        id={THRESHOLDS_FIELD}
        label={t('bounds.thresholds.label')}
        hint={t('bounds.thresholds.hint')}
        error={errorText}
      >
        {(props) => (
          <Textbox
            {...props}
            name="signalThresholds"
            inputMode="numeric"
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      <Button
        type="submit"
        appearance="primary-action-button"
        busy={save.isPending}
        className="regie-form__submit"
      >
        {t('bounds.thresholds.submit')}
      </Button>
    </form>
  );
}

/** `/admin`: the organisation's settings; the tenant admin changes the mandate threshold, others read it. */
export function AdminPage() {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  usePageTitle(t('admin.title'));
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const provider = me.data ? isProviderUser(me.data) : false;
  const settings = useQuery({ ...trpc.tenant.settings.queryOptions(), enabled: me.isSuccess && !provider });
  const isAdmin = me.data?.roles.includes('admin') ?? false;
  const data = settings.data;
  return (
    <div className="regie-admin">
      <PageHeading>{t('admin.title')}</PageHeading>
      <Paragraph appearance="lead">{t('admin.intro')}</Paragraph>
      {isAdmin ? (
        <Paragraph>
          <Link href="/admin/people" className="utrecht-link">
            {t('people.fromSettings')}
          </Link>
        </Paragraph>
      ) : null}
      <StatusLine>
        {me.isPending || (settings.isPending && settings.fetchStatus !== 'idle') ? t('admin.loading') : null}
      </StatusLine>
      {provider ? <Paragraph>{t('admin.forProviders')}</Paragraph> : null}
      {settings.isError ? <Alert type="error">{t('admin.error')}</Alert> : null}
      {data ? (
        <Section id="mandate" title={t('admin.settingsTitle')}>
          <Paragraph>{t('admin.settingsIntro')}</Paragraph>
          {isAdmin ? (
            <MandateForm current={data.mandateThresholdCents ?? null} version={data.version} />
          ) : (
            <>
              <DataList className="regie-data-list">
                <DataListItem data-testid="admin-mandate">
                  <DataListKey>{t('admin.threshold')}</DataListKey>
                  <DataListValue>
                    {data.mandateThresholdCents === null || data.mandateThresholdCents === undefined
                      ? t('admin.none')
                      : formatMoney(data.mandateThresholdCents, locale)}
                  </DataListValue>
                </DataListItem>
              </DataList>
              <Paragraph>{t('admin.readOnly')}</Paragraph>
            </>
          )}
        </Section>
      ) : null}
      {data ? (
        <Section id="thresholds" title={t('bounds.thresholds.title')}>
          <Paragraph>{t('bounds.thresholds.intro')}</Paragraph>
          {isAdmin ? (
            <ThresholdsForm current={data.signalThresholds} version={data.version} />
          ) : (
            <>
              <DataList className="regie-data-list">
                <DataListItem data-testid="admin-thresholds">
                  <DataListKey>{t('bounds.thresholds.current')}</DataListKey>
                  <DataListValue>
                    {t('bounds.thresholds.value', {
                      list: data.signalThresholds.map((n) => `${n}%`).join(', '),
                    })}
                  </DataListValue>
                </DataListItem>
              </DataList>
              <Paragraph>{t('bounds.thresholds.readOnly')}</Paragraph>
            </>
          )}
        </Section>
      ) : null}
      {data && me.data?.space.startsWith('GM') ? (
        <Section id="benchmark" title={t('benchmark.optIn.title')}>
          <Paragraph>{t('benchmark.optIn.intro')}</Paragraph>
          <Paragraph>
            {data.regions.length > 0
              ? t('benchmark.optIn.regions', { list: data.regions.join(', ') })
              : t('benchmark.optIn.noRegions')}
          </Paragraph>
          {isAdmin && data.regions.length > 0 ? (
            <BenchmarkOptInForm current={data.benchmarkOptIn} version={data.version} />
          ) : (
            <Paragraph data-testid="admin-benchmark">
              {data.benchmarkOptIn ? t('benchmark.optIn.on') : t('benchmark.optIn.off')}
            </Paragraph>
          )}
        </Section>
      ) : null}
    </div>
  );
}
