import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorReason } from '../../lib/errors';
import { MutationErrorAlert, useMutationError } from '../../lib/mutation-error';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { StatusLine } from '../../ui/StatusLine';
import type { UnknownParty } from './model';

/**
 * The parties the dry run did not find among the register's organisations, offered for registration as providers
 * (`organisation.create` with name and KvK); `onRegistered` runs the dry run again.
 */
export function UnknownParties({
  parties,
  home,
  canRegister,
  onRegistered,
}: {
  parties: readonly UnknownParty[];
  home: string;
  canRegister: boolean;
  onRegistered: (count: number) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const failure = useMutationError();
  const [busy, setBusy] = useState(false);

  async function register(chosen: readonly UnknownParty[]) {
    if (busy) return;
    setBusy(true);
    failure.reset();
    let count = 0;
    try {
      for (const party of chosen) {
        try {
          await client.organisation.create.mutate({
            ...(party.space === home ? {} : { space: party.space }),
            kind: 'provider',
            name: party.name,
            kvkNumber: party.kvkNumber,
          });
          count++;
        } catch (error) {
          // Registered meanwhile (by a colleague, or a click before): that is what was wanted.
          if (errorReason(error)?.reason !== 'organisation.exists') throw error;
        }
      }
      await queryClient.invalidateQueries({ queryKey: trpc.organisation.find.pathKey() });
      onRegistered(count);
    } catch (error) {
      failure.onError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="import-unknown-parties">
      <Paragraph>
        {canRegister ? t('registerImport.partiesIntro') : t('registerImport.partiesNoRights')}
      </Paragraph>
      <ul className="regie-import-parties">
        {parties.map((party) => (
          <li key={`${party.space}|${party.kvkNumber}`}>
            <span>
              {party.name} (KvK {party.kvkNumber})
            </span>
            {canRegister ? (
              <Button
                appearance="secondary-action-button"
                disabled={busy}
                onClick={() => void register([party])}
              >
                {t('registerImport.registerParty', { name: party.name })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canRegister && parties.length > 1 ? (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            busy={busy}
            disabled={busy}
            onClick={() => void register(parties)}
          >
            {t('registerImport.registerAll')}
          </Button>
        </ButtonGroup>
      ) : null}
      <StatusLine>{busy ? t('registerImport.registering') : null}</StatusLine>
      <MutationErrorAlert failure={failure} />
    </div>
  );
}
