import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  type AgreementCreateInput,
  type AgreementTermsPatch,
  type AuditEvent,
  type AuditVerification,
  agreementState,
  amend,
  applyTerms,
  assertActsForOwner,
  DomainError,
  type InternalView,
  notFound,
  type PartyView,
  partyViewSchema,
  verifyAuditTrail,
} from '@regie/core';
import { agreementContext, toAgreement } from './agreement-context.ts';
import { dueItem, readDues } from './agreement-mirrors.ts';
import { agreementCommits, agreementPreparers } from './agreement-prepare.ts';
import {
  type AgreementFilter,
  indexAttributes,
  matches,
  partitionOf,
  readRegisterPage,
} from './agreement-register.ts';
import { agreementTransitions } from './agreement-transitions.ts';
import { readAnchorCopy } from './audit-anchors.ts';
import { readChain } from './audit-store.ts';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import type { Page } from './cursor.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import type { Scope } from './scope.ts';
import { words } from './search.ts';
import { voidCurrentDocument } from './signing-head.ts';

/**
 * The agreement register: create, read, find, change terms, history. The shared per-request context is in
 * agreement-context.ts, how a change is written and the workflow preparers in agreement-prepare.ts, the life-cycle
 * moves in agreement-transitions.ts.
 */

export { loadAgreement } from './agreement-context.ts';
export type { CreateOptions } from './agreement-prepare.ts';
export type { AgreementFilter } from './agreement-register.ts';
export type { Page } from './cursor.ts';
export { dueItem, indexAttributes, readDues };

export interface TermsVersion {
  version: number;
  at: string;
  by: string;
  /** The name of who wrote this version, when it was recorded. */
  byName?: string;
  terms: Agreement;
}

