import { useQuery } from '@tanstack/react-query';
import { Button, Paragraph, Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../../i18n/reasons';
import { DOMAINS, FREQUENCIES, PARTY_ROLES, UNITS, VARIANTS } from '../../lib/agreements/model';
import { Field, focusSoon } from '../../lib/form';
import { useReasonFormat } from '../../lib/mutation-error';
import { EVENT_DUTIES, REPORTING_FREQUENCIES } from '../../lib/steering/model';
import { useTRPC } from '../../lib/trpc';
import {
  type DutyKind,
  type DutyRow,
  type FieldError,
  type FieldErrors,
  type KpiRow,
  LIMITS,
  type LineRow,
  newDutyRow,
  newKpiRow,
  newLineRow,
  newPartyRow,
  type TermsValues,
} from './agreement-form';

/** The input id of a field path: `productLines.0.tariffCents` → `agreement-productLines-0-tariffCents`. */
export const inputIdFor = (path: string) => `agreement-${path.replace(/\./g, '-')}`;

/** Field errors in the order the form shows them, as links for the error summary. */
export function summaryLinks(
  order: readonly string[],
  errorFor: (path: string) => string | undefined,
): { id: string; text: string }[] {
  return order.flatMap((path) => {
    const text = errorFor(path);
    return text ? [{ id: inputIdFor(path), text }] : [];
  });
}

/** Client errors win over the server's (they follow the input); both are messages by field path. */
export function useFieldMessages(clientErrors: FieldErrors, serverErrors: FieldErrors) {
  const { t } = useTranslation();
  const format = useReasonFormat();
  const message = (error: FieldError | undefined): string | undefined =>
    error === undefined
      ? undefined
      : 'key' in error
        ? error.key === 'categoryRange'
          ? t('agreementForm.errors.categoryRange', { range: error.values?.range ?? '' })
          : t(`agreementForm.errors.${error.key}`)
        : 'reason' in error
          ? reasonText(error.reason, error.params, format)
          : error.text;
  return (path: string) => message(clientErrors[path] ?? serverErrors[path]);
}

/** The registered organisations of a register, to pick parties from (the API resolves them in that space). */
export function useOrganisationOptions(
  space: string | undefined,
  known: readonly { organisationId: string; name: string }[] = [],
) {
  const trpc = useTRPC();
  const organisations = useQuery({
    ...trpc.organisation.find.queryOptions({ ...(space ? { space } : {}), limit: 100 }),
    enabled: space !== undefined,
  });
  const options = new Map<string, string>();
  for (const o of organisations.data?.items ?? []) options.set(o.id, o.name);
  // A party already on the agreement stays choosable even beyond the first page of organisations.
  for (const p of known) if (!options.has(p.organisationId)) options.set(p.organisationId, p.name);
  return {
    options: [...options].map(([id, name]) => ({ id, name })),
    loading: organisations.isPending && space !== undefined,
    failed: organisations.isError,
  };
}

export type ChangeTerms = (next: TermsValues, changed: string) => void;

interface Props {
  values: TermsValues;
  onChange: ChangeTerms;
  errorFor: (path: string) => string | undefined;
  organisations: { id: string; name: string }[];
  organisationsLoading: boolean;
  organisationsFailed: boolean;
}

function Fieldset({
  id,
  legend,
  error,
  children,
  className,
}: {
  id: string;
  legend: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`regie-fieldset${error ? ' regie-fieldset--invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="regie-fieldset__legend">{legend}</legend>
      {error ? (
        <p id={`${id}-error`} className="utrecht-form-field-error-message">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** A visually hidden addition to a button's visible text, so "Verwijderen" says which row. */
function Hidden({ children }: { children: ReactNode }) {
  return <span className="regie-visually-hidden">{children}</span>;
}

/** The terms of an agreement: everything the create and edit forms share. */
export function AgreementFormFields({
  values,
  onChange,
  errorFor,
  organisations,
  organisationsLoading,
  organisationsFailed,
}: Props) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const addPartyRef = useRef<HTMLButtonElement>(null);
  const addLineRef = useRef<HTMLButtonElement>(null);
  const addDutyRef = useRef<HTMLButtonElement>(null);
  const addKpiRef = useRef<HTMLButtonElement>(null);
  const optional = (label: string) => `${label} ${t('agreementForm.optional')}`;

  function set<K extends keyof TermsValues>(field: K, value: TermsValues[K], path: string = field) {
    onChange({ ...values, [field]: value }, path);
  }
  function setParty(index: number, field: 'organisationId' | 'role', value: string) {
    const parties = values.parties.map((row, i) => (i === index ? { ...row, [field]: value } : row));
    onChange({ ...values, parties }, `parties.${index}.${field}`);
  }
  function setLine(index: number, field: keyof Omit<LineRow, 'key' | 'id'>, value: string) {
    const productLines = values.productLines.map((row, i) =>
      i === index ? { ...row, [field]: value } : row,
    );
    onChange({ ...values, productLines }, `productLines.${index}.${field}`);
  }

  function addParty() {
    const row = newPartyRow();
    onChange({ ...values, parties: [...values.parties, row] }, 'parties');
    focusSoon(() => document.getElementById(inputIdFor(`parties.${values.parties.length}.organisationId`)));
  }
  function removeParty(index: number) {
    onChange({ ...values, parties: values.parties.filter((_, i) => i !== index) }, 'parties');
    setAnnouncement(t('agreementForm.partyRemoved', { n: index + 1 }));
    focusSoon(() => addPartyRef.current);
  }
  function addLine() {
    onChange({ ...values, productLines: [...values.productLines, newLineRow()] }, 'productLines');
    focusSoon(() =>
      document.getElementById(inputIdFor(`productLines.${values.productLines.length}.category`)),
    );
  }
  function removeLine(index: number) {
    onChange({ ...values, productLines: values.productLines.filter((_, i) => i !== index) }, 'productLines');
    setAnnouncement(t('agreementForm.lineRemoved', { n: index + 1 }));
    focusSoon(() => addLineRef.current);
  }

  function setDuty(index: number, field: keyof Omit<DutyRow, 'key' | 'id' | 'kind'>, value: string) {
    const duties = values.duties.map((row, i) => (i === index ? { ...row, [field]: value } : row));
    onChange({ ...values, duties }, `duties.${index}.${field}`);
  }
  const kpis = values.kpis;
  function setKpi(index: number, field: keyof Omit<KpiRow, 'key' | 'id'>, value: string) {
    const rows = (kpis ?? []).map((row, i) => (i === index ? { ...row, [field]: value } : row));
    onChange({ ...values, kpis: rows }, `kpis.${index}.${field}`);
  }
  function addKpi() {
    onChange({ ...values, kpis: [...(kpis ?? []), newKpiRow()] }, 'kpis');
    focusSoon(() => document.getElementById(inputIdFor(`kpis.${kpis?.length ?? 0}.name`)));
  }
  function removeKpi(index: number) {
    onChange({ ...values, kpis: (kpis ?? []).filter((_, i) => i !== index) }, 'kpis');
    setAnnouncement(t('agreementForm.kpiRemoved', { n: index + 1 }));
    focusSoon(() => addKpiRef.current);
  }

  function addDuty(kind: DutyKind) {
    onChange({ ...values, duties: [...values.duties, newDutyRow(kind)] }, 'duties');
    focusSoon(() => document.getElementById(inputIdFor(`duties.${values.duties.length}.title`)));
  }
  function removeDuty(index: number) {
    onChange({ ...values, duties: values.duties.filter((_, i) => i !== index) }, 'duties');
    setAnnouncement(t('agreementForm.dutyRemoved', { n: index + 1 }));
    focusSoon(() => addDutyRef.current);
  }

  const text = (
    path: string,
    label: string,
    value: string,
    set: (v: string) => void,
    extra = {},
    hint?: string,
  ) => (
    <Field id={inputIdFor(path)} label={label} hint={hint} error={errorFor(path)}>
      {(props) => (
        <Textbox
          {...props}
          {...extra}
          autoComplete="off"
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );
  const choose = t('agreementForm.choose');
  /** A select of a closed list, with the "choose" option first; `label(option)` says each in the user's language. */
  const choice = <T extends string>(
    path: string,
    label: string,
    value: string,
    set: (v: string) => void,
    options: readonly T[],
    optionLabel: (option: T) => string,
  ) => (
    <Field id={inputIdFor(path)} label={label} error={errorFor(path)}>
      {(props) => (
        <Select {...props} value={value} onChange={(e) => set(e.target.value)}>
          <SelectOption value="">{choose}</SelectOption>
          {options.map((option) => (
            <SelectOption key={option} value={option}>
              {optionLabel(option)}
            </SelectOption>
          ))}
        </Select>
      )}
    </Field>
  );

  return (
    <>
      <Field id={inputIdFor('title')} label={t('fields.title')} error={errorFor('title')}>
        {(props) => (
          <Textbox
            {...props}
            name="title"
            required
            autoComplete="off"
            maxLength={LIMITS.title + 50}
            value={values.title}
            onChange={(e) => set('title', e.target.value)}
          />
        )}
      </Field>
      <Field
        id={inputIdFor('description')}
        label={optional(t('fields.description'))}
        error={errorFor('description')}
      >
        {(props) => (
          <Textarea
            {...props}
            name="description"
            rows={5}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      <Field id={inputIdFor('domain')} label={t('fields.domain')} error={errorFor('domain')}>
        {(props) => (
          <Select
            {...props}
            name="domain"
            required
            value={values.domain}
            onChange={(e) => set('domain', e.target.value)}
          >
            <SelectOption value="">{choose}</SelectOption>
            {DOMAINS.map((domain) => (
              <SelectOption key={domain} value={domain}>
                {t(`domains.${domain}`)}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <div className="regie-form__row">
        <Field id={inputIdFor('startDate')} label={t('fields.startDate')} error={errorFor('startDate')}>
          {(props) => (
            <Textbox
              {...props}
              type="date"
              name="startDate"
              required
              value={values.startDate}
              onChange={(e) => set('startDate', e.target.value)}
            />
          )}
        </Field>
        <Field id={inputIdFor('endDate')} label={t('fields.endDate')} error={errorFor('endDate')}>
          {(props) => (
            <Textbox
              {...props}
              type="date"
              name="endDate"
              required
              min={values.startDate || undefined}
              value={values.endDate}
              onChange={(e) => set('endDate', e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="regie-form__row">
        <Field
          id={inputIdFor('noticePeriodMonths')}
          label={optional(t('agreementForm.noticeLabel'))}
          error={errorFor('noticePeriodMonths')}
        >
          {(props) => (
            <Textbox
              {...props}
              name="noticePeriodMonths"
              inputMode="numeric"
              autoComplete="off"
              className="regie-input--count"
              value={values.noticePeriodMonths}
              onChange={(e) => set('noticePeriodMonths', e.target.value)}
            />
          )}
        </Field>
        <Field
          id={inputIdFor('valueCeilingCents')}
          label={optional(t('agreementForm.ceilingLabel'))}
          hint={t('agreementForm.ceilingHint')}
          error={errorFor('valueCeilingCents')}
        >
          {(props) => (
            <Textbox
              {...props}
              name="valueCeilingCents"
              inputMode="decimal"
              autoComplete="off"
              className="regie-input--amount"
              value={values.valueCeilingCents}
              onChange={(e) => set('valueCeilingCents', e.target.value)}
            />
          )}
        </Field>
      </div>

      <Fieldset id="agreement-renewal" legend={optional(t('agreementForm.renewalLegend'))}>
        <div className="regie-form__row">
          <Field
            id={inputIdFor('renewal.options')}
            label={t('agreementForm.renewalOptionsLabel')}
            error={errorFor('renewal.options')}
          >
            {(props) => (
              <Textbox
                {...props}
                inputMode="numeric"
                autoComplete="off"
                className="regie-input--count"
                value={values.renewalOptions}
                onChange={(e) => set('renewalOptions', e.target.value, 'renewal.options')}
              />
            )}
          </Field>
          <Field
            id={inputIdFor('renewal.monthsEach')}
            label={t('agreementForm.renewalMonthsLabel')}
            error={errorFor('renewal.monthsEach')}
          >
            {(props) => (
              <Textbox
                {...props}
                inputMode="numeric"
                autoComplete="off"
                className="regie-input--count"
                value={values.renewalMonths}
                onChange={(e) => set('renewalMonths', e.target.value, 'renewal.monthsEach')}
              />
            )}
          </Field>
        </div>
      </Fieldset>

      <Fieldset
        id={inputIdFor('parties')}
        legend={t('agreementForm.partiesLegend')}
        error={errorFor('parties')}
      >
        <Paragraph className="regie-hint">
          {organisationsFailed
            ? t('agreementForm.organisationsFailed')
            : t('agreementForm.organisationsHint')}
        </Paragraph>
        {values.parties.map((row, i) => (
          <Fieldset
            key={row.key}
            id={`agreement-party-${i}`}
            legend={t('agreementForm.partyLegend', { n: i + 1 })}
            className="regie-fieldset--row"
          >
            <div className="regie-form__row">
              <Field
                id={inputIdFor(`parties.${i}.organisationId`)}
                label={t('agreementForm.organisation')}
                error={errorFor(`parties.${i}.organisationId`)}
              >
                {(props) => (
                  <Select
                    {...props}
                    value={row.organisationId}
                    onChange={(e) => setParty(i, 'organisationId', e.target.value)}
                  >
                    <SelectOption value="">
                      {organisationsLoading ? t('agreementForm.organisationsLoading') : choose}
                    </SelectOption>
                    {organisations.map((o) => (
                      <SelectOption key={o.id} value={o.id}>
                        {o.name}
                      </SelectOption>
                    ))}
                  </Select>
                )}
              </Field>
              {choice(
                `parties.${i}.role`,
                t('agreementForm.partyRole'),
                row.role,
                (v) => setParty(i, 'role', v),
                PARTY_ROLES,
                (role) => t(`partyRoles.${role}`),
              )}
              <Button appearance="subtle-button" className="regie-row-remove" onClick={() => removeParty(i)}>
                {t('agreementForm.remove')}
                <Hidden> {t('agreementForm.partyLegend', { n: i + 1 })}</Hidden>
              </Button>
            </div>
          </Fieldset>
        ))}
        <Button
          ref={addPartyRef}
          appearance="secondary-action-button"
          disabled={values.parties.length >= LIMITS.parties}
          onClick={addParty}
        >
          {t('agreementForm.addParty')}
        </Button>
      </Fieldset>

      <Fieldset
        id={inputIdFor('productLines')}
        legend={t('agreementForm.linesLegend')}
        error={errorFor('productLines')}
      >
        <Paragraph className="regie-hint">{t('agreementForm.linesHint')}</Paragraph>
        {values.productLines.map((row, i) => {
          const at = (field: string) => `productLines.${i}.${field}`;
          return (
            <Fieldset
              key={row.key}
              id={`agreement-line-${i}`}
              legend={t('agreementForm.lineLegend', { n: i + 1 })}
              className="regie-fieldset--row"
            >
              <div className="regie-form__row">
                {text(
                  at('category'),
                  t('lineFields.category'),
                  row.category,
                  (v) => setLine(i, 'category', v),
                  {
                    inputMode: 'numeric',
                    className: 'regie-input--count',
                  },
                )}
                {text(
                  at('productCode'),
                  t('lineFields.productCode'),
                  row.productCode,
                  (v) => setLine(i, 'productCode', v),
                  { className: 'regie-input--code' },
                )}
                {choice(
                  at('variant'),
                  t('lineFields.variant'),
                  row.variant,
                  (v) => setLine(i, 'variant', v),
                  VARIANTS,
                  (variant) => t(`variants.${variant}`),
                )}
              </div>
              {text(at('description'), optional(t('lineFields.description')), row.description, (v) =>
                setLine(i, 'description', v),
              )}
              {row.variant === 'task' ? (
                <div className="regie-form__row">
                  {text(
                    at('lumpSumCents'),
                    t('agreementForm.lumpSumLabel'),
                    row.lumpSumCents,
                    (v) => setLine(i, 'lumpSumCents', v),
                    { inputMode: 'decimal', className: 'regie-input--amount' },
                  )}
                  {text(at('population'), optional(t('lineFields.population')), row.population, (v) =>
                    setLine(i, 'population', v),
                  )}
                </div>
              ) : (
                <div className="regie-form__row">
                  {choice(
                    at('unit'),
                    t('lineFields.unit'),
                    row.unit,
                    (v) => setLine(i, 'unit', v),
                    UNITS,
                    (unit) => t(`units.${unit}`),
                  )}
                  {choice(
                    at('frequency'),
                    t('lineFields.frequency'),
                    row.frequency,
                    (v) => setLine(i, 'frequency', v),
                    FREQUENCIES,
                    (frequency) => t(`frequencies.${frequency}`),
                  )}
                  {text(
                    at('tariffCents'),
                    t('agreementForm.tariffLabel'),
                    row.tariffCents,
                    (v) => setLine(i, 'tariffCents', v),
                    { inputMode: 'decimal', className: 'regie-input--amount' },
                  )}
                  {text(
                    at('volumeCeiling'),
                    optional(t('lineFields.volumeCeiling')),
                    row.volumeCeiling,
                    (v) => setLine(i, 'volumeCeiling', v),
                    { inputMode: 'numeric', className: 'regie-input--count' },
                  )}
                </div>
              )}
              <div className="regie-form__row">
                {text(
                  at('moneyCeilingCents'),
                  optional(t('agreementForm.moneyCeilingLabel')),
                  row.moneyCeilingCents,
                  (v) => setLine(i, 'moneyCeilingCents', v),
                  { inputMode: 'decimal', className: 'regie-input--amount' },
                )}
                <Button appearance="subtle-button" className="regie-row-remove" onClick={() => removeLine(i)}>
                  {t('agreementForm.remove')}
                  <Hidden> {t('agreementForm.lineLegend', { n: i + 1 })}</Hidden>
                </Button>
              </div>
            </Fieldset>
          );
        })}
        <Button
          ref={addLineRef}
          appearance="secondary-action-button"
          disabled={values.productLines.length >= LIMITS.productLines}
          onClick={addLine}
        >
          {t('agreementForm.addLine')}
        </Button>
      </Fieldset>

      <Fieldset id={inputIdFor('duties')} legend={t('agreementForm.dutiesLegend')} error={errorFor('duties')}>
        <Paragraph className="regie-hint">{t('agreementForm.dutiesHint')}</Paragraph>
        {values.duties.map((row, i) => {
          const at = (field: string) => `duties.${i}.${field}`;
          const legend = t(
            row.kind === 'periodic' ? 'agreementForm.periodicLegend' : 'agreementForm.eventLegend',
            {
              n: i + 1,
            },
          );
          return (
            <Fieldset
              key={row.key}
              id={`agreement-duty-${i}`}
              legend={legend}
              className="regie-fieldset--row"
            >
              {text(at('title'), t('dutyFields.title'), row.title, (v) => setDuty(i, 'title', v), {
                maxLength: LIMITS.dutyTitle + 50,
                className: 'regie-input--name',
              })}
              <div className="regie-form__row">
                {row.kind === 'periodic' ? (
                  <>
                    {choice(
                      at('frequency'),
                      t('dutyFields.frequency'),
                      row.frequency,
                      (v) => setDuty(i, 'frequency', v),
                      REPORTING_FREQUENCIES,
                      (frequency) => t(`steering.reportingFrequencies.${frequency}`),
                    )}
                    {text(
                      at('dueDays'),
                      t('dutyFields.dueDays'),
                      row.dueDays,
                      (v) => setDuty(i, 'dueDays', v),
                      { inputMode: 'numeric', className: 'regie-input--count' },
                      t('agreementForm.dueDaysHint'),
                    )}
                  </>
                ) : (
                  <>
                    {choice(
                      at('event'),
                      t('dutyFields.event'),
                      row.event,
                      (v) => setDuty(i, 'event', v),
                      EVENT_DUTIES,
                      (event) => t(`steering.duties.${event}`),
                    )}
                    {text(
                      at('responseDays'),
                      t('dutyFields.responseDays'),
                      row.responseDays,
                      (v) => setDuty(i, 'responseDays', v),
                      { inputMode: 'numeric', className: 'regie-input--count' },
                      t('agreementForm.responseDaysHint'),
                    )}
                  </>
                )}
                <Button appearance="subtle-button" className="regie-row-remove" onClick={() => removeDuty(i)}>
                  {t('agreementForm.remove')}
                  <Hidden> {legend}</Hidden>
                </Button>
              </div>
            </Fieldset>
          );
        })}
        <div className="regie-fieldset__actions">
          <Button
            ref={addDutyRef}
            appearance="secondary-action-button"
            disabled={values.duties.length >= LIMITS.duties}
            onClick={() => addDuty('periodic')}
          >
            {t('agreementForm.addPeriodic')}
          </Button>
          <Button
            appearance="secondary-action-button"
            disabled={values.duties.length >= LIMITS.duties}
            onClick={() => addDuty('event')}
          >
            {t('agreementForm.addEvent')}
          </Button>
        </div>
      </Fieldset>
      {kpis ? (
        <Fieldset id={inputIdFor('kpis')} legend={t('agreementForm.kpisLegend')} error={errorFor('kpis')}>
          <Paragraph className="regie-hint">{t('agreementForm.kpisHint')}</Paragraph>
          {kpis.map((row, i) => {
            const at = (field: string) => `kpis.${i}.${field}`;
            const legend = t('agreementForm.kpiLegend', { n: i + 1 });
            return (
              <Fieldset
                key={row.key}
                id={`agreement-kpi-${i}`}
                legend={legend}
                className="regie-fieldset--row"
              >
                <div className="regie-form__row">
                  {text(at('name'), t('agreementForm.kpiName'), row.name, (v) => setKpi(i, 'name', v), {
                    maxLength: LIMITS.kpiName + 50,
                    className: 'regie-input--name',
                  })}
                  {text(at('unit'), t('agreementForm.kpiUnit'), row.unit, (v) => setKpi(i, 'unit', v), {
                    maxLength: LIMITS.kpiUnit + 20,
                    className: 'regie-input--count',
                  })}
                  {text(
                    at('target'),
                    t('agreementForm.kpiTarget'),
                    row.target,
                    (v) => setKpi(i, 'target', v),
                    {
                      inputMode: 'decimal',
                      className: 'regie-input--count',
                    },
                  )}
                </div>
                <div className="regie-form__row">
                  <Field
                    id={inputIdFor(at('direction'))}
                    label={t('agreementForm.kpiDirection')}
                    error={errorFor(at('direction'))}
                  >
                    {(props) => (
                      <Select
                        {...props}
                        value={row.direction}
                        onChange={(e) => setKpi(i, 'direction', e.target.value)}
                      >
                        <SelectOption value="">{choose}</SelectOption>
                        <SelectOption value="higher">{t('kpis.directions.higher')}</SelectOption>
                        <SelectOption value="lower">{t('kpis.directions.lower')}</SelectOption>
                      </Select>
                    )}
                  </Field>
                  {choice(
                    at('frequency'),
                    t('agreementForm.kpiFrequency'),
                    row.frequency,
                    (v) => setKpi(i, 'frequency', v),
                    REPORTING_FREQUENCIES,
                    (frequency) => t(`steering.reportingFrequencies.${frequency}`),
                  )}
                  <Button
                    appearance="subtle-button"
                    className="regie-row-remove"
                    onClick={() => removeKpi(i)}
                  >
                    {t('agreementForm.remove')}
                    <Hidden> {legend}</Hidden>
                  </Button>
                </div>
              </Fieldset>
            );
          })}
          <div className="regie-fieldset__actions">
            <Button
              ref={addKpiRef}
              appearance="secondary-action-button"
              disabled={kpis.length >= LIMITS.kpis}
              onClick={addKpi}
            >
              {t('agreementForm.addKpi')}
            </Button>
          </div>
        </Fieldset>
      ) : null}
      <div role="status" aria-live="polite" className="regie-visually-hidden">
        {announcement}
      </div>
    </>
  );
}
