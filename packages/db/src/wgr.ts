import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type AuditEvent,
  checkOpinionDates,
  DomainError,
  notFound,
  planOf,
  type WgrCalendarRecord,
  type WgrCalendarView,
  type WgrPlanInput,
  type WgrRecordOpinionInput,
  wgrAccess,
  wgrCalendar,
  wgrCalendarView,
  wgrDeadlines,
} from '@regie/core';
import { type AgreementAccess, auditInCollection } from './agreement-access.ts';
import { loadAgreement } from './agreements.ts';
import type { Db } from './client.ts';
import { deadlineChanges } from './deadlines.ts';
import { readSpace } from './directory.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import { stripKeys } from './query.ts';
import type { Scope } from './scope.ts';
import { transact } from './transact.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The Wgr planning & control calendar (SPEC §5.6) of a GR per budget year: one item in the GR agreement's
 * collection (`WGR#<year>`), versioned on its own, every change appended to the agreement's audit chain and its
 * statutory dates written as deadlines (kind `wgr`) in the same transaction.
 *
 * Reading follows the agreement's reach: the region's users and the users of its member municipalities; anyone
 * else gets NOT_FOUND, exactly as for a missing agreement. Writing: the region's own users with a write role plan
 * the calendar and record any council's opinion; a member municipality's users record only their own council's.
 */
