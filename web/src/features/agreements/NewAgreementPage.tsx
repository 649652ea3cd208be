import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  ButtonLink,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { errorCode, errorIssues } from '../../lib/errors';
import { localeFor } from '../../lib/format';
import { PageHeading, usePageTitle } from '../../lib/page';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import {
  EMPTY_FORM,
  type FieldError,
  type FieldErrors,
  type FieldName,
  FORM_FIELDS,
  type FormValues,
  issuesToFieldErrors,
  validateAgreementForm,
} from './agreement-form';
import { type CreateAgreementInput, DOMAINS, KINDS } from './model';

const inputId = (field: FieldName) => `agreement-${field}`;

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list === '' ? undefined : list;
}

/** A labelled field with an optional hint and its error, both tied to the input with aria-describedby. */
function Field({
  field,
  label,
  hint,
  error,
  children,
}: {
  field: FieldName;
  label: string;
  hint?: string;
  error: string | undefined;
  children: (props: { id: string; 'aria-describedby'?: string; invalid: boolean }) => ReactNode;
}) {
  const id = inputId(field);
  return (
    <FormField
      invalid={error !== undefined}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={hint ? <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription> : undefined}
      errorMessage={
        error ? <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage> : undefined
      }
      input={children({
        id,
        'aria-describedby': describedBy(hint && `${id}-hint`, error && `${id}-error`),
        invalid: error !== undefined,
      })}
    />
  );
}

