import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../lib/errors';
import { downloadFile as download, FilesError } from '../../lib/files';
import { focusSoon } from '../../lib/form';
import { formatDateTime, formatNumber, localeFor } from '../../lib/format';
import { ListState, useOutcome } from '../../lib/outcome';
import { idempotencyKeys, useTRPC, useTRPCClient } from '../../lib/trpc';
import type { Me } from '../agreements/model';
import { Section } from '../agreements/Section';
import {
  canPlaceDocument,
  generateDocument,
  type SignerState,
  type SigningStatus,
  uploadDocument,
  uploadProblem,
} from './model';

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

function SignersTable({ s }: { s: SigningStatus }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const state = (x: SignerState) =>
    x.signature
      ? t('signing.section.signedBy', {
          name: x.signature.signerName,
          at: formatDateTime(x.signature.at, locale),
        })
      : x.state === 'next'
        ? t('signing.section.stateNext')
        : t('signing.section.stateWaiting');
  return (
    <Table data-testid="signers-table">
      <TableCaption>{t('signing.section.signersCaption')}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('signing.section.order')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('signing.section.organisation')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('signing.section.role')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('signing.section.state')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {s.signers.map((x) => (
          <TableRow key={x.order} data-testid={`signer-${x.order}`}>
            <TableCell>{x.order}</TableCell>
            <TableCell>{x.organisationName}</TableCell>
            <TableCell>
              {t(`signing.section.roles.${x.role === 'approver' ? 'approver' : 'provider_signer'}`)}
            </TableCell>
            <TableCell>{x.state === 'next' ? <strong>{state(x)}</strong> : state(x)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Downloads({ s, municipal }: { s: SigningStatus; municipal: boolean }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const base = `agreements/${encodeURIComponent(s.agreementId)}`;
  const get = (path: string, name: string) => {
    setFailed(false);
    download(`${base}/${path}`, name).catch(() => setFailed(true));
  };
  const signedAny = s.signers.some((x) => x.signature !== null);
  return (
    <>
      <ButtonGroup>
        {s.document ? (
          <Button
            appearance="secondary-action-button"
            onClick={() => get('document.pdf', s.document!.fileName)}
          >
            {t('signing.section.download')}
          </Button>
        ) : null}
        {s.document && signedAny ? (
          <>
            <Button
              appearance="secondary-action-button"
              onClick={() => get('certificate.pdf', `${s.reference}-certificaat.pdf`)}
            >
              {t('signing.section.downloadCertificate')}
            </Button>
            <Button
              appearance="secondary-action-button"
              onClick={() => get('signed.pdf', `${s.reference}-ondertekend.pdf`)}
            >
              {t('signing.section.downloadSigned')}
            </Button>
          </>
        ) : null}
        {municipal ? (
          <Button appearance="subtle-button" onClick={() => get('export.pdf', `${s.reference}.pdf`)}>
            {t('signing.section.export')}
          </Button>
        ) : null}
      </ButtonGroup>
      {failed ? <Alert type="error">{t('signing.section.downloadFailed')}</Alert> : null}
    </>
  );
}

/** Generate from the agreement, or upload a PDF; both through the files app, bounded before sending. */
function PlaceDocument({ s, onPlaced }: { s: SigningStatus; onPlaced: (text: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const fileRef = useRef<HTMLInputElement>(null);
  const failed = (error: unknown) => {
    if (error instanceof FilesError && error.status === 413) setFailure(t('signing.section.tooLarge'));
    else if (error instanceof FilesError && error.status === 415) setFailure(t('signing.section.notPdf'));
    else setFailure(t('signing.section.placeFailed'));
  };
  const generate = useMutation({
    mutationFn: () => generateDocument(s.agreementId),
    onSuccess: (d) => onPlaced(t('signing.section.generated_done', { hash: d.sha256 })),
    onError: failed,
  });
  const upload = useMutation({
    mutationFn: (f: File) => uploadDocument(s.agreementId, f),
    onSuccess: (d) => {
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
      onPlaced(t('signing.section.uploaded_done', { hash: d.sha256 }));
    },
    onError: failed,
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    const why = await uploadProblem(file);
    if (why) {
      setProblem(t(`signing.section.${why}`));
      focusSoon(() => fileRef.current);
      return;
    }
    setProblem(undefined);
    upload.mutate(file!);
  }
  const busy = generate.isPending || upload.isPending;
  const signedAny = s.signers.some((x) => x.signature !== null);
  return (
    <div className="regie-signing-place">
      {signedAny ? <Alert type="warning">{t('signing.section.replaceWarning')}</Alert> : null}
      <ButtonGroup>
        <Button
          appearance={s.document ? 'secondary-action-button' : 'primary-action-button'}
          busy={generate.isPending}
          disabled={busy}
          onClick={() => {
            setFailure(undefined);
            generate.mutate();
          }}
        >
          {t('signing.section.generate')}
        </Button>
      </ButtonGroup>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormField
          invalid={problem !== undefined}
          label={<FormLabel htmlFor="signing-upload">{t('signing.section.uploadLabel')}</FormLabel>}
          description={
            <FormFieldDescription id="signing-upload-hint">
              {t('signing.section.uploadHint')}
            </FormFieldDescription>
          }
          errorMessage={
            problem ? (
              <FormFieldErrorMessage id="signing-upload-error">{problem}</FormFieldErrorMessage>
            ) : undefined
          }
          input={
            <input
              ref={fileRef}
              id="signing-upload"
              type="file"
              accept="application/pdf,.pdf"
              aria-describedby={problem ? 'signing-upload-hint signing-upload-error' : 'signing-upload-hint'}
              aria-invalid={problem !== undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          }
        />
        <Button type="submit" appearance="secondary-action-button" busy={upload.isPending} disabled={busy}>
          {t('signing.section.upload')}
        </Button>
      </form>
      {failure ? <Alert type="error">{failure}</Alert> : null}
    </div>
  );
}

/** The sign form: the hash, the consent text, an explicit checkbox, the notice about the signature level. */
function SignForm({ s, onSigned }: { s: SigningStatus; onSigned: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useTRPCClient();
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<'stale' | 'failed' | null>(null);
  const [keyFor] = useState(idempotencyKeys);
  const boxRef = useRef<HTMLInputElement>(null);
  const document = s.document!;
  const sign = useMutation({
    mutationFn: () => {
      const input = { agreementId: s.agreementId, documentHash: document.sha256, consent: true as const };
      const idempotencyKey = keyFor(input);
      return client.signing.sign.mutate(input, idempotencyKey ? { context: { idempotencyKey } } : undefined);
    },
    onSuccess: (next) => {
      setConsent(false);
      onSigned(next.status === 'active' ? t('signing.section.activated') : t('signing.section.signed'));
    },
    onError: (e) => setFailure(errorCode(e) === 'CONFLICT' ? 'stale' : 'failed'),
  });
  const consentText = i18n.language.startsWith('en') ? s.consent.en : s.consent.nl;
  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!consent) {
      setError(t('signing.section.consentError'));
      focusSoon(() => boxRef.current);
      return;
    }
    setError(undefined);
    sign.mutate();
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
            ref={boxRef}
            id="signing-consent"
            appearance="html"
            checked={consent}
            invalid={error !== undefined}
            aria-describedby={error ? 'signing-consent-error signing-level' : 'signing-level'}
            onChange={(e) => setConsent(e.target.checked)}
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
      {failure === 'stale' ? <Alert type="warning">{t('signing.section.stale')}</Alert> : null}
      {failure === 'failed' ? <Alert type="error">{t('signing.section.signFailed')}</Alert> : null}
    </form>
  );
}

/**
 * "Ondertekening" on an agreement (SPEC §5.2): the document with its SHA-256 and downloads, generate or upload for
 * purchasers, the signers in order with their state, and the sign form for the signer whose turn it is.
 */
export function SigningSection({ agreementId, me }: { agreementId: string; me: Me | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const status = useQuery(trpc.signing.status.queryOptions({ agreementId }));
  const refresh = useRefresh(agreementId);
  const { announce, outcome } = useOutcome('signing-outcome');
  const s = status.data;
  const roles = me?.roles ?? [];
  const municipal = !roles.some((r) => r === 'provider_signer' || r === 'provider_reporter');
  const done = async (text: string) => {
    await refresh();
    announce(text);
  };
  return (
    <Section id="signing" title={t('signing.section.title')}>
      <Paragraph className="regie-hint">{t('signing.level')}</Paragraph>
      <div role="status" aria-live="polite" className="regie-status">
        {status.isPending ? t('signing.loading') : null}
      </div>
      <ListState query={status} isEmpty={false} error={t('signing.error')} empty="" retry={t('app.retry')} />
      {outcome}
      {s ? (
        <>
          <Heading3>{t('signing.section.document')}</Heading3>
          {s.document ? (
            <DataList>
              <DataListItem>
                <DataListKey>{t('signing.section.file')}</DataListKey>
                <DataListValue>{s.document.fileName}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('signing.section.source')}</DataListKey>
                <DataListValue>
                  {s.document.source === 'generated'
                    ? t('signing.section.generated')
                    : t('signing.section.uploaded')}
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('signing.section.size')}</DataListKey>
                <DataListValue>
                  {t('signing.section.sizeValue', { size: formatNumber(s.document.size, locale) })}
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('signing.section.placed')}</DataListKey>
                <DataListValue>
                  {t('signing.section.placedValue', {
                    at: formatDateTime(s.document.createdAt, locale),
                    by: s.document.createdByName ?? s.document.createdBy,
                  })}
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('signing.section.hash')}</DataListKey>
                <DataListValue>
                  <code className="regie-hash" data-testid="document-hash">
                    {s.document.sha256}
                  </code>
                </DataListValue>
              </DataListItem>
            </DataList>
          ) : (
            <Paragraph>
              {municipal ? t('signing.section.noDocument') : t('signing.section.noDocumentProvider')}
            </Paragraph>
          )}
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
