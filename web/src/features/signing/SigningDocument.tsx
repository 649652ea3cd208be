import { isReason } from '@regie/core/browser';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
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
} from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonText } from '../../i18n/reasons';
import { downloadFile as download, FilesError } from '../../lib/files';
import { focusSoon } from '../../lib/form';
import { formatDateTime, formatNumber, localeFor } from '../../lib/format';
import { useReasonFormat } from '../../lib/mutation-error';
import { generateDocument, type SigningStatus, uploadDocument, uploadProblem } from './model';

/** The document to sign: what it is (file, source, size, who placed it, its SHA-256), its downloads, and placing it. */

/** The document's facts, or that there is none yet. */
export function DocumentFacts({ s, municipal }: { s: SigningStatus; municipal: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  return (
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
    </>
  );
}

export function Downloads({ s, municipal }: { s: SigningStatus; municipal: boolean }) {
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

export /** Generate from the agreement, or upload a PDF; both through the files app, bounded before sending. */
function PlaceDocument({ s, onPlaced }: { s: SigningStatus; onPlaced: (text: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const fileRef = useRef<HTMLInputElement>(null);
  const format = useReasonFormat();
  const failed = (error: unknown) => {
    // A PDF the files app read and refused (encrypted, scripts, attachments, unreadable) says why.
    if (error instanceof FilesError && isReason(error.reason) && error.reason.startsWith('document.'))
      setFailure(reasonText(error.reason, {}, format));
    else if (error instanceof FilesError && error.status === 413) setFailure(t('signing.section.tooLarge'));
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
