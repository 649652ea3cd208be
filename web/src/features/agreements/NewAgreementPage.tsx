import { AGREEMENT_KINDS, type AgreementCreateInput } from '@regie/core/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  ButtonLink,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ErrorSummary, Field } from '../../lib/form';
import { PageHeading, usePageTitle } from '../../lib/page';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import { useAgreementDraft } from './AgreementDraft';
import { AgreementFormFields } from './AgreementFormFields';
import { validateCreate } from './agreement-form';
import { type CreateValues, emptyCreateValues, fieldOrder } from './agreement-values';
import {
  ChoiceInput,
  FieldMessages,
  inputIdFor,
  summaryLinks,
  TextInput,
  useOrganisationOptions,
} from './form-fields';
import { useAgreementForm } from './useAgreementForm';

export function NewAgreementPage() {
  const { t } = useTranslation();
  usePageTitle(t('agreementForm.title'));
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const me = useQuery(trpc.me.get.queryOptions());
  const home = me.data?.space ?? '';

  const [initial] = useState(() => emptyCreateValues(''));
  const { form, errorFor, general, onError, summaryRef, onSubmit } = useAgreementForm<
    CreateValues,
    AgreementCreateInput
  >(
    initial,
    (values, locale) => {
      const result = validateCreate(values, home, locale);
      return result.ok ? { ok: true, output: result.input } : result;
    },
    (values) => fieldOrder(values, 'create'),
    {
      invalid: t('agreementForm.errors.rejected'),
      forbidden: t('agreementForm.errors.forbidden'),
      unavailable: t('agreementForm.errors.failed'),
      network: t('agreementForm.errors.failed'),
      unknown: t('agreementForm.errors.failed'),
    },
  );
  const draft = useAgreementDraft(form, 'agreement.new', initial);
  const chosenOwner = useWatch({ control: form.control, name: 'space' });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const space = chosenOwner || home || undefined;
  const organisations = useOrganisationOptions(space);
  // Read, not watched: the order only sorts messages, and a change of messages renders the page anyway.
  const order = fieldOrder(form.getValues(), 'create');

  const client = useTRPCClient();
  const [keyFor] = useState(idempotencyKeys);
  const create = useMutation({
    mutationKey: trpc.agreement.create.mutationKey(),
    mutationFn: (input: AgreementCreateInput) => {
      const idempotencyKey = keyFor(input);
      return client.agreement.create.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (agreement) => {
      draft.clear();
      queryClient.setQueryData(trpc.agreement.get.queryKey({ id: agreement.id }), agreement);
      await queryClient.invalidateQueries({ queryKey: trpc.agreement.find.pathKey() });
      navigate(`/agreements/${encodeURIComponent(agreement.id)}`, { state: { saved: true } });
    },
    // A reference in use comes back as the reference field's error (`agreement.referenceInUse`).
    onError,
  });

  function changeOwner(owner: string) {
    form.setValue('space', owner);
    // Organisations are registered per register: a party chosen for another owner must be chosen again.
    form.getValues('parties').forEach((_, i) => {
      form.setValue(`parties.${i}.organisationId`, '');
    });
  }

  // The owner: one's own register, or a region the municipality belongs to.
  const owners = (me.data?.reach ?? []).filter((r) => r.space === home || r.kind === 'region');

  return (
    <div className="regie-form-page">
      <PageHeading>{t('agreementForm.title')}</PageHeading>
      <Paragraph>{t('agreementForm.intro')}</Paragraph>
      {draft.notice}

      <ErrorSummary
        title={t('agreementForm.summaryTitle')}
        general={general}
        fields={summaryLinks(order, errorFor)}
        summaryRef={summaryRef}
      />

      <FormProvider {...form}>
        <FieldMessages value={errorFor}>
          <form
            className="regie-form"
            noValidate
            onSubmit={onSubmit((input) => {
              if (!create.isPending) create.mutate(input);
            })}
          >
            <ChoiceInput
              path="kind"
              label={t('fields.kind')}
              options={AGREEMENT_KINDS}
              optionLabel={(kind) => t(`kinds.${kind}`)}
              required
            />
            <TextInput
              path="reference"
              label={t('fields.reference')}
              hint={t('agreementForm.referenceHint')}
              required
            />
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
                    value={space ?? ''}
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

            <AgreementFormFields organisations={organisations} kind={kind} />

            <StatusLine>{create.isPending ? t('agreementForm.saving') : null}</StatusLine>

            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
                {t('agreementForm.submit')}
              </Button>
              <Link href="/register" asChild onClick={draft.clear}>
                <ButtonLink appearance="secondary-action-button">{t('agreementForm.cancel')}</ButtonLink>
              </Link>
            </ButtonGroup>
          </form>
        </FieldMessages>
      </FormProvider>
    </div>
  );
}