export function NewAgreementPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('agreementForm.title'));
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();

  const [values, setValues] = useState<FormValues>(EMPTY_FORM);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const client = useTRPCClient();
  const [keyFor] = useState(idempotencyKeys);

  const create = useMutation({
    mutationKey: trpc.agreement.create.mutationKey(),
    mutationFn: (input: CreateAgreementInput) => {
      const idempotencyKey = keyFor(input);
      return client.agreement.create.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (agreement) => {
      queryClient.setQueryData(trpc.agreement.get.queryKey({ id: agreement.id }), agreement);
      await queryClient.invalidateQueries({ queryKey: trpc.agreement.find.pathKey() });
      navigate(`/agreements/${encodeURIComponent(agreement.id)}`, { state: { saved: true } });
    },
    onError: (error) => {
      const code = errorCode(error);
      if (code === 'BAD_REQUEST') {
        const { errors, other } = issuesToFieldErrors(errorIssues(error));
        setServerErrors(errors);
        setFormError(
          other.length > 0 || Object.keys(errors).length === 0
            ? [t('agreementForm.errors.rejected'), ...other]
            : [],
        );
      } else if (code === 'CONFLICT') {
        setServerErrors({ reference: { key: 'referenceTaken' } });
        setFormError([]);
      } else if (code === 'FORBIDDEN') {
        setServerErrors({});
        setFormError([t('agreementForm.errors.forbidden')]);
      } else {
        setServerErrors({});
        setFormError([t('agreementForm.errors.failed')]);
      }
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
  });

  const message = (error: FieldError | undefined): string | undefined =>
    error === undefined ? undefined : 'key' in error ? t(`agreementForm.errors.${error.key}`) : error.text;
  const errorFor = (field: FieldName) => message(clientErrors[field] ?? serverErrors[field]);

  function change(field: FieldName, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    // After a first attempt, errors follow the input, so a fixed field stops saying it is wrong.
    if (attempted) {
      const result = validateAgreementForm(next, locale);
      setClientErrors(result.ok ? {} : result.errors);
    }
    if (serverErrors[field]) {
      const { [field]: _fixed, ...rest } = serverErrors;
      setServerErrors(rest);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    setAttempted(true);
    setServerErrors({});
    setFormError([]);
    const result = validateAgreementForm(values, locale);
    if (!result.ok) {
      setClientErrors(result.errors);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setClientErrors({});
    create.mutate(result.input);
  }

  const listed = FORM_FIELDS.flatMap((field) => {
    const text = errorFor(field);
    return text ? [{ field, text }] : [];
  });
  const showSummary = listed.length > 0 || formError.length > 0;
  const optional = (label: string) => `${label} ${t('agreementForm.optional')}`;

  return (
    <div className="regie-form-page">
      <PageHeading>{t('agreementForm.title')}</PageHeading>
      <Paragraph>{t('agreementForm.intro')}</Paragraph>

      {showSummary ? (
        <div ref={summaryRef} tabIndex={-1} className="regie-error-summary">
          <Alert type="error">
            <Heading2 id="error-summary-title">{t('agreementForm.summaryTitle')}</Heading2>
            {formError.map((text) => (
              <Paragraph key={text}>{text}</Paragraph>
            ))}
            {listed.length > 0 ? (
              <UnorderedList>
                {listed.map(({ field, text }) => (
                  <UnorderedListItem key={field}>
                    <a
                      className="utrecht-link"
                      href={`#${inputId(field)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(inputId(field))?.focus();
                      }}
                    >
                      {text}
                    </a>
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            ) : null}
          </Alert>
        </div>
      ) : null}

      <form className="regie-form" noValidate onSubmit={submit}>
        <Field field="kind" label={t('fields.kind')} error={errorFor('kind')}>
          {(props) => (
            <Select
              {...props}
              name="kind"
              required
              value={values.kind}
              onChange={(e) => change('kind', e.target.value)}
            >
              <SelectOption value="">{t('agreementForm.choose')}</SelectOption>
              {KINDS.map((kind) => (
                <SelectOption key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field
          field="reference"
          label={t('fields.reference')}
          hint={t('agreementForm.referenceHint')}
          error={errorFor('reference')}
        >
          {(props) => (
            <Textbox
              {...props}
              name="reference"
              required
              autoComplete="off"
              value={values.reference}
              onChange={(e) => change('reference', e.target.value)}
            />
          )}
        </Field>
        <Field field="title" label={t('fields.title')} error={errorFor('title')}>
          {(props) => (
            <Textbox
              {...props}
              name="title"
              required
              autoComplete="off"
              value={values.title}
              onChange={(e) => change('title', e.target.value)}
            />
          )}
        </Field>
        <Field field="description" label={optional(t('fields.description'))} error={errorFor('description')}>
          {(props) => (
            <Textarea
              {...props}
              name="description"
              rows={5}
              value={values.description}
              onChange={(e) => change('description', e.target.value)}
            />
          )}
        </Field>
        <Field field="domain" label={t('fields.domain')} error={errorFor('domain')}>
          {(props) => (
            <Select
              {...props}
              name="domain"
              required
              value={values.domain}
              onChange={(e) => change('domain', e.target.value)}
            >
              <SelectOption value="">{t('agreementForm.choose')}</SelectOption>
              {DOMAINS.map((domain) => (
                <SelectOption key={domain} value={domain}>
                  {t(`domains.${domain}`)}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <div className="regie-form__dates">
          <Field field="startDate" label={t('fields.startDate')} error={errorFor('startDate')}>
            {(props) => (
              <Textbox
                {...props}
                type="date"
                name="startDate"
                required
                value={values.startDate}
                onChange={(e) => change('startDate', e.target.value)}
              />
            )}
          </Field>
          <Field field="endDate" label={t('fields.endDate')} error={errorFor('endDate')}>
            {(props) => (
              <Textbox
                {...props}
                type="date"
                name="endDate"
                required
                min={values.startDate || undefined}
                value={values.endDate}
                onChange={(e) => change('endDate', e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          field="ceiling"
          label={optional(t('agreementForm.ceilingLabel'))}
          hint={t('agreementForm.ceilingHint')}
          error={errorFor('ceiling')}
        >
          {(props) => (
            <Textbox
              {...props}
              name="ceiling"
              inputMode="decimal"
              autoComplete="off"
              className="regie-input--amount"
              value={values.ceiling}
              onChange={(e) => change('ceiling', e.target.value)}
            />
          )}
        </Field>

        <div role="status" aria-live="polite" className="regie-status">
          {create.isPending ? t('agreementForm.saving') : null}
        </div>

        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
            {t('agreementForm.submit')}
          </Button>
          <Link href="/register" asChild>
            <ButtonLink appearance="secondary-action-button">{t('agreementForm.cancel')}</ButtonLink>
          </Link>
        </ButtonGroup>
      </form>
    </div>
  );
}
