import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InternalAgreement, Me } from '../../lib/agreements/model';
import { Field } from '../../lib/form';
import { formatDateTime, localeFor } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { useTRPC } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { defaultYear, yearOptions } from './model';
import { OpinionFormSection } from './OpinionForm';
import { PlanFormSection } from './PlanForm';
import { MembersTable, StepsTable } from './WgrTables';

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
      <StatusLine>{query.isPending ? t('wgr.loading') : null}</StatusLine>
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
                  by: view.updatedByName ?? view.updatedBy ?? '',
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
