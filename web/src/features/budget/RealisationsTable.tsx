import {
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
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { realisationStatus } from '../../lib/budget/model';
import { focusSoon } from '../../lib/form';
import { type AppLocale, formatDateTime, formatMoney, formatMonth, formatNumber } from '../../lib/format';
import { useOutcome } from '../../lib/outcome';
import { CorrectionForm } from './CorrectionForm';
import type { LineChoice, MemberChoice } from './RealisationForm';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
const numericHeader = 'utrecht-table__header-cell--numeric-column';

export interface RealisationRow {
  id: string;
  version: number;
  period: string;
  amountCents: number;
  volume?: number;
  productLineId?: string;
  note?: string;
  recordedAt: string;
  recordedBy: string;
  recordedByName?: string;
  correctionReason?: string;
  correctedAt?: string;
  reversedAt?: string;
  /** The provider party it belongs to (the municipality's list of an agreement with provider entries). */
  partyName?: string;
  /** On a region's agreement: the member municipality the entry belongs to (its space). */
  member?: string;
}

/**
 * The realisations of an agreement, newest month first, each with its status (valid, corrected, reversed). Who
 * may correct gets a "Corrigeren" button per entry that still counts; the correction form opens below the
 * table and, when done, the outcome is announced and focus returns to the table.
 */
export function RealisationsTable({
  agreementId,
  entries,
  lines,
  members = [],
  locale,
  correctable,
  caption,
  emptyText,
  testId,
}: {
  agreementId: string;
  entries: readonly RealisationRow[];
  lines: readonly LineChoice[];
  /** On a region's agreement: its members (the entry's member column and the correction's choice). */
  members?: readonly MemberChoice[];
  locale: AppLocale;
  correctable: boolean;
  caption: string;
  emptyText: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const none = t('budget.none');
  const codes = new Map(lines.map((l) => [l.id, l.productCode]));
  const [editing, setEditing] = useState<string | null>(null);
  const { announce, outcome } = useOutcome(`${testId}-outcome`);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const entry = entries.find((r) => r.id === editing);
  const showParty = entries.some((r) => r.partyName);
  const showMember = members.length > 0 || entries.some((r) => r.member);
  const memberName = (space: string) => members.find((m) => m.space === space)?.name ?? space;

  function open(id: string) {
    setEditing(id);
    focusSoon(() => document.getElementById('correction-heading'));
  }
  function done(text: string | null) {
    const id = editing;
    setEditing(null);
    if (text) announce(text);
    else if (id) focusSoon(() => buttons.current.get(id));
  }

  if (entries.length === 0)
    return (
      <>
        {outcome}
        <Paragraph className="regie-empty">{emptyText}</Paragraph>
      </>
    );
  return (
    <>
      {outcome}
      <div className="regie-table-scroll">
        <Table className="regie-table" data-testid={testId}>
          <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('budget.month')}</TableHeaderCell>
              <TableHeaderCell scope="col" className={numericHeader}>
                {t('budget.amount')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={numericHeader}>
                {t('budget.volume')}
              </TableHeaderCell>
              {showParty ? <TableHeaderCell scope="col">{t('parties.column')}</TableHeaderCell> : null}
              {showMember ? <TableHeaderCell scope="col">{t('budget.member')}</TableHeaderCell> : null}
              <TableHeaderCell scope="col">{t('budget.line')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('budget.note')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('budget.recorded')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('bounds.correction.status')}</TableHeaderCell>
              {correctable ? (
                <TableHeaderCell scope="col">
                  <span className="regie-visually-hidden">{t('bounds.correction.action')}</span>
                </TableHeaderCell>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((r) => {
              const status = realisationStatus(r);
              const reason = r.correctionReason ?? '';
              return (
                <TableRow key={r.id} data-testid={`realisation-${r.id}`}>
                  <TableHeaderCell scope="row" className="regie-nowrap">
                    {formatMonth(r.period, locale)}
                  </TableHeaderCell>
                  <TableCell className={numeric}>
                    {status === 'reversed' ? (
                      <del>{formatMoney(r.amountCents, locale)}</del>
                    ) : (
                      formatMoney(r.amountCents, locale)
                    )}
                  </TableCell>
                  <TableCell className={numeric}>
                    {r.volume === undefined ? none : formatNumber(r.volume, locale)}
                  </TableCell>
                  {showParty ? <TableCell>{r.partyName ?? none}</TableCell> : null}
                  {showMember ? <TableCell>{r.member ? memberName(r.member) : none}</TableCell> : null}
                  <TableCell>
                    {r.productLineId ? (codes.get(r.productLineId) ?? r.productLineId) : none}
                  </TableCell>
                  <TableCell>{r.note ?? none}</TableCell>
                  <TableCell>
                    {t('budget.recordedValue', {
                      at: formatDateTime(r.recordedAt, locale),
                      by: r.recordedByName ?? r.recordedBy,
                    })}
                  </TableCell>
                  <TableCell>
                    {status === 'reversed'
                      ? t('bounds.correction.statusReversed', { reason })
                      : status === 'corrected'
                        ? t('bounds.correction.statusCorrected', { reason })
                        : t('bounds.correction.statusValid')}
                  </TableCell>
                  {correctable ? (
                    <TableCell>
                      {status === 'reversed' ? null : (
                        <Button
                          appearance="subtle-button"
                          ref={(node: HTMLButtonElement | null) => {
                            if (node) buttons.current.set(r.id, node);
                            else buttons.current.delete(r.id);
                          }}
                          aria-label={t('bounds.correction.actionLabel', {
                            month: formatMonth(r.period, locale),
                            amount: formatMoney(r.amountCents, locale),
                          })}
                          aria-expanded={editing === r.id}
                          onClick={() => open(r.id)}
                        >
                          {t('bounds.correction.action')}
                        </Button>
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {entry ? (
        <CorrectionForm
          key={`${entry.id}/${entry.version}`}
          agreementId={agreementId}
          entry={entry}
          lines={lines}
          members={members}
          onDone={done}
        />
      ) : null}
    </>
  );
}
