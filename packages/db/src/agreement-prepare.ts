import {
  type Agreement,
  type AgreementCreateInput,
  type AgreementStatus,
  type AuditEvent,
  agreementState,
  applyTerms,
  assertActsForOwner,
  assertMandateCovers,
  assertTerms,
  assertTransition,
  DomainError,
  isRegionalChild,
  LIFECYCLES,
  newId,
  shareAfterMove,
} from '@regie/core';
import { type AgreementContext, type Item, type Organisations, toAgreement } from './agreement-context.ts';
import { readDues, visibleTo } from './agreement-mirrors.ts';
import { indexAttributes } from './agreement-register.ts';
import { nextAuditEvent } from './audit-store.ts';
import { ceilingRecheckItems } from './budget-signals.ts';
import { keys } from './keys.ts';
import { droppedMeetingItems } from './meetings.ts';
import { assertReach } from './scope.ts';
import type { TransactItem } from './transact.ts';

/**
 * How a change of an agreement is written: `prepareCommit` builds every item of a new state (agreement, audit
 * event, mirrors, terms version, re-checked budget signals, dropped meetings) without writing them, `commit`
 * writes them; the workflow preparers hand such items to a workflow's own transaction (signing, subsidy,
 * import, the benchmark loader).
 */

/**
 * `id` is for the deterministic seed only. `imported` (agreement-import.ts) writes the agreement in that status
 * with the audit action `agreement.import`; `organisations` are the owning space's, already read.
 */
export interface CreateOptions {
  id?: string;
  imported?: AgreementStatus;
  organisations?: Organisations;
}

/** What a change does to the share and to the parties' views, for its audit event (issue 11 point 2). */
function viewChanges(prev: Agreement, next: Agreement): AuditEvent['changes'] {
  const out: AuditEvent['changes'] = {};
  if ((prev.sharedWithParties === true) !== next.sharedWithParties) {
    out.sharedWithParties = { before: prev.sharedWithParties === true, after: next.sharedWithParties };
  }
  const before = [...new Set(visibleTo(prev))].sort();
  const after = [...new Set(visibleTo(next))].sort();
  if (before.join() !== after.join()) out.partyViews = { before, after };
  return out;
}

