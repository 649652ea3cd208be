import {
  ceilingSignalEntries,
  DomainError,
  escalateNotification,
  escalationSubjectOf,
  fileNotification,
  isOverdue,
  isPending,
  type Notification,
  type NotificationEntry,
  type NotificationFigure,
  newId,
  openEscalation,
  respondNotification,
} from '@regie/core';
import {
  type AgreementAccess,
  accessAgreement,
  actingParty,
  auditInCollection,
  ownPartyOnly,
  queryCollection,
  readOwnPartyItem,
  type Widen,
} from './agreement-access.ts';
import type { Db } from './client.ts';
import { escalationItem, escalationLadder } from './escalations.ts';
import { keys, SEP } from './keys.ts';
import { gsi1Page, stripKeys } from './query.ts';
import { assertReach, type Scope } from './scope.ts';
import { type TransactItem, transact } from './transact.ts';

/** A row of the steering dashboard: a notification the municipality has not answered in time. */
export interface OverdueNotificationRow {
  id: string;
  agreementId: string;
  reference: string;
  title: string;
  dutyTitle: string;
  event: string;
  deadline: string;
  party: string;
  partyName: string;
}

/** Where a clock reads "today": the real day, or an injected one (the seed and tests; never a client's). */
export type Clock = () => Date;

const strip = (item: Record<string, unknown>): Notification =>
  stripKeys<Notification>(item, ['reference', 'agreementTitle']);

/**
 * Event notifications (meldingen, issue 14 point 3). A notification belongs to the provider party that filed it
 * and lives in the agreement's collection; while unanswered it sits on the owning space's open-notification index
 * (gsi1) at its response deadline, which the upcoming list, the iCal feed, the scheduled job (inbox signals on the
 * day and, unanswered, the day after) and the dashboard read. Answering or escalating takes it off that index.
 */
