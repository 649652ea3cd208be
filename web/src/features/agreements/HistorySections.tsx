import '../../i18n/services-load';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type DiffRow, diffTerms } from '../../lib/agreements/diff';
import { actionLabel, lineFieldLabel, termFieldLabel } from '../../lib/agreements/labels';
import type { AuditEvent, TermsVersion, VerifyResult } from '../../lib/agreements/model';
import { type AppLocale, formatDateTime, formatNumber, localeFor } from '../../lib/format';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { lineValueText, termValueText } from './present';

function Loading({
  pending,
  failed,
  what,
}: {
  pending: boolean;
  failed: boolean;
  what: 'versions' | 'audit';
}) {
  const { t } = useTranslation();
  return (
    <>
      <StatusLine>{pending ? t(`${what}.loading`) : null}</StatusLine>
      {failed ? <Alert type="error">{t(`${what}.error`)}</Alert> : null}
    </>
  );
}

function diffCells(t: TFunction, locale: AppLocale, row: DiffRow): [string, string, string] {
  switch (row.kind) {
    case 'field':
      return [
        termFieldLabel(t, row.field),
        termValueText(t, locale, row.field, row.before),
        termValueText(t, locale, row.field, row.after),
      ];
    case 'line':
      return [
        t('versions.lineField', { code: row.code, field: lineFieldLabel(t, row.field) }),
        lineValueText(t, locale, row.field, row.before),
        lineValueText(t, locale, row.field, row.after),
      ];
    case 'lineAdded':
      return [
        t('versions.lineAdded', { code: row.code }),
        t('agreementDetail.none'),
        termValueText(t, locale, 'productLines', [row.line]),
      ];
    case 'lineRemoved':
      return [
        t('versions.lineRemoved', { code: row.code }),
        termValueText(t, locale, 'productLines', [row.line]),
        t('agreementDetail.none'),
      ];
  }
}

function VersionDiff({ version, previous }: { version: TermsVersion; previous: TermsVersion | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  if (!previous) return <Paragraph>{t('versions.first')}</Paragraph>;
  const rows = diffTerms(previous.terms, version.terms);
  if (rows.length === 0) return <Paragraph>{t('versions.noChanges')}</Paragraph>;
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" data-testid={`diff-${version.version}`}>
        <TableCaption className="regie-table__caption">
          {t('versions.caption', { version: version.version, previous: previous.version })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('versions.field')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('versions.old')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('versions.new')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const [field, before, after] = diffCells(t, locale, row);
            return (
              <TableRow key={field}>
                <TableHeaderCell scope="row">{field}</TableHeaderCell>
                <TableCell>
                  <del className="regie-diff__old">{before}</del>
                </TableCell>
                <TableCell>
                  <ins className="regie-diff__new">{after}</ins>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * Every version of the terms, newest first, each with what it changed against the one before (SPEC §3:
 * amendments keep earlier versions readable and diffable). The newest is open; the others open on request.
 */
export function VersionsSection({ id, version }: { id: string; version: number }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const versions = useQuery(trpc.agreement.versions.queryOptions({ id }));
  const list = [...(versions.data ?? [])].sort((a, b) => a.version - b.version);
  const newest = list.at(-1)?.version;
  return (
    <Section id="versions" title={t('agreementDetail.sections.versions')}>
      <Loading pending={versions.isPending} failed={versions.isError} what="versions" />
      {list.length > 0 ? (
        <>
          <Paragraph className="regie-hint">
            {t('versions.intro', { count: list.length, version: formatNumber(version, locale) })}
          </Paragraph>
          <ol className="regie-versions" reversed>
            {list
              .map((v, i) => ({ v, previous: list[i - 1] }))
              .reverse()
              .map(({ v, previous }) => (
                <li key={v.version} className="regie-versions__item" data-testid={`version-${v.version}`}>
                  <details open={v.version === newest}>
                    <summary className="regie-versions__summary">
                      {t('versions.summary', {
                        version: v.version,
                        at: formatDateTime(v.at, locale),
                        by: v.byName ?? v.by,
                      })}
                    </summary>
                    <VersionDiff version={v} previous={previous} />
                  </details>
                </li>
              ))}
          </ol>
        </>
      ) : null}
    </Section>
  );
}

/** Short enough to scan, long enough to tell links apart; the full hash is one click (or hover) away. */
const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;

/** Fields whose old and new values are short enough to show in the trail itself. */
const SHOWN_VALUES = new Set([
  'status',
  'note',
  'title',
  'domain',
  'startDate',
  'endDate',
  'noticePeriodMonths',
  'valueCeilingCents',
  'renewal',
  'spentCents',
]);

/** The order changed fields are listed in: the move first, then its note, then the terms as the page shows them. */
const CHANGE_ORDER = [
  'status',
  'note',
  'title',
  'description',
  'domain',
  'startDate',
  'endDate',
  'noticePeriodMonths',
  'valueCeilingCents',
  'renewal',
  'parties',
  'productLines',
  'allocationKey',
  'parentId',
  'duties',
  'spentCents',
];
const rank = (field: string) => {
  const index = CHANGE_ORDER.indexOf(field);
  return index === -1 ? CHANGE_ORDER.length : index;
};

function ChangedFields({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  // The stored order of the changes is not meaningful (a map); a person reads them in a fixed order.
  const fields = Object.entries(event.changes).sort(
    ([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  if (event.action === 'create') return <>{t('audit.created', { count: fields.length })}</>;
  if (fields.length === 0) return <>{t('agreementDetail.none')}</>;
  return (
    <ul className="regie-changes">
      {fields.map(([field, { before, after }]) => (
        <li key={field}>
          <span className="regie-changes__field">{termFieldLabel(t, field)}</span>
          {SHOWN_VALUES.has(field) || field.startsWith('realisation.') ? (
            <>
              {': '}
              {field === 'note'
                ? termValueText(t, locale, field, after)
                : t('audit.fromTo', {
                    from: termValueText(t, locale, field, before),
                    to: termValueText(t, locale, field, after),
                  })}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

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
      <Loading pending={history.isPending} failed={history.isError} what="audit" />
      {events.length > 0 ? (
        <div className="regie-table-scroll">
          <Table className="regie-table" data-testid="audit-table">
            <TableCaption className="regie-visually-hidden">{t('audit.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">
                  <abbr title={t('audit.seqLong')}>{t('audit.seq')}</abbr>
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.at')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.actor')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.action')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.changed')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('audit.hash')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
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
            </TableBody>
          </Table>
        </div>
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
