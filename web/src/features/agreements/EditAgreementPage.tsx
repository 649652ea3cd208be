import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { kindLabel } from '../../lib/agreements/labels';
import {
  canWriteAgreement,
  type InternalAgreement,
  type UpdateAgreementInput,
} from '../../lib/agreements/model';
import { errorCode, errorIssues } from '../../lib/errors';
import { ErrorSummary, focusSoon } from '../../lib/form';
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
  type FieldErrors,
  fieldOrder,
  issuesToFieldErrors,
  type TermsValues,
  termsPatch,
  validateTerms,
  valuesFromAgreement,
  withoutStale,
} from './agreement-form';
import { useAgreementRefresh } from './StatusSection';

/** Statuses in which a change of terms returns the agreement to draft (core `amend`). */
const AMENDED_ON_EDIT: readonly string[] = ['in_approval', 'approved', 'out_for_signature'];

function EditForm({
  agreement,
  reloaded,
  onReload,
}: {
  /** The version being edited: fixed for this form's life, so `expectedVersion` is the one the person saw. */
  agreement: InternalAgreement;
  reloaded: boolean;
  onReload: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const reasonFormat = useReasonFormat();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [, navigate] = useLocation();
  const refresh = useAgreementRefresh(agreement.id);
  const [base] = useState(agreement);
  const [values, setValues] = useState<TermsValues>(() => valuesFromAgreement(agreement, locale));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState(reloaded ? t('agreementForm.reloaded') : '');
  const [attempted, setAttempted] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const [keyFor] = useState(idempotencyKeys);
  const organisations = useOrganisationOptions(base.space, base.parties);
  const order = fieldOrder(values, 'edit');
  const errorFor = useFieldMessages(clientErrors, serverErrors);

  // Rebuilt from the latest version after a conflict: the person continues at the first field.
  useEffect(() => {
    if (reloaded) document.getElementById(inputIdFor('title'))?.focus();
  }, [reloaded]);

  const update = useMutation({
    mutationKey: trpc.agreement.update.mutationKey(),
    mutationFn: (input: UpdateAgreementInput) => {
      const idempotencyKey = keyFor(input);
      return client.agreement.update.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (next) => {
      await refresh(next);
      // A change after approval was asked returned it to draft (SPEC §3): the detail page says so.
      navigate(`/agreements/${encodeURIComponent(next.id)}`, {
        state: { saved: next.amendment ? 'amended' : true },
      });
    },
    onError: (error) => {
      const code = errorCode(error);
      setServerErrors({});
      setFormError([]);
      if (code === 'CONFLICT') {
        setConflict(true);
        focusSoon(() => conflictRef.current);
        return;
      }
      if (code === 'BAD_REQUEST') {
        const { errors, other } = issuesToFieldErrors(errorIssues(error), order, reasonFormat);
        setServerErrors(errors);
        if (other.length > 0 || Object.keys(errors).length === 0)
          setFormError([t('agreementForm.errors.rejected'), ...other]);
      } else if (code === 'FORBIDDEN') setFormError([t('agreementForm.errors.forbiddenEdit')]);
      else if (code === 'NOT_FOUND') setFormError([t('agreementDetail.notFound')]);
      else setFormError([t('agreementForm.errors.failed')]);
      focusSoon(() => summaryRef.current);
    },
  });

  function change(next: TermsValues, changed: string) {
    setValues(next);
    setNotice('');
    if (attempted) {
      const result = validateTerms(next, base.kind, locale);
      setClientErrors(result.ok ? {} : result.errors);
    }
    setServerErrors((previous) => withoutStale(previous, changed));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    setAttempted(true);
    setServerErrors({});
    setFormError([]);
    setConflict(false);
    const result = validateTerms(values, base.kind, locale);
    if (!result.ok) {
      setClientErrors(result.errors);
      focusSoon(() => summaryRef.current);
      return;
    }
    setClientErrors({});
    const data = termsPatch(result.terms, base);
    if (Object.keys(data).length === 0) {
      setNotice(t('agreementForm.noChanges'));
      return;
    }
    update.mutate({ id: base.id, expectedVersion: base.version, data });
  }

  return (
    <>
      {conflict ? (
        <div ref={conflictRef} tabIndex={-1} className="regie-error-summary">
          <Alert type="warning">
            <Paragraph>{t('agreementForm.conflict')}</Paragraph>
            <Button appearance="secondary-action-button" onClick={() => void onReload()}>
              {t('agreementForm.reload')}
            </Button>
          </Alert>
        </div>
      ) : null}
      {AMENDED_ON_EDIT.includes(base.status) ? (
        <Alert type="warning">
          <Paragraph>{t('agreementForm.amendWarning')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={formError}
        fields={summaryLinks(order, errorFor)}
        summaryRef={summaryRef}
      />
      <form className="regie-form" noValidate onSubmit={submit}>
        <AgreementFormFields
          values={values}
          onChange={change}
          errorFor={errorFor}
          organisations={organisations.options}
          organisationsLoading={organisations.loading}
          organisationsFailed={organisations.failed}
        />
        <div role="status" aria-live="polite" className="regie-status">
          {update.isPending ? t('agreementForm.saving') : notice}
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={update.isPending}>
            {t('agreementForm.saveChanges')}
          </Button>
          <Link href={`/agreements/${encodeURIComponent(base.id)}`} asChild>
            <ButtonLink appearance="secondary-action-button">{t('agreementForm.cancel')}</ButtonLink>
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}

/** `/agreements/:id/edit`: the terms of an agreement, saved as a new version with `expectedVersion`. */
export function EditAgreementPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const agreement = useQuery(trpc.agreement.get.queryOptions({ id }));
  const [generation, setGeneration] = useState(0);
  const a = agreement.data;
  usePageTitle(
    a ? t('agreementForm.editPageTitle', { reference: a.reference }) : t('agreementDetail.loading'),
  );

  async function reload() {
    await agreement.refetch();
    setGeneration((n) => n + 1);
  }

  const back = (
    <Paragraph>
      <Link href={`/agreements/${encodeURIComponent(id)}`} className="utrecht-link">
        {t('agreementForm.backToAgreement')}
      </Link>
    </Paragraph>
  );

  if (!a) {
    const notFound = agreement.isError && errorCode(agreement.error) === 'NOT_FOUND';
    return (
      <div className="regie-form-page">
        <div role="status" aria-live="polite" className="regie-status">
          {agreement.isPending ? t('agreementDetail.loading') : null}
        </div>
        {agreement.isError ? (
          <Alert type={notFound ? 'warning' : 'error'}>
            {notFound ? t('agreementDetail.notFound') : t('agreementDetail.error')}
          </Alert>
        ) : null}
        {back}
      </div>
    );
  }

  return (
    <div className="regie-form-page">
      <p className="regie-pre-heading">
        {kindLabel(t, a.kind)} · {a.reference}
      </p>
      <PageHeading>{t('agreementForm.editTitle')}</PageHeading>
      {a.view !== 'internal' || (me.data && !canWriteAgreement(me.data, a)) ? (
        <>
          <Alert type="warning">{t('agreementForm.errors.forbiddenEdit')}</Alert>
          {back}
        </>
      ) : (
        <>
          <Paragraph>{t('agreementForm.editIntro', { version: a.version })}</Paragraph>
          <EditForm key={generation} agreement={a} reloaded={generation > 0} onReload={reload} />
        </>
      )}
    </div>
  );
}
