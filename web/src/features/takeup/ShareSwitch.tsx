import '../../i18n/services-load';
import type { TakeupView } from '@regie/core/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, FormField, FormFieldDescription, FormLabel } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../lib/form';
import { useMutationError } from '../../lib/mutation-error';
import { useTRPC, useTRPCClient } from '../../lib/trpc';

/** The region's switch: share every member's take-up details with the members, saved at once (versioned). */
export function ShareSwitch({
  agreementId,
  view,
  onDone,
}: {
  agreementId: string;
  view: TakeupView;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const failed = useMutationError({ messages: { forbidden: t('services.takeup.forbidden') } });
  const id = 'takeup-share';
  const save = useMutation({
    mutationKey: trpc.takeup.configure.mutationKey(),
    mutationFn: (input: Parameters<typeof client.takeup.configure.mutate>[0]) =>
      client.takeup.configure.mutate(input),
    onSuccess: async (result) => {
      failed.reset();
      queryClient.setQueryData(trpc.takeup.list.queryKey({ agreementId }), result);
      onDone(t(result.sharing.shareWithMembers ? 'services.takeup.sharedOn' : 'services.takeup.sharedOff'));
      await queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) });
    },
    onError: (error) => {
      setWanted(null);
      failed.onError(error);
    },
    onSettled: () => setWanted(null),
  });
  // The switch follows the click at once; the server's answer (or a refusal) settles it.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const checked = wanted ?? view.sharing.shareWithMembers;
  return (
    <div className="regie-form">
      <ErrorSummary
        title={t('services.takeup.errorTitle')}
        general={failed.summary ? [failed.summary] : []}
        fields={[]}
        summaryRef={failed.summaryRef}
      />
      <FormField
        type="checkbox"
        description={
          <FormFieldDescription id={`${id}-hint`}>{t('services.takeup.shareHint')}</FormFieldDescription>
        }
        label={
          <FormLabel htmlFor={id} type="checkbox" checked={checked}>
            {t('services.takeup.share')}
          </FormLabel>
        }
        input={
          <Checkbox
            id={id}
            role="switch"
            appearance="html"
            aria-describedby={`${id}-hint`}
            checked={checked}
            disabled={save.isPending}
            onChange={(e) => {
              if (save.isPending) return;
              failed.reset();
              setWanted(e.target.checked);
              save.mutate({
                agreementId,
                shareWithMembers: e.target.checked,
                expectedVersion: view.sharing.version,
              });
            }}
          />
        }
      />
    </div>
  );
}
