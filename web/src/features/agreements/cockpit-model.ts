import type { Agreement, AgreementStatus } from '../../lib/agreements/model';
import { isRegionSpace } from '../../lib/agreements/model';

/**
 * The agreement cockpit's pure rules: which sections the page shows (and so the in-page navigation lists),
 * the next deadline among reports, notice date and end date, and the summaries of dues, escalations, volume
 * and trust scores. No I/O; the component feeds it what the queries answered.
 */

/** The sections of the agreement page in page order, by the `id` each `Section` carries. */
export const SECTION_IDS = [
  'terms',
  'parties',
  'lines',
  'services',
  'takeup',
  'usage',
  'call-offs',
  'allocation',
  'wgr',
  'duties',
  'deliveries',
  'signing',
  'subsidy',
  'budget',
  'realisations',
  'kpis',
  'incentives',
  'escalations',
  'notifications',
  'dialogue',
  'relation',
  'steering',
  'status',
  'versions',
  'audit',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

type SectionInput = Pick<Agreement, 'view' | 'kind' | 'valueCeilingCents'> & {
  /** The KPIs: result-linked payment belongs to them (a contract with none has no such section). */
  kpis?: readonly unknown[];
  space?: string;
  parentId?: string | null;
  /** A duty with a data specification gives the page its data deliveries (issue 15 point 3). */
  duties?: readonly { dataSpec?: readonly unknown[] }[];
};

/** The sections the page shows for this agreement and caller, in page order: one rule for page and navigation. */
export function sectionsOf(a: SectionInput, signing: boolean): SectionId[] {
  const internal = a.view === 'internal';
  const shown: Record<SectionId, boolean> = {
    terms: true,
    parties: true,
    lines: true,
    // A service agreement's catalogue (SPEC §3.4): both sides see the same services and levels.
    services: a.kind === 'service_agreement',
    'call-offs': internal && a.kind === 'contract' && !a.parentId,
    allocation: internal && a.space !== undefined && isRegionSpace(a.space),
    // Take-up per member: a region's service agreement, read by the region and its members.
    takeup: internal && a.kind === 'service_agreement' && a.space !== undefined && isRegionSpace(a.space),
    // Usage and settlement per member (issue 16 point 4): the same agreements as take-up.
    usage: internal && a.kind === 'service_agreement' && a.space !== undefined && isRegionSpace(a.space),
    wgr: internal && a.kind === 'joint_arrangement',
    duties: true,
    deliveries: (a.duties ?? []).some((d) => (d.dataSpec?.length ?? 0) > 0),
    signing,
    subsidy: a.kind === 'subsidy' && (internal || a.view === 'party'),
    budget: internal && a.valueCeilingCents !== null,
    realisations: a.view === 'party',
    kpis: true,
    incentives: a.kind === 'contract' && (a.kpis?.length ?? 0) > 0,
    escalations: true,
    notifications: true,
    dialogue: true,
    // A provider's own view of the relation and its confirmation (issue 14 point 2); the owner sees it under steering.
    relation: a.view === 'party',
    steering: internal,
    status: internal,
    versions: internal,
    audit: internal,
  };
  return SECTION_IDS.filter((id) => shown[id]);
}

/** `YYYY-MM-DD` minus whole months; a day past the target month's end becomes its last day (31 Aug − 6 → 28/29 Feb). */
export function minusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12; // 0-based
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day notice can be given: the end date minus the notice period; null without one. */
export function noticeDate(endDate: string, noticePeriodMonths: number | null): string | null {
  if (noticePeriodMonths === null || noticePeriodMonths <= 0) return null;
  return minusMonths(endDate, noticePeriodMonths);
}

/** Statuses after which the term dates (notice, end) ask nothing of anyone any more. */
const ENDED: readonly AgreementStatus[] = ['terminated', 'expired', 'settled', 'refused', 'withdrawn'];

export function hasEnded(status: AgreementStatus): boolean {
  return ENDED.includes(status);
}

/** An expected report as `report.due` answers it (either side). */
export interface DueLike {
  dutyId: string;
  dutyTitle: string;
  period: string;
  dueDate: string;
  overdue: boolean;
  partyName?: string | undefined;
}

export type Deadline =
  | { kind: 'report'; date: string; overdue: boolean; due: DueLike }
  | { kind: 'notice' | 'end'; date: string; overdue: false };

/**
 * The next deadline: an overdue report first (the oldest), else the soonest of the reports still to come, the
 * notice date and the end date — term dates only while the agreement has not ended and the date is not past.
 */
export function nextDeadline(input: {
  dues: readonly DueLike[];
  endDate: string;
  noticeDate: string | null;
  today: string;
  ended: boolean;
}): Deadline | null {
  const byDate = <T extends { date: string }>(x: T, y: T) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0);
  const reports: Deadline[] = input.dues.map((due) => ({
    kind: 'report',
    date: due.dueDate,
    overdue: due.overdue,
    due,
  }));
  const late = reports.filter((r) => r.overdue).sort(byDate);
  if (late[0]) return late[0];
  const candidates: Deadline[] = reports.filter((r) => r.date >= input.today);
  if (!input.ended) {
    if (input.noticeDate && input.noticeDate >= input.today)
      candidates.push({ kind: 'notice', date: input.noticeDate, overdue: false });
    if (input.endDate >= input.today) candidates.push({ kind: 'end', date: input.endDate, overdue: false });
  }
  // On the same day a report comes before the term dates: it is the one that needs doing.
  return candidates.sort(byDate)[0] ?? null;
}