export function agreementRepository(db: Db, scope: Scope) {
  const ctx = agreementContext(db, scope);
  const { mandateOf, viewMandateOf, load, loadWithSpaces, loadMany, resolve, write, internalView } = ctx;
  const commits = agreementCommits(ctx);
  const { commit } = commits;

  // The preparers and transitions are spread in last: on Node 20 an object literal that defines properties after a
  // spread takes V8's slow path, 21 µs for this one on every request (docs/benchmarks.md, Floors); spread last,
  // 0.2 µs. No key is in both.
  return {
    /** `input.space` may name a region the caller's municipality belongs to. */
    async create(input: AgreementCreateInput, options: { id?: string } = {}): Promise<InternalView> {
      const { agreement, items } = await this.prepareCreate(input, options);
      await write(items, (index) =>
        index === 1
          ? new DomainError('CONFLICT', 'agreement.referenceInUse', {
              params: { reference: agreement.reference },
              field: 'reference',
              message: `Reference ${agreement.reference} is already in use`,
            })
          : new DomainError('CONFLICT', 'agreement.exists', { message: 'Agreement already exists' }),
      );
      return internalView(agreement, await mandateOf(agreement.space));
    },

    async get(id: string): Promise<InternalView> {
      const a = await loadWithSpaces(id);
      return internalView(a, await viewMandateOf(a.space));
    },

    async find(filter: AgreementFilter): Promise<Page<InternalView>> {
      const space = filter.space ?? scope.space;
      if (!scope.reach.includes(space)) return { items: [], nextCursor: null };
      const terms = filter.q ? words(filter.q).slice(0, 5) : [];
      if (filter.q && terms.length === 0) return { items: [], nextCursor: null };
      const source = partitionOf(space, filter, terms);
      const mandate = await viewMandateOf(space);
      const page = await readRegisterPage(db, source, filter.cursor, filter.limit, async (items) => {
        // Index rows of the register carry the agreement; party links and search words point to it.
        const linked = items.filter((i) => i.type !== 'agreement');
        const loaded = new Map(
          (await loadMany(space, [...new Set(linked.map((i) => i.agreementId as string))])).map((a) => [
            a.id,
            a,
          ]),
        );
        const seen = new Set<string>();
        return items.flatMap((item) => {
          const a = item.type === 'agreement' ? toAgreement(item) : loaded.get(item.agreementId as string);
          if (!a || seen.has(a.id) || !matches(a, filter, terms)) return [];
          seen.add(a.id);
          return [{ row: internalView(a, mandate), item }];
        });
      });
      return page;
    },

    /** A provider's register: the party views projected into its own space. */
    async findAsParty(filter: AgreementFilter): Promise<Page<PartyView>> {
      const terms = filter.q ? words(filter.q).slice(0, 5) : [];
      // A party view has no parties list or framework link of the owner's; those filters do not apply.
      const own = { ...filter, q: undefined, party: undefined, parentId: undefined };
      const source = partitionOf(scope.space, own, []);
      return readRegisterPage(db, source, filter.cursor, filter.limit, async (items) =>
        items.flatMap((item) => {
          if (item.type !== 'partyView') return [];
          const view = partyViewSchema.parse(item);
          const probe = { ...view, parties: [{ name: view.party.name }] } as unknown as Agreement;
          return matches(probe, own, terms) ? [{ row: view, item }] : [];
        }),
      );
    },

    async getAsParty(id: string): Promise<PartyView> {
      const result = await guard(() =>
        db.doc.send(
          new GetCommand({
            TableName: db.tableName,
            Key: keys.partyView(scope.space, id),
            ConsistentRead: true,
          }),
        ),
      );
      if (!result.Item) throw notFound('Agreement');
      return partyViewSchema.parse(result.Item);
    },

    /**
     * A change of terms. Once approval has been asked it is an amendment (core `amend`): before signing the
     * agreement returns to draft in the same transaction — approval dropped, the document out for signature voided
     * with its signatures, one audit event — and the answer says so in `amendment`; after signing a raise of the
     * value above the mandate threshold is refused.
     */
    async update(
      id: string,
      expectedVersion: number,
      patch: AgreementTermsPatch,
    ): Promise<InternalView & { amendment?: InternalView['amendment'] }> {
      const current = await load(id);
      assertActsForOwner(scope, current.space);
      const applied = applyTerms(toAgreement(current), await resolve(current.space, patch, current));
      const mandate = await mandateOf(current.space);
      if (Object.keys(applied.changes).length === 0) {
        if (current.version !== expectedVersion)
          throw new DomainError('CONFLICT', 'agreement.changedMeanwhile', {
            message: 'Agreement was changed by someone else',
          });
        return internalView(toAgreement(current), mandate);
      }
      if (current.version !== expectedVersion) {
        throw new DomainError('CONFLICT', 'agreement.versionConflict', {
          params: { version: current.version, expectedVersion },
          message: `Agreement was changed (version ${current.version}, you sent ${expectedVersion})`,
        });
      }
      const { next, changes, outcome } = amend(toAgreement(current), applied.next, applied.changes, mandate);
      const voided = outcome
        ? await voidCurrentDocument(db, current, scope.actor, new Date().toISOString())
        : { items: [], document: null, signatures: 0 };
      if (voided.document) {
        changes.voidedDocument = {
          before: { id: voided.document.id, sha256: voided.document.sha256 },
          after: null,
        };
        if (voided.signatures > 0) changes.voidedSignatures = { before: voided.signatures, after: 0 };
      }
      const stored = await commit(current, next, expectedVersion, 'update', changes, true, voided.items);
      const view = internalView(stored, mandate);
      if (!outcome) return view;
      return {
        ...view,
        amendment: {
          ...outcome,
          voidedDocument: voided.document ? { id: voided.document.id, sha256: voided.document.sha256 } : null,
          voidedSignatures: voided.signatures,
        },
      };
    },

    /** Every version of the terms, oldest first (amendments keep earlier versions readable). */
    async versions(id: string): Promise<TermsVersion[]> {
      const current = await load(id);
      const items = await queryCollection<Record<string, unknown>>(db, current.space, id, keys.termsPrefix);
      return items.map((item) => {
        const terms = toAgreement(item);
        return {
          version: terms.version,
          at: terms.updatedAt,
          by: terms.updatedBy,
          ...(terms.updatedByName ? { byName: terms.updatedByName } : {}),
          terms,
        };
      });
    },

    async history(id: string): Promise<AuditEvent[]> {
      const current = await load(id);
      return readChain(db, current.space, id);
    },

    /**
     * Recomputes the chain, checks its last link against the head stored on the agreement, the chain against
     * its latest signed anchor (with `anchorPublicKey`, SPKI PEM) and the stored agreement against the state
     * the chain's last event records (core audit-anchor.ts).
     */
    async verify(id: string, anchorPublicKey: string | null = null): Promise<AuditVerification> {
      const current = await load(id);
      const [events, anchor] = await Promise.all([
        readChain(db, current.space, id),
        readAnchorCopy(db, current.space, id),
      ]);
      return verifyAuditTrail({
        events,
        head: { auditSeq: current.auditSeq, auditHash: current.auditHash },
        stored: agreementState(current),
        anchor,
        publicKeyPem: anchorPublicKey,
      });
    },

    ...agreementPreparers(ctx, commits),
    ...agreementTransitions(ctx, commits),
  };
}

export type AgreementRepository = ReturnType<typeof agreementRepository>;