export function notificationRepository(
  base: Db,
  scope: Scope,
  widen: Widen,
  clock: Clock = () => new Date(),
) {
  const by = () => ({ actor: scope.actor, actorName: scope.actorName, at: clock().toISOString() });

  function itemOf(access: AgreementAccess, n: Notification) {
    const { agreement } = access;
    return {
      ...keys.notification(agreement.space, agreement.id, n.id),
      type: 'notification',
      ...n,
      reference: agreement.reference,
      agreementTitle: agreement.title,
      ...(isPending(n)
        ? {
            gsi1pk: keys.openNotifications(agreement.space),
            gsi1sk: `${n.deadline}${SEP}${agreement.id}${SEP}${n.id}`,
          }
        : {}),
    };
  }

  /** The notification with its audit event (and any further items), one transaction. */
  async function save(
    access: AgreementAccess,
    n: Notification,
    previousVersion: number | null,
    action: string,
    extra: { items: TransactItem[]; changes: Record<string, { before: unknown; after: unknown }> } = {
      items: [],
      changes: {},
    },
  ) {
    const last = n.steps.at(-1)!;
    await transact(
      access.db,
      [
        {
          Put: {
            TableName: access.db.tableName,
            Item: itemOf(access, n),
            ...(previousVersion === null
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: { ':v': previousVersion },
                }),
          },
        },
        ...extra.items,
        ...auditInCollection(access, scope, {
          at: last.at,
          action,
          objectType: 'notification',
          changes: {
            [`notification.${n.id}`]: {
              before: null,
              after: {
                state: n.state,
                duty: n.dutyId,
                party: n.party,
                text: last.text,
                ...(n.escalationId ? { escalationId: n.escalationId } : {}),
              },
            },
            ...extra.changes,
          },
        }),
      ],
      new DomainError('CONFLICT', 'notification.changedMeanwhile', {
        message: 'The notification or the agreement changed meanwhile; reload and try again',
      }),
    );
    return n;
  }

  async function load(access: AgreementAccess, id: string, expectedVersion: number): Promise<Notification> {
    // Another party's notification answers like a missing one.
    const item = await readOwnPartyItem(
      access,
      scope,
      keys.notification(access.agreement.space, access.agreement.id, id),
    );
    if (!item)
      throw new DomainError('NOT_FOUND', 'notification.notFound', { message: 'Notification not found' });
    const n = strip(item);
    if (n.version !== expectedVersion)
      throw new DomainError('CONFLICT', 'notification.versionConflict', {
        params: { version: n.version, expectedVersion },
        message: `The notification was changed (version ${n.version}, you sent ${expectedVersion})`,
      });
    return n;
  }

  return {
    /** A provider party files a notification under an event duty of its agreement. */
    async file(input: {
      agreementId: string;
      dutyId: string;
      description: string;
      figures?: NotificationFigure[];
    }): Promise<Notification> {
      // Access first: a foreign or missing agreement answers NOT_FOUND before anything about its duties.
      const access = await accessAgreement(base, scope, widen, input.agreementId);
      const party = actingParty(access, scope);
      const duty = access.agreement.duties.find((d) => d.id === input.dutyId);
      if (duty?.kind !== 'event' || !duty.event || duty.responseDays === undefined)
        throw new DomainError('BAD_REQUEST', 'notification.notEventDuty', {
          field: 'dutyId',
          message: 'Not an event duty of this agreement',
        });
      const n = fileNotification(
        {
          id: newId(),
          agreementId: access.agreement.id,
          duty: { id: duty.id, title: duty.title, event: duty.event, responseDays: duty.responseDays },
          description: input.description,
          ...(input.figures ? { figures: input.figures } : {}),
          party: party?.party ?? scope.space,
          partyName: party?.partyName ?? scope.space,
        },
        by(),
      );
      return save(access, n, null, 'notification.file');
    },

    /**
     * A provider party's own notifications, or all of them for the municipality, newest first; with the budget
     * signals of a `ceiling_80` duty (source 'signal'), which every provider party of the agreement sees.
     */
    async list(agreementId: string): Promise<{ items: NotificationEntry[]; today: string }> {
      const access = await accessAgreement(base, scope, widen, agreementId);
      const { db, agreement } = access;
      const [items, signals] = await Promise.all([
        queryCollection<Record<string, unknown> & { party?: string }>(
          db,
          agreement.space,
          agreement.id,
          keys.notificationPrefix,
        ),
        queryCollection<{
          threshold: number;
          at: string;
          year?: number;
          line?: unknown;
          agreementId: string;
        }>(db, agreement.space, agreement.id, `SIGNAL${SEP}budget${SEP}`),
      ]);
      const own = ownPartyOnly(access, scope, items)
        .map(strip)
        .sort((a, b) => (a.filedAt < b.filedAt ? 1 : -1));
      const signalEntries = ceilingSignalEntries(
        agreement.id,
        agreement.duties,
        signals.map((s) => ({ ...s, key: signalKeyOf(s) })),
      );
      return { items: [...own, ...signalEntries], today: clock().toISOString().slice(0, 10) };
    },

    /** The municipality acknowledges or answers; answering stops the clock. */
    async respond(input: {
      agreementId: string;
      notificationId: string;
      expectedVersion: number;
      kind: 'acknowledge' | 'answer';
      text: string;
    }): Promise<Notification> {
      const access = await accessAgreement(base, scope, widen, input.agreementId);
      const current = await load(access, input.notificationId, input.expectedVersion);
      const next = respondNotification(current, input.kind, input.text, by());
      return save(access, next, current.version, `notification.${input.kind}`);
    },

    /**
     * Turned into an escalation in one step: the escalation opened at the first level of the agreement's ladder,
     * about the notification's party, with its description; both link to each other; one transaction, one audit
     * event on the agreement's chain (the escalation's opening is that event's second change).
     */
    async escalate(input: {
      agreementId: string;
      notificationId: string;
      expectedVersion: number;
    }): Promise<{ notification: Notification; escalationId: string }> {
      const access = await accessAgreement(base, scope, widen, input.agreementId);
      const current = await load(access, input.notificationId, input.expectedVersion);
      const actor = by();
      const escalation = {
        ...openEscalation(
          {
            id: newId(),
            agreementId: access.agreement.id,
            subject: escalationSubjectOf(current),
            description: current.description,
            party: current.party,
            partyName: current.partyName,
          },
          await escalationLadder(access),
          { ...actor, side: access.side },
        ),
        notificationId: current.id,
      };
      const next = escalateNotification(current, escalation.id, actor);
      await save(access, next, current.version, 'notification.escalate', {
        items: [
          {
            Put: {
              TableName: access.db.tableName,
              Item: escalationItem(access, escalation),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
        changes: {
          [`escalation.${escalation.id}`]: {
            before: null,
            after: { level: escalation.ladder[0]!.level, status: 'open', notificationId: current.id },
          },
        },
      });
      return { notification: next, escalationId: escalation.id };
    },

    /** A space's unanswered notifications whose deadline has passed, oldest deadline first. */
    async overdueInSpace(filter: { space?: string; limit: number }): Promise<OverdueNotificationRow[]> {
      const space = filter.space ?? scope.space;
      assertReach(scope, space);
      const today = clock().toISOString().slice(0, 10);
      const page = await gsi1Page(base, keys.openNotifications(space), {
        before: today,
        limit: filter.limit,
      });
      return page.items
        .filter((i) => isOverdue({ state: i.state, deadline: i.deadline }, today))
        .map((i) => ({
          id: i.id,
          agreementId: i.agreementId,
          reference: i.reference,
          title: i.agreementTitle,
          dutyTitle: i.dutyTitle,
          event: i.event,
          deadline: i.deadline,
          party: i.party,
          partyName: i.partyName ?? i.party,
        }));
    },
  };
}

/** The budget signal's id within its agreement, as budget-signals.ts `signalId` makes it. */
function signalKeyOf(s: { threshold: number; year?: number }): string {
  return s.year === undefined ? `${s.threshold}` : `${s.year}${SEP}${s.threshold}`;
}
