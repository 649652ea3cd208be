import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  allocate,
  checkValues,
  DomainError,
  groupParagraph,
  indicatorRows,
  indicatorsChanged,
  memberAgreementState,
  notFound,
  type Paragraph,
  type ParagraphRow,
  type PcAgreeInput,
  type PcMemberView,
  type PcRecordValuesInput,
  type PcSetFinancialsInput,
  type PcSetIndicatorsInput,
  type PcSetProfileInput,
  type PcSetRecord,
  type PcView,
  type PcYearRecord,
  paragraphRow,
  pcAccess,
  pcMemberVisible,
  pcView,
  type WgrCalendarRecord,
  wgrBudget,
} from '@regie/core';
import { type AgreementAccess, auditInCollection } from './agreement-access.ts';
import { agreementRepository, loadAgreement } from './agreements.ts';
import type { Db } from './client.ts';
import { readSpace } from './directory.ts';
import { guard } from './errors.ts';
import { keys } from './keys.ts';
import { stripKeys } from './query.ts';
import type { Scope } from './scope.ts';
import { transact } from './transact.ts';
import { wgrRepository } from './wgr.ts';

const thisYear = () => new Date().getUTCFullYear();

/** The most GRs one paragraaf reads per space (a municipality takes part in a few dozen at most). */
const MAX_PARAGRAPH_PAGES = 5;

/**
 * P&C harmonised in content (issue 16 point 5, core pc-indicators.ts): per GR one item `PC#SET` (the indicator set,
 * the members' agreements, the verbonden-partij profile) and per budget year one item `PC#YEAR#<year>` (targets,
 * realised values, the party's figures), both in the GR agreement's collection, each versioned on its own and
 * written with its audit event in one transaction. Reading follows the agreement's reach (the region and its
 * members; anyone else NOT_FOUND); what one member sees of another is cut down by `pcView` / `pcMemberVisible`.
 * Audit events record versions and the set's content, never a member's entered interest (every member reads the
 * agreement's audit trail).
 */
