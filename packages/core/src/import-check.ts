import type { AgreementCreateInput } from './agreement.ts';
import { issueReason, type SchemaIssueLike } from './errors.ts';
import { IMPORTABLE_STATUSES, type ImportRow, type ImportRowResult, importRowSchema } from './import.ts';
import type { AgreementKind, AgreementStatus, PartyRole } from './lists.ts';
import { actsForOwner } from './offer.ts';

/**
 * The server's checks of one batch of `agreement.import` that need nothing but the rows and the owning spaces'
 * registered organisations (pure, unit tested). What needs the register itself — a reference in use, the terms as
 * a create checks them — the repository adds (packages/db/src/agreement-import.ts).
 */

/** A registered organisation as the import matches it: by KvK number, within the owning space. */
export interface ImportOrganisation {
  id: string;
  name: string;
  kind: 'provider' | 'joint_body';
  kvkNumber: string;
}

/** A row that passed: what `prepareCreate` gets, and the status it is written in. */
export interface ImportCandidate {
  row: ImportRow;
  input: AgreementCreateInput;
  status: AgreementStatus;
}

/**
 * The role a matched organisation takes, since a file names parties without one: a joint body (openbaar lichaam)
 * is a GR's `joint_body`, a provider the `recipient` of a subsidy and the `contractor` of everything else.
 */
export function importPartyRole(
  kind: AgreementKind,
  organisation: { kind: 'provider' | 'joint_body' },
): PartyRole {
  if (organisation.kind === 'joint_body') return 'joint_body';
  return kind === 'subsidy' ? 'recipient' : 'contractor';
}

const invalid = (
  row: { line: number; reference: string },
  field: string,
  { reason, params }: Pick<Required<ImportRowResult>, 'reason' | 'params'>,
): ImportRowResult => ({
  line: row.line,
  reference: row.reference,
  outcome: 'invalid',
  field,
  reason,
  params,
});

/** The reference as the register keys it: one reference per space, case-insensitive (keys.reference). */
const referenceKey = (space: string, reference: string) => `${space}\u0000${reference.toUpperCase()}`;

/**
 * Checks every row of a batch, in order: the row's schema again (a caller may skip the web app), whether the
 * caller writes in the owning space (a member reads a region's register but only the region's own users write it,
 * as for `agreement.create`), the status against IMPORTABLE_STATUSES, the reference against the rows before it, and
 * every party against the owning space's organisations by KvK. `organisationsOf(space)` lists that space's
 * organisations by KvK number. Each row is either an invalid result (field and reason) or a candidate.
 */
export function checkImportRows(
  rows: readonly unknown[],
  caller: { space: string },
  organisationsOf: (space: string) => ReadonlyMap<string, ImportOrganisation>,
): (ImportRowResult | ImportCandidate)[] {
  const firstLine = new Map<string, number>();
  return rows.map((raw, index) => {
    const parsed = importRowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const probe = (raw ?? {}) as { line?: unknown; reference?: unknown };
      return invalid(
        {
          line: typeof probe.line === 'number' ? probe.line : index + 1,
          reference: typeof probe.reference === 'string' ? probe.reference : '',
        },
        issue.path.join('.'),
        issueReason(issue as unknown as SchemaIssueLike),
      );
    }
    const row = parsed.data;
    const space = row.space ?? caller.space;
    const key = referenceKey(space, row.reference);
    const earlier = firstLine.get(key);
    if (earlier === undefined) firstLine.set(key, row.line);
    if (!actsForOwner(caller, space)) {
      return invalid(row, 'space', { reason: 'region.onlyOwnUsers', params: {} });
    }
    const allowed = IMPORTABLE_STATUSES[row.kind];
    if (!allowed.includes(row.status)) {
      return invalid(row, 'status', {
        reason: 'import.statusNotImportable',
        params: { kind: row.kind, status: row.status, allowed: allowed.join(', ') },
      });
    }
    if (earlier !== undefined) {
      return invalid(row, 'reference', {
        reason: 'import.duplicateInFile',
        params: { reference: row.reference, line: earlier },
      });
    }
    const organisations = organisationsOf(space);
    const parties: NonNullable<AgreementCreateInput['parties']> = [];
    for (const party of row.parties) {
      const organisation = organisations.get(party.kvkNumber);
      if (!organisation) {
        return invalid(row, 'parties', {
          reason: 'import.partyNotRegistered',
          params: { kvkNumber: party.kvkNumber, name: party.name },
        });
      }
      parties.push({ organisationId: organisation.id, role: importPartyRole(row.kind, organisation) });
    }
    const { line: _line, status, parties: _named, ...terms } = row;
    return { row, status, input: { ...terms, parties } };
  });
}

export const isImportCandidate = (value: ImportRowResult | ImportCandidate): value is ImportCandidate =>
  'input' in value;