export function agreementCommits(ctx: AgreementContext) {
  const { db, scope, spaceRecord, mirrorItems, write } = ctx;

  /** Writes a new state of an agreement with its audit event, conditional on the version the caller saw. */
  async function commit(
    current: Item,
    next: Agreement,
    expectedVersion: number,
    action: string,
    changes: AuditEvent['changes'],
    termsChanged: boolean,
    /** Items of the same change outside the agreement's own (an amendment's voided document). */
    extra: TransactItem[] = [],
  ): Promise<Agreement> {
    const { stored, items } = await prepareCommit(
      current,
      next,
      expectedVersion,
      action,
      changes,
      termsChanged,
    );
    await write(
      [...items, ...extra],
      () =>
        new DomainError('CONFLICT', 'agreement.changedMeanwhile', {
          message: 'Agreement was changed by someone else; reload and try again',
        }),
    );
    return stored;
  }

  /** The ceilings an agreement's budget signals are measured against, comparable as one string. */
  const ceilingsOf = (a: Agreement) =>
    JSON.stringify([
      a.valueCeilingCents,
      a.yearCeilings,
      a.productLines.map((l) => [l.id, l.moneyCeilingCents ?? null, l.volumeCeiling ?? null]),
    ]);

  /**
   * Everything a new state of an agreement writes — the agreement (conditional on the version the caller saw),
   * its audit event, its mirrors and, for changed terms, a terms version (and, for changed ceilings, the budget
   * signals re-checked against them) — built but not written, so a
   * workflow (signing) can put it in its own transaction. The audit event chains on `current`'s head.
   */
  async function prepareCommit(
    current: Item,
    next: Agreement,
    expectedVersion: number,
    action: string,
    changes: AuditEvent['changes'],
    termsChanged: boolean,
  ): Promise<{ stored: Agreement; items: TransactItem[] }> {
    if (current.version !== expectedVersion) {
      throw new DomainError('CONFLICT', 'agreement.versionConflict', {
        params: { version: current.version, expectedVersion },
        message: `Agreement was changed (version ${current.version}, you sent ${expectedVersion})`,
      });
    }
    const now = new Date().toISOString();
    const shared = shareAfterMove(next.kind, current.status, next.status, next.sharedWithParties === true);
    const stored: Agreement = {
      ...next,
      sharedWithParties: shared,
      version: current.version + 1,
      updatedAt: now,
      updatedBy: scope.actor,
      updatedByName: scope.actorName,
    };
    const audit = nextAuditEvent(db, current.space, current, {
      at: now,
      actor: scope.actor,
      actorName: scope.actorName,
      organisation: scope.organisation,
      action,
      objectType: 'agreement',
      objectId: current.id,
      changes: { ...changes, ...viewChanges(toAgreement(current), stored) },
      state: agreementState(stored),
    });
    const items: TransactItem[] = [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.agreement(stored.space, stored.id),
            type: 'agreement',
            ...stored,
            ...indexAttributes(stored.space, stored),
            ...audit.head,
          },
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      audit.put,
      ...(await mirrorItems(toAgreement(current), stored, await readDues(db, current.space, current.id))),
    ];
    if (termsChanged) {
      items.push({
        Put: {
          TableName: db.tableName,
          Item: { ...keys.termsVersion(stored.space, stored.id, stored.version), type: 'terms', ...stored },
        },
      });
      // New ceilings measure the spend so far at once: signals reached now, withdrawn where no longer reached.
      if (ceilingsOf(toAgreement(current)) !== ceilingsOf(stored)) {
        const thresholds = (await spaceRecord(stored.space))?.signalThresholds;
        items.push(...(await ceilingRecheckItems(db, stored, thresholds, now)).items);
      }
    }
    // An agreement that stops running, or ends earlier, takes its planned meetings after that with it.
    if (current.status !== stored.status || current.endDate !== stored.endDate)
      items.push(...(await droppedMeetingItems(db, stored, now.slice(0, 10))));
    return { stored, items };
  }

  return { commit, prepareCommit };
}

export type AgreementCommits = ReturnType<typeof agreementCommits>;