export function wgrRepository(db: Db, scope: Scope) {
  async function loadGr(agreementId: string) {
    const agreement = await loadAgreement(db, scope.reach, agreementId);
    if (agreement.kind !== 'joint_arrangement') {
      throw new DomainError('BAD_REQUEST', 'wgr.notAGr', {
        field: 'agreementId',
        message: 'Only a gemeenschappelijke regeling has a planning & control calendar',
      });
    }
    const region = await readSpace(db, agreement.space);
    const members = agreement.allocationKey?.weights.map((w) => w.space) ?? region?.members ?? [];
    return {
      agreement,
      members,
      names: region?.memberNames ?? {},
      ownerName: region?.name ?? agreement.space,
    };
  }

  async function read(space: string, agreementId: string, year: number): Promise<WgrCalendarRecord | null> {
    const result = await guard(() =>
      db.doc.send(
        new GetCommand({
          TableName: db.tableName,
          Key: keys.wgrCalendar(space, agreementId, year),
          ConsistentRead: true,
        }),
      ),
    );
    if (!result.Item) return null;
    return stripKeys<WgrCalendarRecord>(result.Item);
  }

  function view(gr: Awaited<ReturnType<typeof loadGr>>, year: number, record: WgrCalendarRecord | null) {
    return wgrCalendarView({
      gr: gr.agreement,
      year,
      record,
      members: gr.members,
      names: gr.names,
      caller: scope,
      today: today(),
    });
  }

  /** The calendar, its audit event and its deadlines in one transaction; a stale version is a CONFLICT. */
  async function save(
    gr: Awaited<ReturnType<typeof loadGr>>,
    before: WgrCalendarRecord | null,
    next: WgrCalendarRecord,
    event: { action: string; changes: AuditEvent['changes'] },
  ) {
    const { agreement } = gr;
    const access: AgreementAccess = { db, agreement, ownerName: gr.ownerName, side: 'municipality' };
    const deadlinesOf = (r: WgrCalendarRecord | null) =>
      r ? wgrDeadlines(agreement, r.year, wgrCalendar(r.year, planOf(r.plan))) : [];
    await transact(
      db,
      [
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.wgrCalendar(agreement.space, agreement.id, next.year),
              type: 'wgr',
              ...next,
            },
            ConditionExpression: before ? 'version = :v' : 'attribute_not_exists(pk)',
            ExpressionAttributeValues: before ? { ':v': before.version } : undefined,
          },
        },
        ...auditInCollection(access, scope, {
          at: next.updatedAt,
          action: event.action,
          objectType: 'wgr_calendar',
          changes: event.changes,
        }),
        ...deadlineChanges(db, deadlinesOf(before), deadlinesOf(next), agreement as Agreement),
      ],
      new DomainError('CONFLICT', 'wgr.changedMeanwhile', {
        message: 'The calendar was changed meanwhile; reload and try again',
      }),
    );
  }

  return {
    async get(agreementId: string, year: number): Promise<WgrCalendarView> {
      const gr = await loadGr(agreementId);
      return view(gr, year, await read(gr.agreement.space, agreementId, year));
    },

    /** Creates the calendar (expectedVersion 0) or replaces its plan; the deadlines move with it. */
    async plan(input: WgrPlanInput): Promise<WgrCalendarView> {
      const gr = await loadGr(input.agreementId);
      if (!wgrAccess(scope, gr.agreement.space, gr.members).canPlan) {
        throw new DomainError('FORBIDDEN', 'wgr.regionOnly', {
          message: 'Only the region that holds the GR plans its calendar',
        });
      }
      const current = await read(gr.agreement.space, input.agreementId, input.year);
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== input.expectedVersion) {
        throw new DomainError('CONFLICT', 'wgr.versionConflict', {
          params: { version: currentVersion, expectedVersion: input.expectedVersion },
          message: `The calendar was changed (version ${currentVersion}, you sent ${input.expectedVersion})`,
        });
      }
      const now = new Date().toISOString();
      const plan: WgrCalendarRecord['plan'] = {
        ...(input.budgetAdoption ? { budgetAdoption: input.budgetAdoption } : {}),
        ...(input.accountsAdoption ? { accountsAdoption: input.accountsAdoption } : {}),
        ...(input.draftBudgetCents !== undefined ? { draftBudgetCents: input.draftBudgetCents } : {}),
      };
      const next: WgrCalendarRecord = {
        agreementId: input.agreementId,
        year: input.year,
        version: currentVersion + 1,
        plan,
        opinions: current?.opinions ?? {},
        createdAt: current?.createdAt ?? now,
        createdBy: current?.createdBy ?? scope.actor,
        updatedAt: now,
        updatedBy: scope.actor,
        updatedByName: scope.actorName,
      };
      await save(gr, current, next, {
        action: 'wgr.plan',
        changes: { [`wgr.${input.year}.plan`]: { before: current?.plan ?? null, after: plan } },
      });
      return view(gr, input.year, next);
    },

    /** Records (or corrects) one participating council's opinion on the draft budget. */
    async recordOpinion(input: WgrRecordOpinionInput): Promise<WgrCalendarView> {
      const gr = await loadGr(input.agreementId);
      if (!gr.members.includes(input.member)) {
        throw new DomainError('BAD_REQUEST', 'wgr.notMember', {
          field: 'member',
          message: 'This municipality does not take part in the GR',
        });
      }
      if (!wgrAccess(scope, gr.agreement.space, gr.members).canRecordFor.includes(input.member)) {
        throw new DomainError('FORBIDDEN', 'wgr.ownOpinionOnly', {
          message: "A member records only its own council's opinion",
        });
      }
      checkOpinionDates(input.year, input.opinion);
      const current = await read(gr.agreement.space, input.agreementId, input.year);
      if (!current) throw notFound('Calendar');
      if (current.version !== input.expectedVersion) {
        throw new DomainError('CONFLICT', 'wgr.versionConflict', {
          params: { version: current.version, expectedVersion: input.expectedVersion },
          message: `The calendar was changed (version ${current.version}, you sent ${input.expectedVersion})`,
        });
      }
      const now = new Date().toISOString();
      const opinion = {
        ...input.opinion,
        recordedAt: now,
        recordedBy: scope.actor,
        recordedByName: scope.actorName,
      };
      const next: WgrCalendarRecord = {
        ...current,
        version: current.version + 1,
        opinions: { ...current.opinions, [input.member]: opinion },
        updatedAt: now,
        updatedBy: scope.actor,
        updatedByName: scope.actorName,
      };
      await save(gr, current, next, {
        action: 'wgr.opinion',
        changes: {
          [`wgr.${input.year}.opinion.${input.member}`]: {
            before: current.opinions[input.member] ?? null,
            after: opinion,
          },
        },
      });
      return view(gr, input.year, next);
    },
  };
}
