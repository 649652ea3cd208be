import { PROVIDER_ROLES } from '@regie/core/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../lib/agreements/model';
import { ListState, useOutcome } from '../../lib/outcome';
import { useTRPC } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { canPlaceDocument } from './model';
import { SignersTable } from './SignersTable';
import { SignForm } from './SignForm';
import { DocumentFacts, Downloads, PlaceDocument } from './SigningDocument';

/** After a document or a signature: this section, the agreement and its audit trail, the signing inbox. */
function useRefresh(agreementId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.signing.status.queryKey({ agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.signing.inbox.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.get.queryKey({ id: agreementId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.find.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
    ]);
}

/**
 * "Ondertekening" on an agreement (SPEC §5.2): the document with its SHA-256 and downloads, generate or upload for
 * purchasers, the signers in order with their state, and the sign form for the signer whose turn it is.
 */
export function SigningSection({ agreementId, me }: { agreementId: string; me: Me | undefined }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const status = useQuery(trpc.signing.status.queryOptions({ agreementId }));
  const refresh = useRefresh(agreementId);
  const { announce, outcome } = useOutcome('signing-outcome');
  const s = status.data;
  const roles = me?.roles ?? [];
  const municipal = !roles.some((r) => PROVIDER_ROLES.includes(r));
  const done = async (text: string) => {
    await refresh();
    announce(text);
  };
  return (
    <Section id="signing" title={t('signing.section.title')}>
      <Paragraph className="regie-hint">{t('signing.level')}</Paragraph>
      <StatusLine>{status.isPending ? t('signing.loading') : null}</StatusLine>
      <ListState query={status} isEmpty={false} error={t('signing.error')} empty="" retry={t('app.retry')} />
      {outcome}
      {s ? (
        <>
          <DocumentFacts s={s} municipal={municipal} />
          <Downloads s={s} municipal={municipal} />
          {canPlaceDocument(roles, s.status) ? (
            <PlaceDocument s={s} onPlaced={(text) => void done(text)} />
          ) : null}

          <Heading3>{t('signing.section.signers')}</Heading3>
          <SignersTable s={s} />
          {s.complete && s.status === 'active' ? (
            <Paragraph>{t('signing.section.complete')}</Paragraph>
          ) : null}
          {s.myTurn ? <SignForm s={s} onSigned={(text) => void done(text)} /> : null}
        </>
      ) : null}
    </Section>
  );
}
