import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Signature, SigningDocument } from '@regie/core';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import { guard } from './errors.ts';
import { keys, sortKeyPrefixes } from './keys.ts';
import type { TransactItem } from './transact.ts';

/** The signing head of an agreement: which document is current, and a version every change moves. */
export interface SigningHead {
  document: SigningDocument | null;
  version: number;
}

export async function readHead(db: Db, space: string, agreementId: string): Promise<SigningHead> {
  const result = await guard(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.tableName,
        Key: keys.signing(space, agreementId),
        ConsistentRead: true,
      }),
    ),
  );
  return {
    document: (result.Item?.document as SigningDocument | undefined) ?? null,
    version: (result.Item?.version as number | undefined) ?? 0,
  };
}

/** The signatures on one document, in signing order. */
export async function readSignatures(
  db: Db,
  space: string,
  agreementId: string,
  documentId: string,
): Promise<Signature[]> {
  const items = await queryCollection<Signature>(
    db,
    space,
    agreementId,
    sortKeyPrefixes.signature(documentId),
  );
  return items.sort((a, b) => a.order - b.order);
}

/** The signing head's next state, conditional on the version read (or on its absence). */
export function headPut(
  db: Db,
  space: string,
  agreementId: string,
  read: SigningHead,
  next: SigningHead,
): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.signing(space, agreementId), type: 'signing', ...next },
      ConditionExpression: read.version === 0 ? 'attribute_not_exists(pk)' : 'version = :version',
      ExpressionAttributeValues: read.version === 0 ? undefined : { ':version': read.version },
    },
  };
}

/**
 * The items that void an agreement's current document and its signatures when an amendment returns the agreement
 * to draft (agreement.ts `amend`): the head no longer names a document (so status and inbox show none), the
 * document and each signature are marked void — kept, for the record. Conditional on the head read, so a signature
 * or a new document placed meanwhile makes the whole change fail rather than survive it. The caller writes them in
 * the amendment's own transaction, whose one audit event names what was voided.
 */
export async function voidCurrentDocument(
  db: Db,
  agreement: { space: string; id: string },
  actor: string,
  at: string,
): Promise<{ items: TransactItem[]; document: SigningDocument | null; signatures: number }> {
  const head = await readHead(db, agreement.space, agreement.id);
  if (!head.document) return { items: [], document: null, signatures: 0 };
  const document = head.document;
  const signatures = await readSignatures(db, agreement.space, agreement.id, document.id);
  const voided = { at, by: actor, reason: 'amendment' as const };
  const mark = (Key: Record<string, string>): TransactItem => ({
    Update: {
      TableName: db.tableName,
      Key,
      UpdateExpression: 'SET voided = :voided',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':voided': voided },
    },
  });
  return {
    document,
    signatures: signatures.length,
    items: [
      headPut(db, agreement.space, agreement.id, head, { document: null, version: head.version + 1 }),
      mark(keys.document(agreement.space, agreement.id, document.id)),
      ...signatures.map((s) =>
        // Signatures from before slots had an identity were keyed by their position.
        mark(
          keys.signature(
            agreement.space,
            agreement.id,
            document.id,
            s.slotId ?? String(s.order).padStart(2, '0'),
          ),
        ),
      ),
    ],
  };
}
