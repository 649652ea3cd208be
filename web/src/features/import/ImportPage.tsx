import { IMPORT_MAX_ROWS, importTemplateCsv, isReason } from '@regie/core/browser';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { reasonText } from '../../i18n/reasons';
import { canWrite, isProviderUser, ORGANISATION_ROLES } from '../../lib/agreements/model';
import { ErrorSummary, Field, focusSoon } from '../../lib/form';
import { formatNumber, localeFor } from '../../lib/format';
import { useReasonFormat } from '../../lib/mutation-error';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { ImportProgress } from './ImportProgress';
import { ImportReportView } from './ImportReportView';
import { MappingFields, mappingInputId } from './MappingFields';
import { importSummary } from './model';
import { UnknownParties } from './UnknownParties';
import { useImport } from './use-import';

const ACCEPT = '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves the template (`;` CSV with a byte-order mark) under a Dutch name. */
function downloadTemplate() {
  const url = URL.createObjectURL(new Blob([importTemplateCsv()], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'regie-importsjabloon.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `/register/import`: Contractregister → Importeren (issue 13 point 3). */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('registerImport.title'));
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const home = me.data?.space ?? '';
  const flow = useImport(home);
  const format = useReasonFormat();
  const locale = localeFor(i18n.language);
  const n = (value: number) => formatNumber(value, locale);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [registered, setRegistered] = useState('');

  if (me.data && (isProviderUser(me.data) || !canWrite(me.data))) {
    return (
      <div>
        <PageHeading>{t('registerImport.title')}</PageHeading>
        <Paragraph>{t('registerImport.notForYou')}</Paragraph>
      </div>
    );
  }

  const say = (problem: { reason: string; params: Record<string, string | number | null> }) =>
    isReason(problem.reason) ? reasonText(problem.reason, problem.params, format) : problem.reason;
  const busy = flow.phase !== 'idle';
  const canRegister = me.data?.roles.some((role) => ORGANISATION_ROLES.includes(role)) ?? false;

  async function check() {
    setRegistered('');
    const ran = await flow.check();
    if (!ran) focusSoon(() => summaryRef.current);
    else focusSoon(() => document.getElementById('import-report'));
  }

  const { report, progress, results, stopped } = flow;
  const summary = report && results ? importSummary(report, results) : null;

  return (
    <div className="regie-import">
      <PageHeading>{t('registerImport.title')}</PageHeading>
      <Paragraph>{t('registerImport.intro')}</Paragraph>
      <Paragraph>{t('registerImport.resume')}</Paragraph>

      <Section id="import-file" title={t('registerImport.fileTitle')}>
        <Paragraph>{t('registerImport.templateHint')}</Paragraph>
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={downloadTemplate}>
            {t('registerImport.template')}
          </Button>
        </ButtonGroup>
        <Field
          id="import-file-input"
          label={t('registerImport.file')}
          hint={t('registerImport.fileHint', { max: n(IMPORT_MAX_ROWS) })}
          error={flow.fileProblem ? say(flow.fileProblem) : undefined}
        >
          {({ invalid, ...props }) => (
            <input
              {...props}
              type="file"
              accept={ACCEPT}
              aria-invalid={invalid || undefined}
              className="utrecht-textbox regie-import-file"
              disabled={busy}
              onChange={(event) => void flow.chooseFile(event.target.files?.[0])}
            />
          )}
        </Field>
        <StatusLine testId="import-file-status">
          {flow.phase === 'reading'
            ? t('registerImport.reading')
            : flow.file
              ? t('registerImport.read', { name: flow.file.name, count: flow.file.table.rows.length })
              : null}
        </StatusLine>
      </Section>

      {flow.file ? (
        <Section id="import-mapping" title={t('registerImport.mappingTitle')}>
          <ErrorSummary
            title={t('agreementForm.summaryTitle')}
            general={[]}
            fields={flow.mappingErrors.map((problem) => ({
              id: mappingInputId(problem.field as 'reference'),
              text: say(problem),
            }))}
            summaryRef={summaryRef}
          />
          <MappingFields
            headers={flow.file.table.headers}
            mapping={flow.mapping}
            errors={Object.fromEntries(flow.mappingErrors.map((p) => [p.field, say(p)]))}
            onChange={flow.setMapping}
          />
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              busy={flow.phase === 'checking'}
              disabled={busy}
              onClick={() => void check()}
            >
              {t('registerImport.check')}
            </Button>
          </ButtonGroup>
          {flow.phase === 'checking' && progress ? (
            <ImportProgress
              id="import-check-progress"
              label={t('registerImport.check')}
              done={progress.done}
              total={progress.total}
              text={(done, total) => t('registerImport.checking', { done, total })}
            />
          ) : null}
        </Section>
      ) : null}

      {stopped ? (
        <Alert type="error">
          <Paragraph>
            {t('registerImport.interrupted', { done: n(stopped.done), total: n(stopped.total) })}
          </Paragraph>
          <Button appearance="secondary-action-button" disabled={busy} onClick={flow.retry}>
            {t('registerImport.retry')}
          </Button>
        </Alert>
      ) : null}

      {report ? (
        <Section id="import-report" title={t('registerImport.reportTitle')}>
          <ImportReportView report={report} />
          {report.unknownParties.length > 0 ? (
            <>
              <h3 className="utrecht-heading-3">{t('registerImport.partiesTitle')}</h3>
              <UnknownParties
                parties={report.unknownParties}
                home={home}
                canRegister={canRegister}
                onRegistered={(count) => {
                  void flow.recheck().then(() => setRegistered(t('registerImport.registered', { count })));
                }}
              />
            </>
          ) : null}
          <StatusLine>{registered}</StatusLine>
        </Section>
      ) : null}

      {report ? (
        <Section id="import-run" title={t('registerImport.importTitle')}>
          {report.toImport.length === 0 && !results ? (
            <Paragraph data-testid="import-nothing">{t('registerImport.nothingToImport')}</Paragraph>
          ) : (
            <ButtonGroup>
              <Button
                appearance="primary-action-button"
                busy={flow.phase === 'importing'}
                disabled={busy || results !== null}
                onClick={() => void flow.importRows()}
              >
                {t('registerImport.importButton')}
              </Button>
            </ButtonGroup>
          )}
          {progress && (flow.phase === 'importing' || results || stopped?.step === 'import') ? (
            <ImportProgress
              id="import-progress"
              label={t('registerImport.progressLabel')}
              done={progress.done}
              total={progress.total}
              text={(done, total) => t('registerImport.progress', { done, total })}
            />
          ) : null}
          {summary ? (
            <Alert type="ok">
              <Paragraph data-testid="import-summary">
                {t('registerImport.summary', {
                  created: n(summary.created),
                  exists: n(summary.exists),
                  invalid: n(summary.invalid),
                })}
              </Paragraph>
              <Link href="/register" asChild>
                <ButtonLink appearance="secondary-action-button">{t('registerImport.toRegister')}</ButtonLink>
              </Link>
            </Alert>
          ) : null}
        </Section>
      ) : null}
    </div>
  );
}
