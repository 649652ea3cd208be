import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AgreementStatus,
  assertActsForOwner,
  assertCanPlaceDocument,
  assertCanSign,
  CONSENT,
  DomainError,
  fillsSlot,
  newId,
  notFound,
  type Signature,
  type SigningDocument,
  type SlotState,
  signerSlots,
  slotStates,
} from '@regie/core';
import { type AgreementAccess, accessAgreement, type Widen } from './agreement-access.ts';
import { agreementRepository } from './agreements.ts';
import { nextAuditEvent } from './audit-store.ts';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import type { Scope } from './scope.ts';
import { headPut, readHead, readSignatures } from './signing-head.ts';
import { type TransactItem, transact } from './transact.ts';

export interface SigningStatus {
  agreementId: string;
  reference: string;
  title: string;
  status: AgreementStatus;
  ownerName: string;
  /** The owning space: document object keys start with it. */
  ownerSpace: string;
  document: SigningDocument | null;
  signers: SlotState[];
  /** Whether the caller fills the slot that signs next. */
  myTurn: boolean;
  /** All signers signed the current document (the agreement is then active). */
  complete: boolean;
  consent: typeof CONSENT;
  level: 'simple';
}

export interface SignerIdentity {
  name: string;
}

/**
 * Documents and signatures of an agreement (SPEC §5.2), all in the agreement's item collection: the head
 * (`SIGN`), every document placed (`DOC#<id>`), and the signatures per document (`SIG#<doc>#<slot>`). Each
 * change writes its audit event in the same transaction; the last signature also moves the agreement to
 * `active` there, with everything the agreement repository writes on a transition (mirrors, indexes, deadlines).
 * A provider reaches only this one collection, through its own party view (`accessAgreement`).
 */