export function pcRepository(db: Db, scope: Scope) {
  async function loadGr(agreementId: string) {
    const agreement = await loadAgreement(db, scope.reach, agreementId);
    if (agreement.kind !== 'joint_arrangement') {
      throw new DomainError('BAD_REQUEST', 'pc.notAGr', {
        field: 'agreementId',
        message: 'Only a gemeenschappelijke regeling carries an indicator set',
      });
    }
    return grOf(agreement);
  }

  async function grOf(agreement: Awaited<ReturnType<typeof loadAgreement>>) {
    const region = await readSpace(db, agreement.space);
    const members = agreement.allocationKey?.weights.map((w) => w.space) ?? region?.members ?? [];
    return {
      agreement,
      members,
      names: region?.memberNames ?? {},
      ownerName: region?.name ?? agreement.space,
    };
  }
  type Gr = Awaited<ReturnType<typeof grOf>>;

  async function get<T>(key: { pk: string; sk: string }): Promise<T | null> {
    const result = await guard(() =>
      db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true })),
    );
    return result.Item ? stripKeys<T>(result.Item) : null;
  }
  const readSet = (gr: Gr) => get<PcSetRecord>(keys.pcSet(gr.agreement.space, gr.agreement.id));
  const readYear = (gr: Gr, year: number) =>
    get<PcYearRecord>(keys.pcYear(gr.agreement.space, gr.agreement.id, year));

  function requireEdit(gr: Gr) {
    if (!pcAccess(scope, gr.agreement.space, gr.members).canEdit) {
      throw new DomainError('FORBIDDEN', 'pc.regionOnly', {
        message: 'Only the region that holds the GR changes its indicators and figures',
      });
    }
  }
  function checkVersion(current: number, expected: number) {
    if (current !== expected) {
      throw new DomainError('CONFLICT', 'pc.versionConflict', {
        params: { version: current, expectedVersion: expected },
        message: `Changed meanwhile (version ${current}, you sent ${expected})`,
      });
    }
  }

  /** One item and its audit event in one transaction; a stale version is a CONFLICT. */
  async function save(
    gr: Gr,
    key: { pk: string; sk: string },
    type: string,
    before: { version: number } | null,
    next: object & { updatedAt: string },
    event: { action: string; changes: Record<string, { before: unknown; after: unknown }> },
  ) {
    const access: AgreementAccess = {
      db,
      agreement: gr.agreement,
      ownerName: gr.ownerName,
      side: 'municipality',
    };
    await transact(
      db,
      [
        {
          Put: {
            TableName: db.tableName,
            Item: { ...key, type, ...next },
            ConditionExpression: before ? 'version = :v' : 'attribute_not_exists(pk)',
            ExpressionAttributeValues: before ? { ':v': before.version } : undefined,
          },
        },
        ...auditInCollection(access, scope, {
          at: next.updatedAt,
          action: event.action,
          objectType: 'pc',
          changes: event.changes as never,
        }),
      ],
      new DomainError('CONFLICT', 'pc.changedMeanwhile', {
        message: 'Changed meanwhile; reload and try again',
      }),
    );
  }

  function view(gr: Gr, year: number, record: PcSetRecord | null, yearRecord: PcYearRecord | null): PcView {
    return pcView({
      agreementId: gr.agreement.id,
      grSpace: gr.agreement.space,
      year,
      record,
      yearRecord,
      members: gr.members,
      names: gr.names,
      caller: scope,
    });
  }

  const stamp = () => ({
    updatedAt: new Date().toISOString(),
    updatedBy: scope.actor,
    ...(scope.actorName ? { updatedByName: scope.actorName } : {}),
  });

  function emptySet(gr: Gr, at: string): PcSetRecord {
    return {
      agreementId: gr.agreement.id,
      version: 0,
      setVersion: 0,
      indicators: [],
      agreements: {},
      createdAt: at,
      createdBy: scope.actor,
      updatedAt: at,
      updatedBy: scope.actor,
    };
  }
  function emptyYear(gr: Gr, year: number, at: string): PcYearRecord {
    return {
      agreementId: gr.agreement.id,
      year,
      version: 0,
      targets: {},
      realised: {},
      createdAt: at,
      createdBy: scope.actor,
      updatedAt: at,
      updatedBy: scope.actor,
    };
  }

  return {
    async get(agreementId: string, year: number): Promise<PcView> {
      const gr = await loadGr(agreementId);
      return view(gr, year, await readSet(gr), await readYear(gr, year));
    },

    /** Creates (expectedVersion 0) or replaces the set; a change of content asks every member to agree again. */
    async setIndicators(input: PcSetIndicatorsInput): Promise<PcView> {
      const gr = await loadGr(input.agreementId);
      requireEdit(gr);
      const current = await readSet(gr);
      checkVersion(current?.version ?? 0, input.expectedVersion);
      const changes = stamp();
      const base = current ?? emptySet(gr, changes.updatedAt);
      const changed = indicatorsChanged(base.indicators, input.indicators);
      const next: PcSetRecord = {
        ...base,
        ...changes,
        version: base.version + 1,
        setVersion: changed ? base.setVersion + 1 : base.setVersion,
        indicators: input.indicators,
      };
      await save(gr, keys.pcSet(gr.agreement.space, gr.agreement.id), 'pcSet', current, next, {
        action: 'pc.indicators',
        changes: {
          'pc.indicators': {
            before: current ? { setVersion: current.setVersion, indicators: current.indicators } : null,
            after: { setVersion: next.setVersion, indicators: next.indicators },
          },
        },
      });
      return view(gr, thisYear(), next, await readYear(gr, thisYear()));
    },

    /** The verbonden-partij profile (legal form, public interest, governance interest, sharing). */
    async setProfile(input: PcSetProfileInput): Promise<PcView> {
      const gr = await loadGr(input.agreementId);
      requireEdit(gr);
      const current = await readSet(gr);
      checkVersion(current?.version ?? 0, input.expectedVersion);
      const changes = stamp();
      const base = current ?? emptySet(gr, changes.updatedAt);
      const next: PcSetRecord = { ...base, ...changes, version: base.version + 1, profile: input.profile };
      await save(gr, keys.pcSet(gr.agreement.space, gr.agreement.id), 'pcSet', current, next, {
        action: 'pc.profile',
        changes: { 'pc.profile': { before: current?.profile ?? null, after: input.profile } },
      });
      return view(gr, thisYear(), next, await readYear(gr, thisYear()));
    },

    /** A member's agreement to the current version of the set (its own users, or the region on its behalf). */
    async agree(input: PcAgreeInput): Promise<PcView> {
      const gr = await loadGr(input.agreementId);
      if (!gr.members.includes(input.member)) {
        throw new DomainError('BAD_REQUEST', 'pc.notMember', {
          field: 'member',
          message: 'This municipality does not take part in the GR',
        });
      }
      if (!pcAccess(scope, gr.agreement.space, gr.members).canAgreeFor.includes(input.member)) {
        throw new DomainError('FORBIDDEN', 'pc.ownMemberOnly', {
          message: 'A member agrees only for itself',
        });
      }
      const current = await readSet(gr);
      if (!current || current.setVersion === 0) throw notFound('Object');
      checkVersion(current.version, input.expectedVersion);
      if (current.setVersion !== input.setVersion) {
        throw new DomainError('CONFLICT', 'pc.staleSetVersion', {
          params: { setVersion: current.setVersion },
          message: `The set changed (now version ${current.setVersion})`,
        });
      }
      const changes = stamp();
      const agreement = {
        setVersion: current.setVersion,
        at: changes.updatedAt,
        by: scope.actor,
        ...(scope.actorName ? { byName: scope.actorName } : {}),
      };
      const next: PcSetRecord = {
        ...current,
        ...changes,
        version: current.version + 1,
        agreements: { ...current.agreements, [input.member]: agreement },
      };
      await save(gr, keys.pcSet(gr.agreement.space, gr.agreement.id), 'pcSet', current, next, {
        action: 'pc.agree',
        changes: {
          [`pc.agreement.${input.member}`]: {
            before: current.agreements[input.member]?.setVersion ?? null,
            after: current.setVersion,
          },
        },
      });
      return view(gr, thisYear(), next, await readYear(gr, thisYear()));
    },

    /** Targets (draft-budget step) or realised values (annual-accounts step) of a year; others are kept. */
    async recordValues(input: PcRecordValuesInput): Promise<PcView> {
      const gr = await loadGr(input.agreementId);
      requireEdit(gr);
      const set = await readSet(gr);
      checkValues(set, gr.members, input.step, input.values);
      const current = await readYear(gr, input.year);
      checkVersion(current?.version ?? 0, input.expectedVersion);
      const changes = stamp();
      const base = current ?? emptyYear(gr, input.year, changes.updatedAt);
      const field = input.step === 'draftBudget' ? 'targets' : 'realised';
      const values = { ...base[field] };
      for (const v of input.values) values[v.indicatorId] = v.value;
      const next: PcYearRecord = {
        ...base,
        ...changes,
        version: base.version + 1,
        [field]: values,
        ...(input.step === 'draftBudget' ? { targetsSetVersion: set!.setVersion } : {}),
      };
      await save(gr, keys.pcYear(gr.agreement.space, gr.agreement.id, input.year), 'pcYear', current, next, {
        action: input.step === 'draftBudget' ? 'pc.targets' : 'pc.realised',
        changes: { [`pc.${input.year}.${field}`]: { before: current?.[field] ?? null, after: values } },
      });
      return view(gr, input.year, set, next);
    },

    /** The party's figures of a year and the members' entered interests. */
    async setFinancials(input: PcSetFinancialsInput): Promise<PcView> {
      const gr = await loadGr(input.agreementId);
      requireEdit(gr);
      input.financials.interests.forEach((i, n) => {
        if (!gr.members.includes(i.member)) {
          throw new DomainError('BAD_REQUEST', 'pc.notMember', {
            field: `financials.interests.${n}.member`,
            message: 'This municipality does not take part in the GR',
          });
        }
      });
      const current = await readYear(gr, input.year);
      checkVersion(current?.version ?? 0, input.expectedVersion);
      const changes = stamp();
      const base = current ?? emptyYear(gr, input.year, changes.updatedAt);
      const next: PcYearRecord = {
        ...base,
        ...changes,
        version: base.version + 1,
        financials: input.financials,
      };
      // The audit trail is every member's to read: the interests are named by member only.
      const summary = (f: PcYearRecord['financials']) =>
        f ? { ...f, interests: f.interests.map((i) => i.member) } : null;
      await save(gr, keys.pcYear(gr.agreement.space, gr.agreement.id, input.year), 'pcYear', current, next, {
        action: 'pc.financials',
        changes: {
          [`pc.${input.year}.financials`]: {
            before: summary(current?.financials),
            after: summary(next.financials),
          },
        },
      });
      return view(gr, input.year, await readSet(gr), next);
    },

    /**
     * One member's view for a year: the indicators (baseline, target, realised) next to its contribution and its
     * council's opinion. Another member's view answers NOT_FOUND unless the arrangement shares member rows.
     */
    async member(agreementId: string, year: number, member: string): Promise<PcMemberView> {
      const gr = await loadGr(agreementId);
      const set = await readSet(gr);
      if (!gr.members.includes(member) || !pcMemberVisible(scope, gr.agreement.space, member, set?.profile))
        throw notFound('Object');
      const calendar = await wgrRepository(db, scope).get(agreementId, year);
      const row = calendar.members.find((m) => m.space === member);
      const setVersion = set?.setVersion ?? 0;
      const agreed = set?.agreements[member];
      return {
        agreementId,
        year,
        member,
        name: gr.names[member] ?? member,
        setVersion,
        agreement: memberAgreementState(agreed, setVersion),
        contributionCents: row?.contributionCents ?? null,
        opinion: row?.opinion
          ? {
              outcome: row.opinion.outcome ?? null,
              opinionSubmitted: row.opinion.opinionSubmitted ?? null,
              summary: row.opinion.summary ?? null,
            }
          : null,
        indicators: indicatorRows(set?.indicators ?? [], await readYear(gr, year)),
      };
    },

    /**
     * The caller's own municipality's paragraaf verbonden partijen for a year (BBV art. 15): every GR in its reach
     * it takes part in, read by the register's kind index per space (no scan), grouped by legal form.
     */
    async paragraph(year: number): Promise<Paragraph> {
      const agreements = agreementRepository(db, scope);
      const rows: ParagraphRow[] = [];
      for (const space of scope.reach) {
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await agreements.find({ space, kind: 'joint_arrangement', cursor, limit: 100 });
          for (const found of page.items) {
            const gr = await grOf(await loadAgreement(db, scope.reach, found.id));
            if (!gr.members.includes(scope.space) && gr.agreement.space !== scope.space) continue;
            const [set, yearRecord, calendar] = await Promise.all([
              readSet(gr),
              readYear(gr, year),
              get<WgrCalendarRecord>(keys.wgrCalendar(gr.agreement.space, gr.agreement.id, year)),
            ]);
            const budget = wgrBudget(calendar?.plan ?? {}, gr.agreement, year);
            const key = gr.agreement.allocationKey;
            const contribution =
              budget.cents !== null && key
                ? (allocate(budget.cents, key).find((s) => s.space === scope.space)?.cents ?? null)
                : null;
            rows.push(
              paragraphRow({
                agreement: gr.agreement,
                partyName: gr.agreement.parties[0]?.name ?? null,
                member: scope.space,
                profile: set?.profile,
                financials: yearRecord?.financials,
                contributionCents: contribution,
              }),
            );
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor && ++pages < MAX_PARAGRAPH_PAGES);
      }
      const groups = groupParagraph(rows);
      return { space: scope.space, year, groups, complete: rows.every((r) => r.missing.length === 0) };
    },
  };
}
