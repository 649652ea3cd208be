import * as z from 'zod/mini';
import { addWorkingDays } from './calendar.ts';
import { DomainError } from './errors.ts';
import { EVENT_DUTIES } from './relation.ts';
import type { Role } from './roles.ts';
import { idSchema, text } from './schema.ts';

/**
 * Event notifications (meldingen, SPEC §4.3, issue 14 point 3). A provider party files one under an event duty of
 * its agreement (a calamity, a waiting time over the norm, …); the municipality must acknowledge and answer within
 * the duty's response time in working days (Algemene termijnenwet, calendar.ts). Pure: the clock and the states.
 *
 * States: open → acknowledged → answered; or, from open or acknowledged, escalated (turned into an escalation,
 * whose ladder then carries the clock). Answered and escalated are closed: no further step.
 */
export const NOTIFICATION_EVENTS = EVENT_DUTIES;
export type NotificationEvent = (typeof EVENT_DUTIES)[number];
export const NOTIFICATION_STATES = ['open', 'acknowledged', 'answered', 'escalated'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

/** Who must respond: the owning space's steering roles (also who hears of the clock in the inbox). */
export const NOTIFICATION_ROLES: Role[] = ['contractmanager', 'inkoper'];

/** Bounds of a figure's value: large enough for euros in cents or counts, finite, never NaN. */
export const FIGURE_MAX = 1_000_000_000_000;

export const notificationFigureSchema = z.strictObject({
  label: text(80, 1),
  value: z.number().check(z.gte(-FIGURE_MAX), z.lte(FIGURE_MAX)),
  unit: z.optional(text(20)),
});
export type NotificationFigure = z.infer<typeof notificationFigureSchema>;

export const notificationFileSchema = z.strictObject({
  agreementId: idSchema(),
  dutyId: idSchema(),
  description: text(4000, 1),
  figures: z.optional(z.array(notificationFigureSchema).check(z.maxLength(10))),
});
export type NotificationFileInput = z.infer<typeof notificationFileSchema>;

export const notificationRespondSchema = z.strictObject({
  agreementId: idSchema(),
  notificationId: idSchema(),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000)),
  kind: z.enum(['acknowledge', 'answer']),
  text: text(4000, 1),
});
export type NotificationRespondInput = z.infer<typeof notificationRespondSchema>;

export const notificationEscalateSchema = z.strictObject({
  agreementId: idSchema(),
  notificationId: idSchema(),
  expectedVersion: z.int().check(z.gte(1), z.lte(1_000_000)),
});

export interface NotificationStep {
  action: 'filed' | 'acknowledged' | 'answered' | 'escalated';
  at: string;
  by: string;
  byName?: string;
  text: string;
}

export interface Notification {
  id: string;
  /** A notification the provider filed (a budget signal shown to the provider is `source: 'signal'`). */
  source: 'provider';
  agreementId: string;
  dutyId: string;
  dutyTitle: string;
  event: NotificationEvent;
  responseDays: number;
  description: string;
  figures: NotificationFigure[];
  /** The provider party that filed it (and alone, with the owner, sees it), and its name. */
  party: string;
  partyName: string;
  filedAt: string;
  /** The last day the municipality may answer (working days after filing, Atw). */
  deadline: string;
  state: NotificationState;
  steps: NotificationStep[];
  /** The escalation it was turned into. */
  escalationId?: string;
  version: number;
}

/**
 * The last day to answer a notification filed at `filedAt`: `responseDays` working days after the filing day
 * (the UTC date of the timestamp, as every date in Regie). Filed on a Saturday, Sunday or feestdag, the count
 * starts from the next working day, as if it arrived then — `addWorkingDays` does exactly that.
 */
export function notificationDeadline(filedAt: string, responseDays: number): string {
  return addWorkingDays(filedAt.slice(0, 10), responseDays);
}

/** Whether the clock still runs: filed and neither answered nor escalated. */
export function isPending(n: Pick<Notification, 'state'>): boolean {
  return n.state === 'open' || n.state === 'acknowledged';
}

/** Overdue: still pending on a day after its deadline (on the deadline day itself it is still in time). */
export function isOverdue(n: Pick<Notification, 'state' | 'deadline'>, today: string): boolean {
  return isPending(n) && n.deadline < today;
}

export interface NotificationActor {
  actor: string;
  actorName?: string;
  at: string;
}

const step = (action: NotificationStep['action'], text: string, by: NotificationActor): NotificationStep => ({
  action,
  at: by.at,
  by: by.actor,
  ...(by.actorName ? { byName: by.actorName } : {}),
  text,
});

