import '../../i18n/services-load';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { actionLabel } from '../../lib/agreements/labels';
import type { VerifyResult } from '../../lib/agreements/model';
import { type AppLocale, formatDateTime, localeFor } from '../../lib/format';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { LoadStatus } from '../../ui/LoadStatus';
import { Section } from '../../ui/Section';
import { TableCell, TableFrame, TableHeaderCell, TableRow } from '../../ui/TableFrame';
import { ChangedFields } from './AuditChanges';

/** Short enough to scan, long enough to tell links apart; the full hash is one click (or hover) away. */
const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;

/** The API's reasons for a broken chain (packages/core/src/audit.ts), in the page's language. */
const REASONS: Record<
  string,
  | 'missing'
  | 'prevHash'
  | 'altered'
  | 'short'
  | 'anchorCut'
  | 'anchorRewritten'
  | 'anchorSignature'
  | 'stateDiffers'
> = {
  'missing event': 'missing',
  'previous hash does not match': 'prevHash',
  'event content was altered': 'altered',
  'chain is shorter than its head': 'short',
  'anchor shows the chain was cut': 'anchorCut',
  'anchor shows the chain was rewritten': 'anchorRewritten',
  'anchor signature is not valid': 'anchorSignature',
  'stored agreement differs from its chain': 'stateDiffers',
};

/** What the latest signed anchor and the stored state say (issue 17 point 2), as sentences. */
function anchorLines(t: TFunction, locale: AppLocale, result: VerifyResult): string[] {
  const lines: string[] = [];
  const anchor = result.anchor;
  if (anchor) {
    if (anchor.status === 'notAnchored') lines.push(t('audit.anchor.notAnchored'));
    else {
      const date = formatDateTime(anchor.at, locale);
      if (anchor.status === 'anchored') {
        lines.push(
          anchor.after === 0
            ? t('audit.anchor.current', { seq: anchor.seq, date })
            : t('audit.anchor.anchored', { seq: anchor.seq, date, count: anchor.after }),
        );
      } else lines.push(t(`audit.anchor.${anchor.status}`, { seq: anchor.seq, date }));
    }
  }
  if (result.state) lines.push(t(`audit.state.${result.state.status}`));
  return lines;
}

function reasonText(t: TFunction, reason: string | undefined): string | null {
  if (!reason) return null;
  const key = REASONS[reason];
  return key ? t(`audit.reasons.${key}`) : reason;
}

/**
 * The audit trail (SPEC §6): every event with its actor, action, changed fields and hash, and a button that has
 * the server recompute the chain and name the first broken link.
 */
/** `exportButton`: the audit trail's download, handed in by the page (exports is a feature of its own). */
export function AuditSection({ id, exportButton }: { id: string; exportButton?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const history = useQuery(trpc.agreement.history.queryOptions({ id }));
  const verify = useMutation({ mutationFn: () => client.agreement.verifyAudit.query({ id }) });
  const events = history.data ?? [];
  const result = verify.data;

  return (
    <Section id="audit" title={t('agreementDetail.sections.audit')}>
      <Paragraph className="regie-hint">{t('audit.intro')}</Paragraph>
      <LoadStatus query={history} loading={t('audit.loading')} error={t('audit.error')} />
      {events.length > 0 ? (
        <TableFrame
          caption={t('audit.caption')}
          testId="audit-table"
          head={
            <>
              <TableHeaderCell scope="col">
                <abbr title={t('audit.seqLong')}>{t('audit.seq')}</abbr>
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('audit.at')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('audit.actor')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('audit.action')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('audit.changed')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('audit.hash')}</TableHeaderCell>
            </>
          }
        >
          {events.map((event) => (
            <TableRow key={event.seq}>
              <TableCell className="utrecht-table__cell--numeric-data">{event.seq}</TableCell>
              <TableCell className="regie-nowrap">
                <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
              </TableCell>
              <TableCell>{event.actorName ?? event.actor}</TableCell>
              <TableCell>{actionLabel(t, event.action)}</TableCell>
              <TableCell>
                <ChangedFields event={event} />
              </TableCell>
              <TableCell>
                <details className="regie-hash">
                  <summary>
                    <code title={event.hash}>{shortHash(event.hash)}</code>
                    <span className="regie-visually-hidden"> {t('audit.showHash')}</span>
                  </summary>
                  <dl className="regie-hash__full">
                    <dt>{t('audit.fullHash')}</dt>
                    <dd>
                      <code>{event.hash}</code>
                    </dd>
                    <dt>{t('audit.prevHash')}</dt>
                    <dd>
                      <code>{event.prevHash}</code>
                    </dd>
                  </dl>
                </details>
              </TableCell>
            </TableRow>
          ))}
        </TableFrame>
      ) : null}

      <Button
        appearance="secondary-action-button"
        busy={verify.isPending}
        disabled={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {t('audit.verify')}
      </Button>
      {exportButton}
      <div aria-live="polite" className="regie-outcome" data-testid="verify-result">
        {verify.isPending ? <Paragraph>{t('audit.verifying')}</Paragraph> : null}
        {verify.isError ? <Alert type="error">{t('audit.verifyFailed')}</Alert> : null}
        {result && !verify.isPending ? (
          result.valid ? (
            <Alert type="ok">
              <Paragraph>
                <strong>{t('audit.intact', { count: result.events })}</strong>
              </Paragraph>
              {anchorLines(t, locale, result).map((line) => (
                <Paragraph key={line}>{line}</Paragraph>
              ))}
            </Alert>
          ) : (
            <Alert type="error">
              <Paragraph>
                <strong>{t('audit.broken', { seq: result.brokenAt ?? result.events })}</strong>
              </Paragraph>
              {reasonText(t, result.reason) ? <Paragraph>{reasonText(t, result.reason)}</Paragraph> : null}
              {anchorLines(t, locale, result).map((line) => (
                <Paragraph key={line}>{line}</Paragraph>
              ))}
            </Alert>
          )
        ) : null}
      </div>
    </Section>
  );
}
