import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { signInputSchema } from '@regie/core/browser';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { byPath, formSchema, useErrorText } from '../../lib/form-schema';
import { useMutationError } from '../../lib/mutation-error';
import { idempotencyKeys, useTRPCClient } from '../../lib/trpc';
import type { SigningStatus } from './model';

/** The sign form: the hash, the consent text, an explicit checkbox, the notice about the signature level. */
export function SignForm({ s, onSigned }: { s: SigningStatus; onSigned: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useTRPCClient();
  // The server's refusal from its reason key; a stale hash (someone signed or replaced the document) as a warning.
  const failure = useMutationError({
    fieldOf: () => undefined,
    messages: { conflict: t('signing.section.stale'), unknown: t('signing.section.signFailed') },
  });
  const [keyFor] = useState(idempotencyKeys);
  const document = s.document!;
  // The API's own schema: only an explicit `consent: true` on the hash shown is accepted.
  const schema = useMemo(
    () =>
      formSchema({
        schema: signInputSchema,
        read: (v: { consent: boolean }) => ({
          input: { agreementId: s.agreementId, documentHash: document.sha256, consent: v.consent },
        }),
        explain: byPath(
          { consent: ['consent', 'signing.section.consentError'] },
          'signing.section.signFailed',
        ),
      }),
    [s.agreementId, document.sha256],
  );
  const form = useForm({ resolver: standardSchemaResolver(schema), defaultValues: { consent: false } });
  const error = useErrorText(form.formState.errors)('consent');
  const consent = form.watch('consent');
  const sign = useMutation({
    mutationFn: (input: Parameters<typeof client.signing.sign.mutate>[0]) => {
      const idempotencyKey = keyFor(input);
      return client.signing.sign.mutate(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: (next) => {
      failure.reset();
      form.reset({ consent: false });
      onSigned(next.status === 'active' ? t('signing.section.activated') : t('signing.section.signed'));
    },
    onError: (error) => failure.onError(error),
  });
  const send = form.handleSubmit((input) => sign.mutate(input));
  const consentText = i18n.language.startsWith('en') ? s.consent.en : s.consent.nl;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    failure.reset();
    void send(event);
  }
  return (
    <form onSubmit={submit} noValidate className="regie-signing-form" data-testid="sign-form">
      <Heading3>{t('signing.section.signTitle')}</Heading3>
      <Paragraph>{t('signing.section.signIntro')}</Paragraph>
      <Paragraph>
        <code className="regie-hash" data-testid="sign-hash">
          {document.sha256}
        </code>
      </Paragraph>
      <FormField
        type="checkbox"
        invalid={error !== undefined}
        label={
          <FormLabel htmlFor="signing-consent" type="checkbox" checked={consent}>
            {t('signing.section.consentLabel')} “{consentText}”
          </FormLabel>
        }
        errorMessage={
          error ? (
            <FormFieldErrorMessage id="signing-consent-error">{error}</FormFieldErrorMessage>
          ) : undefined
        }
        input={
          <Checkbox
            {...form.register('consent')}
            id="signing-consent"
            appearance="html"
            invalid={error !== undefined}
            aria-describedby={error ? 'signing-consent-error signing-level' : 'signing-level'}
          />
        }
      />
      <Paragraph id="signing-level" className="regie-hint">
        {t('signing.level')}
      </Paragraph>
      <Button
        type="submit"
        appearance="primary-action-button"
        busy={sign.isPending}
        disabled={sign.isPending}
      >
        {t('signing.section.sign')}
      </Button>
      <div ref={failure.summaryRef} tabIndex={-1} className="regie-outcome" aria-live="polite">
        {failure.summary ? (
          <Alert type={failure.kind === 'conflict' ? 'warning' : 'error'}>{failure.summary}</Alert>
        ) : null}
      </div>
    </form>
  );
}