export function fileNotification(
  input: {
    id: string;
    agreementId: string;
    duty: { id: string; title: string; event: NotificationEvent; responseDays: number };
    description: string;
    figures?: NotificationFigure[];
    party: string;
    partyName: string;
  },
  by: NotificationActor,
): Notification {
  return {
    id: input.id,
    source: 'provider',
    agreementId: input.agreementId,
    dutyId: input.duty.id,
    dutyTitle: input.duty.title,
    event: input.duty.event,
    responseDays: input.duty.responseDays,
    description: input.description,
    figures: input.figures ?? [],
    party: input.party,
    partyName: input.partyName,
    filedAt: by.at,
    deadline: notificationDeadline(by.at, input.duty.responseDays),
    state: 'open',
    steps: [step('filed', input.description, by)],
    version: 1,
  };
}

function assertPending(n: Notification): void {
  if (!isPending(n))
    throw new DomainError('BAD_REQUEST', 'notification.closed', {
      params: { state: n.state },
      field: 'notificationId',
      message: `This notification is ${n.state}; it takes no further step`,
    });
}

/**
 * The municipality's response. Acknowledging only an open notification (once); answering an open or acknowledged
 * one closes the clock. The deadline stays what it was: acknowledging does not stop the clock, answering does.
 */
export function respondNotification(
  n: Notification,
  kind: 'acknowledge' | 'answer',
  text: string,
  by: NotificationActor,
): Notification {
  assertPending(n);
  if (kind === 'acknowledge' && n.state !== 'open')
    throw new DomainError('BAD_REQUEST', 'notification.alreadyAcknowledged', {
      field: 'kind',
      message: 'This notification is already acknowledged; answer it',
    });
  return {
    ...n,
    state: kind === 'acknowledge' ? 'acknowledged' : 'answered',
    steps: [...n.steps, step(kind === 'acknowledge' ? 'acknowledged' : 'answered', text, by)],
    version: n.version + 1,
  };
}

/** Turned into an escalation: closed here, the escalation's ladder carries the clock from now on. */
export function escalateNotification(
  n: Notification,
  escalationId: string,
  by: NotificationActor,
): Notification {
  assertPending(n);
  return {
    ...n,
    state: 'escalated',
    escalationId,
    steps: [...n.steps, step('escalated', escalationId, by)],
    version: n.version + 1,
  };
}

/** The subject of the escalation a notification turns into: its duty and the start of its description. */
export function escalationSubjectOf(n: Pick<Notification, 'dutyTitle' | 'description'>): string {
  const first = n.description.split('\n')[0]!.trim();
  const subject = `${n.dutyTitle}: ${first}`;
  return subject.length <= 200 ? subject : `${subject.slice(0, 199)}…`;
}

/**
 * A budget signal of Regie itself, shown to the provider's party on an agreement with a `ceiling_80` duty: the
 * duty counts as met by it (`metBySignal`), so no notification is expected from the provider for that ceiling.
 */
export interface SignalNotification {
  id: string;
  source: 'signal';
  agreementId: string;
  dutyId: string;
  dutyTitle: string;
  event: 'ceiling_80';
  threshold: number;
  year?: number;
  filedAt: string;
  metBySignal: true;
}

export type NotificationEntry = Notification | SignalNotification;

/** The budget signal thresholds a `ceiling_80` duty is about: 80% and above (the 100% one too). */
export const CEILING_DUTY_THRESHOLD = 80;

/**
 * The signal entries for an agreement: every budget signal of the overall or a year's ceiling at 80% or more,
 * under the agreement's first `ceiling_80` duty; none without such a duty. Product-line ceilings are the
 * municipality's own finer steering and are not what the duty asks the provider to report.
 */
export function ceilingSignalEntries(
  agreementId: string,
  duties: readonly { id?: string; kind: string; title: string; event?: string }[],
  signals: readonly { key: string; threshold: number; at: string; year?: number; line?: unknown }[],
): SignalNotification[] {
  const duty = duties.find((d) => d.kind === 'event' && d.event === 'ceiling_80' && d.id);
  if (!duty) return [];
  return signals
    .filter((s) => !s.line && s.threshold >= CEILING_DUTY_THRESHOLD)
    .map((s) => ({
      id: `signal-${s.key}`,
      source: 'signal' as const,
      agreementId,
      dutyId: duty.id!,
      dutyTitle: duty.title,
      event: 'ceiling_80' as const,
      threshold: s.threshold,
      ...(s.year === undefined ? {} : { year: s.year }),
      filedAt: s.at,
      metBySignal: true as const,
    }))
    .sort((a, b) => (a.filedAt < b.filedAt ? 1 : -1));
}
