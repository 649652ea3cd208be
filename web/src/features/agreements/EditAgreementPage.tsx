import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { kindLabel } from '../../lib/agreements/labels';
import {
  canWriteAgreement,
  type InternalAgreement,
  type UpdateAgreementInput,
} from '../../lib/agreements/model';
import { errorCode } from '../../lib/errors';
import { ErrorSummary, focusSoon } from '../../lib/form';
import { localeFor } from '../../lib/format';
import { PageHeading, usePageTitle } from '../../lib/page';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import { useAgreementDraft } from './AgreementDraft';
import { AgreementFormFields } from './AgreementFormFields';
import { validateTerms } from './agreement-form';
import {
  fieldOrder,
  type TermsInput,
  type TermsValues,
  termsPatch,
  valuesFromAgreement,
} from './agreement-values';
import { FieldMessages, inputIdFor, summaryLinks, useOrganisationOptions } from './form-fields';
import { useAgreementRefresh } from './StatusSection';
import { useAgreementForm } from './useAgreementForm';

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
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [, navigate] = useLocation();
  const refresh = useAgreementRefresh(agreement.id);
  const [base] = useState(agreement);
  const [initial] = useState(() => valuesFromAgreement(agreement, localeFor(i18n.language)));
  const [conflict, setConflict] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const { form, errorFor, general, onError, summaryRef, onSubmit } = useAgreementForm<
    TermsValues,
    TermsInput
  >(
    initial,
    (values, locale) => {
      const result = validateTerms(values, base.kind, locale);
      return result.ok ? { ok: true, output: result.terms } : result;
    },
    (values) => fieldOrder(values, 'edit'),
    {
      invalid: t('agreementForm.errors.rejected'),
      forbidden: t('agreementForm.errors.forbiddenEdit'),
      notFound: t('agreementDetail.notFound'),
      unavailable: t('agreementForm.errors.failed'),
      network: t('agreementForm.errors.failed'),
      unknown: t('agreementForm.errors.failed'),
      // Someone else saved a version meanwhile: offer the latest one instead of a general message.
      onConflict: () => {
        setConflict(true);
        focusSoon(() => conflictRef.current);
      },
    },
  );
  // Kept per version: a draft of an older version is never put onto a newer one.
  const draft = useAgreementDraft(form, `agreement.edit.${base.id}.${base.version}`, initial);
  const [notice, setNotice] = useState(reloaded ? t('agreementForm.reloaded') : '');
  const [keyFor] = useState(idempotencyKeys);
  const organisations = useOrganisationOptions(base.space, base.parties);
  // Read, not watched: the order only sorts messages, and a change of messages renders the form anyway.
  const order = fieldOrder(form.getValues(), 'edit');

  // Rebuilt from the latest version after a conflict: the person continues at the first field.
  useEffect(() => {
    if (reloaded) document.getElementById(inputIdFor('title'))?.focus();
  }, [reloaded]);
  // A change clears "nothing changed".
  useEffect(() => {
    const subscription = form.watch(() => setNotice(''));
    return () => subscription.unsubscribe();
  }, [form]);

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
      draft.clear();
      await refresh(next);
      // A change after approval was asked returned it to draft (SPEC §3): the detail page says so.
      navigate(`/agreements/${encodeURIComponent(next.id)}`, {
        state: { saved: next.amendment ? 'amended' : true },
      });
    },
    onError,
  });

  const submit = onSubmit((terms) => {
    if (update.isPending) return;
    setConflict(false);
    const data = termsPatch(terms, base);
    if (Object.keys(data).length === 0) {
      setNotice(t('agreementForm.noChanges'));
      return;
    }
    update.mutate({ id: base.id, expectedVersion: base.version, data });
  });

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
      {draft.notice}
      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={conflict ? [] : general}
        fields={summaryLinks(order, errorFor)}
        summaryRef={summaryRef}
      />
      <FormProvider {...form}>
        <FieldMessages value={errorFor}>
          <form className="regie-form" noValidate onSubmit={submit}>
            <AgreementFormFields organisations={organisations} kind={base.kind} agreementId={base.id} />
            <StatusLine>{update.isPending ? t('agreementForm.saving') : notice}</StatusLine>
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={update.isPending}>
                {t('agreementForm.saveChanges')}
              </Button>
              <Link href={`/agreements/${encodeURIComponent(base.id)}`} asChild onClick={draft.clear}>
                <ButtonLink appearance="secondary-action-button">{t('agreementForm.cancel')}</ButtonLink>
              </Link>
            </ButtonGroup>
          </form>
        </FieldMessages>
      </FormProvider>
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
        <StatusLine>{agreement.isPending ? t('agreementDetail.loading') : null}</StatusLine>
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
