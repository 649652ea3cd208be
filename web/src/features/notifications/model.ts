import type { AppRouter } from '@regie/api';
import { isNotificationOverdue } from '@regie/core/browser';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { readDecimal } from '../../lib/format';

type Api = TRPCOptionsProxy<AppRouter>;
export type NotificationEntry = inferOutput<Api['notification']['list']>['items'][number];
export type FiledNotification = Extract<NotificationEntry, { source: 'provider' }>;

/** Who files (a provider's reporter or signer) and who responds (the owner's contract manager or purchaser). */
export const canFile = (me: { roles: readonly string[] } | undefined) =>
  !!me?.roles.some((r) => r === 'provider_reporter' || r === 'provider_signer');
export const canRespond = (me: { roles: readonly string[] } | undefined) =>
  !!me?.roles.some((r) => r === 'contractmanager' || r === 'inkoper');

/** Overdue on the server's day (the list says which day it is, so the browser's clock does not decide). */
export const overdue = (n: NotificationEntry, today: string) =>
  n.source === 'provider' && isNotificationOverdue(n, today);

export interface FigureRow {
  label: string;
  value: string;
  unit: string;
}

export type FigureError = { row: number; field: 'label' | 'value' };

/**
 * The figures as the API takes them: empty rows dropped, a decimal comma read; a half-filled row is an error per
 * field (the schema's bounds are the server's to name).
 */
export function readFigures(rows: readonly FigureRow[]): {
  figures: { label: string; value: number; unit?: string }[];
  errors: FigureError[];
} {
  const figures: { label: string; value: number; unit?: string }[] = [];
  const errors: FigureError[] = [];
  rows.forEach((row, index) => {
    const label = row.label.trim();
    const unit = row.unit.trim();
    const value = readDecimal(row.value);
    if (label === '' && value === undefined && unit === '') return;
    if (label === '') errors.push({ row: index, field: 'label' });
    if (typeof value !== 'number') errors.push({ row: index, field: 'value' });
    else if (label !== '') figures.push({ label, value, ...(unit ? { unit } : {}) });
  });
  return { figures, errors };
}
