import '../../i18n/services-load';
import { useMutation } from '@tanstack/react-query';
import { Button, Paragraph, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { useMutationError } from '../../lib/mutation-error';
import { useTRPC, useTRPCClient } from '../../lib/trpc';

/**
 * "Eigen DVO aanmaken" for a member under the region's agreement (issue 16 point 3): a draft DVO in the member's
 * own register, a child of the regional agreement, its services and quantities taken from the member's take-up
 * (`takeup.createChild`). On success the new draft opens, to complete and send for approval like any other.
 */
export function ChildDvoForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [, navigate] = useLocation();
  const failed = useMutationError({});
  const id = 'takeup-child-reference';
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | undefined>();
  const create = useMutation({
    mutationKey: trpc.takeup.createChild.mutationKey(),
    mutationFn: (ref: string) => client.takeup.createChild.mutate({ agreementId, reference: ref }),
    onSuccess: (created) => navigate(`/agreements/${encodeURIComponent(created.id)}`),
    onError: failed.onError,
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    failed.reset();
    const ref = reference.trim();
    if (!/^[\p{L}\p{N}][\p{L}\p{N} ./_-]{0,49}$/u.test(ref)) {
      setError(t('services.child.referenceInvalid'));
      focusSoon(() => failed.summaryRef.current);
      return;
    }
    setError(undefined);
    create.mutate(ref);
  }
  return (
    <form className="regie-form" noValidate onSubmit={submit} aria-labelledby="takeup-child-heading">
      <h3 className="regie-subheading" id="takeup-child-heading">
        {t('services.child.title')}
      </h3>
      <Paragraph>{t('services.child.intro')}</Paragraph>
      <ErrorSummary
        title={t('services.child.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={error ? [{ id, text: error }] : []}
        summaryRef={failed.summaryRef}
      />
      <Field id={id} label={t('services.child.reference')} error={error}>
        {(props) => <Textbox {...props} value={reference} onChange={(e) => setReference(e.target.value)} />}
      </Field>
      <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
        {t('services.child.submit')}
      </Button>
    </form>
  );
}