/** Open duties: how many reports are expected and how many of them are late. */
export function dueCounts(dues: readonly Pick<DueLike, 'overdue'>[]): { open: number; overdue: number } {
  return { open: dues.length, overdue: dues.filter((d) => d.overdue).length };
}

export interface EscalationLike {
  id: string;
  subject: string;
  status: 'open' | 'resolved';
  deadline: string | null;
  level: number;
  ladder: { level: string }[];
}

/** The open escalations, the one whose deadline comes first on top, with how many are past their deadline. */
export function openEscalations<T extends EscalationLike>(
  list: readonly T[],
  today: string,
): { open: T[]; overdue: number } {
  const open = list
    .filter((e) => e.status === 'open')
    .sort((x, y) => (x.deadline ?? '9999').localeCompare(y.deadline ?? '9999'));
  return { open, overdue: open.filter((e) => e.deadline !== null && e.deadline < today).length };
}

export interface MeetingLike {
  date: string;
  scores: { municipality?: number | undefined; provider?: number | undefined };
  partyScores?: { partyName: string; score: number }[] | undefined;
}

export interface LatestScores {
  date: string;
  municipality?: number;
  /** The caller's own party's score (a provider's view). */
  provider?: number;
  parties: { partyName: string; score: number }[];
}

/** The trust scores of the most recent meeting that has any score; null when no meeting was scored. */
export function latestScores(meetings: readonly MeetingLike[]): LatestScores | null {
  const scored = meetings
    .filter(
      (m) =>
        m.scores.municipality !== undefined ||
        m.scores.provider !== undefined ||
        (m.partyScores?.length ?? 0) > 0,
    )
    .sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
  const m = scored[0];
  if (!m) return null;
  return {
    date: m.date,
    ...(m.scores.municipality !== undefined ? { municipality: m.scores.municipality } : {}),
    ...(m.scores.provider !== undefined ? { provider: m.scores.provider } : {}),
    parties: (m.partyScores ?? []).map(({ partyName, score }) => ({ partyName, score })),
  };
}

export interface VolumeUse {
  productCode: string;
  volume: number;
  volumeCeiling: number;
  usedBasisPoints: number;
}

/** The product line closest to (or furthest over) its volume ceiling; null when no line has one. */
export function highestVolumeUse(
  lines: readonly { productCode: string; volume: number; volumeCeiling: number | null }[],
): VolumeUse | null {
  let best: VolumeUse | null = null;
  for (const line of lines) {
    if (!line.volumeCeiling || line.volumeCeiling <= 0) continue;
    const usedBasisPoints = Math.floor((line.volume * 10_000) / line.volumeCeiling);
    if (!best || usedBasisPoints > best.usedBasisPoints)
      best = {
        productCode: line.productCode,
        volume: line.volume,
        volumeCeiling: line.volumeCeiling,
        usedBasisPoints,
      };
  }
  return best;
}
