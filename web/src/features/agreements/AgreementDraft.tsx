import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFormDraft } from '../../lib/form-draft';
import { useTRPC } from '../../lib/trpc';

/**
 * The agreement form's values kept in this tab until saved (issue 17 point 4): after an expired session and a new
 * login the person finds what they had entered, with a notice and a way to throw it away.
 */
export function useAgreementDraft<Values extends FieldValues, Output>(
  form: UseFormReturn<Values, unknown, Output>,
  /** `agreement.new`, or `agreement.edit.<id>.<version>`: a draft of an older version is never put back. */
  name: string,
  initial: Values,
): { clear: () => void; notice: ReactNode } {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const draft = useFormDraft<Values>({
    user: me.data ? `${me.data.space}/${me.data.key}` : undefined,
    form: name,
    subscribe: (listener) => {
      const subscription = form.watch((values) => listener(values as Values));
      return () => subscription.unsubscribe();
    },
    restore: (values) => form.reset(values as DefaultValues<Values>),
  });
  const notice = draft.restored ? (
    <Alert type="info" data-testid="draft-restored">
      <Paragraph>{t('signIn.draft.restored')}</Paragraph>
      <Button
        appearance="secondary-action-button"
        onClick={() => {
          draft.clear();
          form.reset(initial as DefaultValues<Values>);
        }}
      >
        {t('signIn.draft.discard')}
      </Button>
    </Alert>
  ) : null;
  return { clear: draft.clear, notice };
}