export function signingRepository(base: Db, scope: Scope, widen: Widen) {
  const target = (agreementId: string) => accessAgreement(base, scope, widen, agreementId);

  async function statusOf(access: AgreementAccess): Promise<SigningStatus> {
    const { db, agreement, ownerName } = access;
    const head = await readHead(db, agreement.space, agreement.id);
    const signatures = head.document
      ? await readSignatures(db, agreement.space, agreement.id, head.document.id)
      : [];
    const slots = signerSlots(agreement, ownerName);
    const states = slotStates(slots, signatures);
    const next = states.find((s) => s.state === 'next');
    const signer = {
      user: scope.actor,
      name: scope.actor,
      space: scope.space,
      reach: scope.reach,
      roles: scope.roles,
    };
    return {
      agreementId: agreement.id,
      reference: agreement.reference,
      title: agreement.title,
      status: agreement.status,
      ownerName,
      ownerSpace: agreement.space,
      document: head.document,
      signers: states,
      myTurn:
        agreement.status === 'out_for_signature' &&
        head.document !== null &&
        next !== undefined &&
        fillsSlot(next, signer),
      complete: next === undefined,
      consent: CONSENT,
      level: 'simple',
    };
  }

  const write = (items: TransactItem[], db: Db, conflict: string) =>
    transact(db, items, new DomainError('CONFLICT', 'signing.changedMeanwhile', { message: conflict }));

  /** The conditional advance of the agreement's audit head, for a change that leaves its terms alone. */
  function headUpdate(
    db: Db,
    agreement: AgreementAccess['agreement'],
    head: { auditSeq: number; auditHash: string },
  ): TransactItem {
    return {
      Update: {
        TableName: db.tableName,
        Key: keys.agreement(agreement.space, agreement.id),
        UpdateExpression: 'SET auditSeq = :seq, auditHash = :hash',
        ConditionExpression: 'auditSeq = :head AND version = :version AND #status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':seq': head.auditSeq,
          ':hash': head.auditHash,
          ':head': agreement.auditSeq,
          ':version': agreement.version,
          ':status': agreement.status,
        },
      },
    };
  }

  return {
    status: async (agreementId: string) => statusOf(await target(agreementId)),

    /**
     * The agreement and document a caller may read, for the files app: the current document's record and the
     * owning space (object keys start with it). NOT_FOUND for anything outside the caller's reach.
     */
    async current(agreementId: string) {
      const access = await target(agreementId);
      return { access, status: await statusOf(access) };
    },

    /**
     * Makes `document` the agreement's current document (generated or uploaded; its bytes are stored by the
     * caller first), frozen against the agreement's current terms version. A generated document names the terms
     * version it was made from: if the terms changed since, it is refused. A document placed while signatures
     * exist on the previous one invalidates them.
     */
    async placeDocument(
      agreementId: string,
      document: Pick<SigningDocument, 'sha256' | 'size' | 'source' | 'fileName' | 'pages' | 'pdfVersion'> & {
        termsVersion?: number;
      },
    ): Promise<SigningDocument> {
      const access = await target(agreementId);
      if (access.side !== 'municipality') throw notFound('Agreement');
      const { db, agreement } = access;
      assertActsForOwner(scope, agreement.space);
      assertCanPlaceDocument(agreement.status, scope.roles);
      if (document.termsVersion !== undefined && document.termsVersion !== agreement.termsVersion) {
        throw new DomainError('CONFLICT', 'signing.termsChangedMeanwhile', {
          field: 'agreementId',
          message: 'The terms changed while the document was made; make the document again',
        });
      }
      const head = await readHead(db, agreement.space, agreement.id);
      const previous = head.document;
      // The same bytes again (a regenerated document of unchanged terms): nothing changes, and the signatures
      // already given stay valid.
      if (previous && previous.sha256 === document.sha256 && previous.termsVersion === agreement.termsVersion)
        return previous;
      const invalidated = previous
        ? (await readSignatures(db, agreement.space, agreement.id, previous.id)).length
        : 0;
      const now = new Date().toISOString();
      const placed: SigningDocument = {
        ...document,
        termsVersion: agreement.termsVersion,
        id: newId(),
        agreementId: agreement.id,
        createdAt: now,
        createdBy: scope.actor,
        createdByName: scope.actorName,
      };
      const audit = nextAuditEvent(db, agreement.space, agreement, {
        at: now,
        actor: scope.actor,
        actorName: scope.actorName,
        organisation: scope.organisation,
        action: 'document',
        objectType: 'document',
        objectId: agreement.id,
        changes: {
          document: {
            before: previous ? { id: previous.id, sha256: previous.sha256 } : null,
            after: {
              id: placed.id,
              sha256: placed.sha256,
              size: placed.size,
              source: placed.source,
              termsVersion: placed.termsVersion,
            },
          },
          ...(invalidated > 0 ? { invalidatedSignatures: { before: invalidated, after: 0 } } : {}),
        },
      });
      await write(
        [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.document(agreement.space, agreement.id, placed.id),
                type: 'document',
                ...placed,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          headPut(db, agreement.space, agreement.id, head, { document: placed, version: head.version + 1 }),
          headUpdate(db, agreement, audit.head),
          audit.put,
        ],
        db,
        'The agreement or its document changed meanwhile; reload and try again',
      );
      return placed;
    },

    /** Every document placed on the agreement, newest first (municipal side). */
    async documents(agreementId: string): Promise<SigningDocument[]> {
      const { db, agreement } = await target(agreementId);
      const items = await queryCollection<SigningDocument>(
        db,
        agreement.space,
        agreement.id,
        keys.documentPrefix,
      );
      return items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    },

    /**
     * One signature on the current document, by the signer whose turn it is, with explicit consent. Written with
     * its audit event in one transaction; the last one also makes the agreement active in that transaction.
     */
    async sign(
      input: { agreementId: string; documentHash: string; consent: true },
      signer: SignerIdentity,
    ): Promise<SigningStatus> {
      const access = await target(input.agreementId);
      const { db, agreement, ownerName } = access;
      if (access.side === 'municipality') assertActsForOwner(scope, agreement.space);
      const head = await readHead(db, agreement.space, agreement.id);
      const signatures = head.document
        ? await readSignatures(db, agreement.space, agreement.id, head.document.id)
        : [];
      const slots = signerSlots(agreement, ownerName);
      const { slot, last } = assertCanSign({
        status: agreement.status,
        document: head.document,
        slots,
        signatures,
        signer: {
          user: scope.actor,
          name: signer.name,
          space: scope.space,
          reach: scope.reach,
          roles: scope.roles,
        },
        documentHash: input.documentHash,
        consent: input.consent,
        termsVersion: agreement.termsVersion,
      });
      const document = head.document!;
      const now = new Date().toISOString();
      const signature: Signature = {
        slotId: slot.id,
        // A provider's signature belongs to its party (SPEC §2 rule 6); the owner's carries none.
        ...(slot.party && slot.partyRole ? { party: slot.party, partyRole: slot.partyRole } : {}),
        order: slot.order,
        documentId: document.id,
        documentHash: document.sha256,
        signer: scope.actor,
        signerName: signer.name,
        signerSpace: scope.space,
        // The organisation signed for is the slot's: for a region's agreement that is the region.
        organisation: slot.space,
        organisationName: slot.organisationName,
        side: slot.side,
        at: now,
        consentVersion: CONSENT.version,
        consentText: CONSENT.nl,
        level: 'simple',
      };
      const audit = nextAuditEvent(db, agreement.space, agreement, {
        at: now,
        actor: scope.actor,
        actorName: scope.actorName,
        organisation: scope.organisation,
        action: 'sign',
        objectType: 'signature',
        objectId: agreement.id,
        changes: {
          [`signature.${slot.id}`]: {
            before: null,
            after: {
              slotId: signature.slotId,
              party: signature.party ?? null,
              signer: signature.signer,
              signerName: signature.signerName,
              organisation: signature.organisation,
              documentHash: signature.documentHash,
              consentVersion: signature.consentVersion,
              consentText: signature.consentText,
              level: signature.level,
            },
          },
        },
      });
      const items: TransactItem[] = [
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.signature(agreement.space, agreement.id, document.id, slot.id),
              type: 'signature',
              ...signature,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: db.tableName,
            Key: keys.signing(agreement.space, agreement.id),
            UpdateExpression: 'SET version = :next',
            ConditionExpression: 'version = :version AND #document.id = :documentId',
            ExpressionAttributeNames: { '#document': 'document' },
            ExpressionAttributeValues: {
              ':next': head.version + 1,
              ':version': head.version,
              ':documentId': document.id,
            },
          },
        },
        audit.put,
      ];
      if (last) {
        // The municipality's signatory signs last (signerSlots), so this runs with the owner's own reach and
        // writes the transition's mirrors (party views, indexes, deadlines) like any transition does.
        const transition = await agreementRepository(db, scope).prepareWorkflowTransition(
          { ...agreement, ...audit.head },
          'active',
          `Signed by all ${slots.length} signers (document ${document.sha256})`,
        );
        items.push(...transition.items);
      } else {
        items.push(headUpdate(db, agreement, audit.head));
      }
      await write(items, db, 'Someone signed or changed the document meanwhile; reload and try again');
      return statusOf(await target(input.agreementId));
    },

    /**
     * Agreements waiting for signature that the caller can see, each with its signing state: for a provider its
     * party views out for signature, for a municipal user the space's register by status. Bounded by `limit`.
     */
    /** Agreements out for signature in every space the caller reaches (a region's too), newest first. */
    async inbox(filter: { limit: number }): Promise<SigningStatus[]> {
      const pages = await Promise.all(
        scope.reach.map((space) =>
          guard(() =>
            base.doc.send(
              new QueryCommand({
                TableName: base.tableName,
                IndexName: 'gsi3',
                KeyConditionExpression: 'gsi3pk = :pk',
                ExpressionAttributeValues: { ':pk': `${keys.registerIndex(space)}#STATUS#out_for_signature` },
                ScanIndexForward: false,
                Limit: filter.limit,
              }),
            ),
          ),
        ),
      );
      const ids = pages
        .flatMap((page) => page.Items ?? [])
        .sort((x, y) =>
          String(x.gsi3sk) < String(y.gsi3sk) ? 1 : String(x.gsi3sk) > String(y.gsi3sk) ? -1 : 0,
        )
        .slice(0, filter.limit)
        .map((item) => item.id as string);
      return Promise.all(ids.map(async (id) => statusOf(await target(id))));
    },
  };
}

export type SigningRepository = ReturnType<typeof signingRepository>;