/** The repository's methods that build a workflow's items without writing them. */
export function agreementPreparers(ctx: AgreementContext, { prepareCommit }: AgreementCommits) {
  const { db, scope, mandateOf, contextFor, load, resolve, mirrorItems } = ctx;

  return {
    /**
     * Everything a new agreement writes, checked but not yet written: the agreement, its unique
     * reference, the first audit event and terms version, and its mirrors. `create` writes it in one
     * transaction; the benchmark loader batch-writes it, the register import writes it in its status.
     */
    async prepareCreate(
      input: AgreementCreateInput,
      options: CreateOptions = {},
    ): Promise<{ agreement: Agreement; items: TransactItem[] }> {
      const { kind, reference, space: requested, parentId, ...terms } = input;
      const space = requested ?? scope.space;
      assertReach(scope, space);
      assertActsForOwner(scope, space);
      if (parentId) {
        const parent = await load(parentId).catch(() => null);
        // A member's own DVO under the region's service agreement (issue 16 point 3) lives in the member's register.
        const regional = !!parent && isRegionalChild(parent, kind, space);
        if (!parent || (parent.space !== space && !regional)) {
          throw new DomainError('BAD_REQUEST', 'agreement.frameworkUnknown', {
            field: 'parentId',
            message: 'The framework agreement does not exist in this register',
          });
        }
        if (!regional && (parent.kind !== 'contract' || kind !== 'contract' || parent.parentId)) {
          throw new DomainError('BAD_REQUEST', 'agreement.callOffOfContract', {
            field: 'parentId',
            message: 'A call-off is a contract under a framework contract',
          });
        }
      }
      const now = new Date().toISOString();
      const base: Agreement = {
        id: options.id ?? newId(),
        space,
        kind,
        reference,
        title: terms.title,
        description: '',
        status: options.imported ?? LIFECYCLES[kind].initial,
        version: 1,
        domain: terms.domain,
        startDate: terms.startDate,
        endDate: terms.endDate,
        noticePeriodMonths: null,
        valueCeilingCents: null,
        parties: [],
        productLines: [],
        duties: [],
        kpis: [],
        incentives: [],
        yearCeilings: [],
        publication: null,
        renewal: null,
        allocationKey: null,
        services: [],
        parentId: parentId ?? null,
        termsVersion: 1,
        approval: null,
        sharedWithParties: false,
        createdAt: now,
        createdBy: scope.actor,
        createdByName: scope.actorName,
        updatedAt: now,
        updatedBy: scope.actor,
        updatedByName: scope.actorName,
      };
      const { next: agreement } = applyTerms(
        base,
        await resolve(space, terms, undefined, options.organisations),
      );
      assertTerms(agreement);
      const changes: AuditEvent['changes'] = {};
      for (const [field, value] of Object.entries(agreement)) {
        if (
          ![
            'id',
            'space',
            'createdAt',
            'createdBy',
            'createdByName',
            'updatedAt',
            'updatedBy',
            'updatedByName',
          ].includes(field)
        ) {
          changes[field] = { before: null, after: value };
        }
      }
      // An imported status is recorded as such: no approval, signature or transition stands behind it.
      if (options.imported) changes.importedStatus = { before: null, after: options.imported };
      const audit = nextAuditEvent(db, space, null, {
        at: now,
        actor: scope.actor,
        actorName: scope.actorName,
        organisation: scope.organisation,
        action: options.imported ? 'agreement.import' : 'create',
        objectType: 'agreement',
        objectId: agreement.id,
        changes,
        state: agreementState(agreement),
      });
      return {
        agreement,
        items: [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.agreement(space, agreement.id),
                type: 'agreement',
                ...agreement,
                ...indexAttributes(space, agreement),
                ...audit.head,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.reference(space, agreement.reference),
                gsi1pk: keys.referencesIndex(space),
                gsi1sk: agreement.reference.toUpperCase(),
                type: 'reference',
                agreementId: agreement.id,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          audit.put,
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.termsVersion(space, agreement.id, 1), type: 'terms', ...agreement },
            },
          },
          ...(await mirrorItems(null, agreement)),
        ],
      };
    },

    /**
     * The items of a status change decided by a workflow rather than by `assertTransition` — the last signature
     * makes an agreement active (SPEC §5.2, packages/db/src/signing.ts). `current` carries the audit head the
     * transition's event chains on (the signature's event before it, in the same transaction).
     */
    async prepareWorkflowTransition(
      current: Agreement & { auditSeq: number; auditHash: string },
      to: AgreementStatus,
      note: string,
    ): Promise<{ stored: Agreement; items: TransactItem[] }> {
      // No path reaches `active` around the mandate: the current value against the current approval.
      if (to === 'active') {
        assertMandateCovers(contextFor(toAgreement(current as Item), await mandateOf(current.space)), to);
      }
      const changes: AuditEvent['changes'] = {
        status: { before: current.status, after: to },
        note: { before: null, after: note },
      };
      return prepareCommit(
        current as Item,
        { ...toAgreement(current as Item), status: to },
        current.version,
        'transition',
        changes,
        false,
      );
    },

    /**
     * The items of a subsidy decision (packages/db/src/subsidy.ts): a new state of the agreement — its status
     * and its `subsidy` record — written like every change (version, audit, mirrors, Awb deadlines) in the
     * subsidy repository's own transaction. A status move is checked against the life cycle and the roles.
     */
    async prepareSubsidyDecision(
      current: Agreement & { auditSeq: number; auditHash: string },
      next: Agreement,
      expectedVersion: number,
      action: string,
      changes: AuditEvent['changes'],
    ): Promise<{ stored: Agreement; items: TransactItem[] }> {
      assertActsForOwner(scope, current.space);
      if (next.status !== current.status) {
        const mandate = await mandateOf(current.space);
        assertTransition(current.kind, current.status, next.status, contextFor(current, mandate));
      }
      return prepareCommit(current as Item, next, expectedVersion, action, changes, false);
    },
  };
}
