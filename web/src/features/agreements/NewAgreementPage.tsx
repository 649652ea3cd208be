import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { type CreateAgreementInput, KINDS } from '../../lib/agreements/model';
import { errorCode, errorIssues } from '../../lib/errors';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { localeFor } from '../../lib/format';
import { useReasonFormat } from '../../lib/mutation-error';
import { PageHeading, usePageTitle } from '../../lib/page';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import {
  AgreementFormFields,
  inputIdFor,
  summaryLinks,
  useFieldMessages,
  useOrganisationOptions,
} from './AgreementFormFields';
import {
  type CreateValues,
  emptyCreateValues,
  type FieldErrors,
  fieldOrder,
  issuesToFieldErrors,
  type TermsValues,
  validateCreate,
  withoutStale,
} from './agreement-form';

export function NewAgreementPage() {
  const { t, i18n } = useTranslation();
  const reasonFormat = useReasonFormat();
  usePageTitle(t('agreementForm.title'));
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const me = useQuery(trpc.me.get.queryOptions());
  const home = me.data?.space ?? '';

  const [values, setValues] = useState<CreateValues>(() => emptyCreateValues(''));
  const space = values.space || home || undefined;
  const organisations = useOrganisationOptions(space);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [attempted, setAttempted] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const client = useTRPCClient();
  const [keyFor] = useState(idempotencyKeys);

  const order = fieldOrder(values, 'create');
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
        const { errors, other } = issuesToFieldErrors(errorIssues(error), order, reasonFormat);
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
      focusSoon(() => summaryRef.current);
    },
  });

  const errorFor = useFieldMessages(clientErrors, serverErrors);

  function change(next: CreateValues, changed: string) {
    setValues(next);
    // After a first attempt, errors follow the input, so a fixed field stops saying it is wrong.
    if (attempted) {
      const result = validateCreate(next, home, locale);
      setClientErrors(result.ok ? {} : result.errors);
    }
    setServerErrors((previous) => withoutStale(previous, changed));
  }
  const changeTerms = (next: TermsValues, changed: string) => change({ ...values, ...next }, changed);

  function changeOwner(owner: string) {
    // Organisations are registered per register: a party chosen for another owner must be chosen again.
    change(
      { ...values, space: owner, parties: values.parties.map((p) => ({ ...p, organisationId: '' })) },
      'space',
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    setAttempted(true);
    setServerErrors({});
    setFormError([]);
    const result = validateCreate(values, home, locale);
    if (!result.ok) {
      setClientErrors(result.errors);
      focusSoon(() => summaryRef.current);
      return;
    }
    setClientErrors({});
    create.mutate(result.input);
  }

  // The owner: one's own register, or a region the municipality belongs to.
  const owners = (me.data?.reach ?? []).filter((r) => r.space === home || r.kind === 'region');

  return (
    <div className="regie-form-page">
      <PageHeading>{t('agreementForm.title')}</PageHeading>
      <Paragraph>{t('agreementForm.intro')}</Paragraph>

      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={formError}
        fields={summaryLinks(order, errorFor)}
        summaryRef={summaryRef}
      />

      <form className="regie-form" noValidate onSubmit={submit}>
        <Field id={inputIdFor('kind')} label={t('fields.kind')} error={errorFor('kind')}>
          {(props) => (
            <Select
              {...props}
              name="kind"
              required
              value={values.kind}
              onChange={(e) => change({ ...values, kind: e.target.value }, 'kind')}
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
          id={inputIdFor('reference')}
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
              onChange={(e) => change({ ...values, reference: e.target.value }, 'reference')}
            />
          )}
        </Field>
        {owners.length > 1 ? (
          <Field
            id={inputIdFor('space')}
            label={t('agreementForm.owner')}
            hint={t('agreementForm.ownerHint')}
            error={errorFor('space')}
          >
            {(props) => (
              <Select
                {...props}
                name="space"
                value={values.space || home}
                onChange={(e) => changeOwner(e.target.value)}
              >
                {owners.map((owner) => (
                  <SelectOption key={owner.space} value={owner.space}>
                    {owner.name}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
        ) : null}

        <AgreementFormFields
          values={values}
          onChange={changeTerms}
          errorFor={errorFor}
          organisations={organisations.options}
          organisationsLoading={organisations.loading}
          organisationsFailed={organisations.failed}
        />

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
