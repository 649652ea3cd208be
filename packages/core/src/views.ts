import * as z from 'zod/mini';
import type { Agreement } from './agreement.ts';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, DOMAINS } from './agreement.ts';
import { ALLOCATION_METHODS } from './allocation.ts';
import './schema.ts';
import { DATA_FIELD_TYPES } from './deliveries.ts';
import { type DueState, REPORT_FREQUENCIES } from './duties.ts';
import { INCENTIVE_BASES, INCENTIVE_KINDS } from './incentives.ts';
import type { Meeting } from './kpi.ts';
import { EVENT_DUTIES, KPI_DEPTHS } from './relation.ts';
import {
  SERVICE_LEVEL_DIRECTIONS,
  SERVICE_LEVEL_PERIODS,
  SERVICE_LEVEL_UNITS,
  SERVICE_PRICE_UNITS,
} from './services.ts';
import { advancedCents, SETTLEMENT_GROUNDS, type SubsidyRecord, settlementBalance } from './subsidy.ts';
import { EXECUTION_VARIANTS, FREQUENCIES, PARTY_ROLES, UNITS } from './terms.ts';
import { WOO_CATEGORIES } from './woo.ts';

/**
 * What a provider's users may see of an agreement they are party to (SPEC §2 rule 4): the agreed terms,
 * their own party entry and the owner's name. Never: other parties, the allocation key between
 * municipalities, who drafted or changed it internally, approvals, internal notes or budget reserves.
 *
 * The schema is an explicit allow-list: parsing strips every field it does not name.
 */
const productLineView = z.object({
  id: z.string(),
  category: z.string(),
  productCode: z.string(),
  description: z.optional(z.string()),
  variant: z.enum(EXECUTION_VARIANTS),
  unit: z.optional(z.enum(UNITS)),
  frequency: z.optional(z.enum(FREQUENCIES)),
  tariffCents: z.optional(z.int()),
  volumeCeiling: z.optional(z.int()),
  moneyCeilingCents: z.optional(z.int()),
  lumpSumCents: z.optional(z.int()),
  population: z.optional(z.string()),
});
const dutyView = z.object({
  id: z.string(),
  kind: z.enum(['periodic', 'event']),
  title: z.string(),
  frequency: z.optional(z.enum(REPORT_FREQUENCIES)),
  dueDays: z.optional(z.int()),
  event: z.optional(z.enum(EVENT_DUTIES)),
  responseDays: z.optional(z.int()),
  /** The figures each report delivers: the provider fills them in. */
  dataSpec: z.optional(
    z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        unit: z.optional(z.string()),
        type: z.enum(DATA_FIELD_TYPES),
        required: z.boolean(),
      }),
    ),
  ),
});
/** A service of the catalogue with its levels and price model (services.ts): both sides see the same. */
const serviceView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  levels: z.array(
    z.object({
      id: z.string(),
      measure: z.string(),
      unit: z.enum(SERVICE_LEVEL_UNITS),
      target: z.number(),
      direction: z.enum(SERVICE_LEVEL_DIRECTIONS),
      share: z.optional(z.number()),
      period: z.enum(SERVICE_LEVEL_PERIODS),
    }),
  ),
  price: z.discriminatedUnion('model', [
    z.object({ model: z.literal('fixed'), yearlyCents: z.int() }),
    z.object({
      model: z.literal('perUnit'),
      unit: z.enum(SERVICE_PRICE_UNITS),
      unitPriceCents: z.int(),
      quantity: z.optional(z.number()),
    }),
    z.object({
      model: z.literal('basePlusUnit'),
      baseYearlyCents: z.int(),
      unit: z.enum(SERVICE_PRICE_UNITS),
      unitPriceCents: z.int(),
      quantity: z.optional(z.number()),
    }),
  ]),
});
const renewalView = z.nullable(z.object({ options: z.int(), monthsEach: z.int(), used: z.int() }));

/** The terms both views share. */
const termsView = {
  id: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  version: z.int(),
  domain: z.enum(DOMAINS),
  startDate: z.string(),
  endDate: z.string(),
  noticePeriodMonths: z.nullable(z.int()),
  valueCeilingCents: z.nullable(z.int()),
  productLines: z.array(productLineView),
  renewal: renewalView,
  /** What the contractor must report and when: both sides see the same duties. */
  duties: z.array(dutyView),
  yearCeilings: z.array(z.object({ year: z.int(), cents: z.int() })),
  /** The agreed indicator set: both sides see the same. */
  kpis: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      unit: z.string(),
      target: z.number(),
      direction: z.enum(['higher', 'lower']),
      frequency: z.enum(REPORT_FREQUENCIES),
      /** input, output or outcome, when classified (the relation's expected KPI depth reads it). */
      level: z.optional(z.enum(KPI_DEPTHS)),
      /** The delivered field the results come from, when not entered by hand. */
      source: z.optional(z.object({ dutyId: z.string(), field: z.string() })),
    }),
  ),
  /** The incentive arrangement on the KPIs (agreed terms: both sides see the same; incentives.ts). */
  incentives: z.optional(
    z.array(
      z.object({
        kpiId: z.string(),
        kind: z.enum(INCENTIVE_KINDS),
        basis: z.enum(INCENTIVE_BASES),
        value: z.int(),
        threshold: z.optional(z.number()),
        yearlyCapCents: z.int(),
      }),
    ),
  ),
  /** A service agreement's catalogue; a party view projected before catalogues existed reads as none. */
  services: z._default(z.array(serviceView), []),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const partyViewSchema = z.object({
  ...termsView,
  view: z.literal('party'),
  ownerSpace: z.string(),
  ownerName: z.string(),
  /** The reports the municipality expects next from this party, one per periodic duty. */
  due: z.array(
    z.object({ dutyId: z.string(), dutyTitle: z.string(), period: z.string(), dueDate: z.string() }),
  ),
  party: z.object({
    organisationId: z.string(),
    name: z.string(),
    role: z.enum(PARTY_ROLES),
    kvkNumber: z.string(),
  }),
  /**
   * For a subsidy, what the recipient is told in its decisions (Awb 4:2, 3:46): the application as received, the
   * grant with the term to apply for settlement, the settlement with its ground and motivation, the advances paid
   * and the balance. Never who decided, nor the municipality's own checks (4:60, 4:51).
   */
  subsidy: z.optional(
    z.nullable(
      z.object({
        applicationDate: z.string(),
        requestedCents: z.int(),
        grant: z.nullable(
          z.object({ amountCents: z.int(), date: z.string(), settlementDueDate: z.string() }),
        ),
        settlement: z.nullable(
          z.object({
            amountCents: z.int(),
            date: z.string(),
            exOfficio: z.boolean(),
            ground: z.nullable(z.enum(SETTLEMENT_GROUNDS)),
            motivation: z.nullable(z.string()),
          }),
        ),
        advances: z.array(z.object({ id: z.string(), date: z.string(), amountCents: z.int() })),
        advancedCents: z.int(),
        balanceCents: z.nullable(z.int()),
      }),
    ),
  ),
});
export type PartyView = z.infer<typeof partyViewSchema>;

/** The recipient's side of a subsidy's Awb record (see `partyViewSchema.subsidy`). */
function recipientSubsidy(record: SubsidyRecord | null | undefined): PartyView['subsidy'] {
  if (!record) return null;
  return {
    applicationDate: record.applicationDate,
    requestedCents: record.requestedCents,
    grant: record.grant
      ? {
          amountCents: record.grant.amountCents,
          date: record.grant.at.slice(0, 10),
          settlementDueDate: record.grant.settlementDueDate,
        }
      : null,
    settlement: record.settlement
      ? {
          amountCents: record.settlement.amountCents,
          date: record.settlement.at.slice(0, 10),
          exOfficio: record.settlement.exOfficio,
          ground: record.settlement.ground,
          motivation: record.settlement.motivation,
        }
      : null,
    advances: (record.advances ?? []).map(({ id, date, amountCents }) => ({ id, date, amountCents })),
    advancedCents: advancedCents(record),
    balanceCents: settlementBalance(record),
  };
}

/** The party view of one provider party of an agreement. */
export function toPartyView(
  agreement: Agreement,
  ownerName: string,
  providerSpace: string,
  due: readonly DueState[] = [],
): PartyView | null {
  const party = agreement.parties.find((p) => p.providerSpace === providerSpace);
  if (!party) return null;
  return partyViewSchema.parse({
    ...agreement,
    view: 'party',
    ownerSpace: agreement.space,
    ownerName,
    // Only this party's own dues: what another party owes is not its to see (SPEC §2 rule 6).
    due: due
      .filter((d) => d.party === providerSpace)
      .map(({ dutyId, dutyTitle, period, dueDate }) => ({ dutyId, dutyTitle, period, dueDate })),
    party: {
      organisationId: party.organisationId,
      name: party.name,
      role: party.role,
      kvkNumber: party.kvkNumber,
    },
    subsidy: agreement.kind === 'subsidy' ? recipientSubsidy(agreement.subsidy) : null,
  });
}

/**
 * What a provider's users see of a meeting in the dialogue log (SPEC §2 rules 4 and 6, §4.7). Of a meeting the
 * municipality recorded: its date and kind and the provider's own party's score — never the notes, participants
 * or actions (the municipality's own record), the municipality's score (an internal assessment) or another
 * party's score. Of a meeting its own party recorded: also what it wrote itself. Another party's meetings: none.
 * An allow-list like `partyViewSchema`: parsing strips every field it does not name.
 */
const answersView = z.object({
  openness: z.int(),
  agreements: z.int(),
  information: z.int(),
  understanding: z.int(),
});

export const meetingPartyViewSchema = z.object({
  id: z.string(),
  agreementId: z.string(),
  date: z.string(),
  kind: z.enum(['meeting', 'evaluation']),
  side: z.enum(['provider', 'municipality']),
  version: z.int(),
  /** The caller's own party's score. */
  scores: z.object({ provider: z.optional(z.int()) }),
  /** The caller's own party's answers to the collaboration questions. */
  answers: z.optional(z.object({ provider: z.optional(answersView) })),
  participants: z.optional(z.array(z.string())),
  notes: z.optional(z.string()),
  /**
   * Of its own record: every action. Of the municipality's: only the actions its own party owns (issue 14 point
   * 5: the provider sees what it must do, with its due date), so `index` keeps the stored position.
   */
  actions: z.optional(
    z.array(
      z.object({
        text: z.string(),
        owner: z.string(),
        due: z.optional(z.string()),
        side: z.optional(z.enum(['municipality', 'provider'])),
        done: z.optional(z.object({ at: z.string() })),
        index: z.optional(z.int()),
      }),
    ),
  ),
  recordedAt: z.optional(z.string()),
});
export type MeetingPartyView = z.infer<typeof meetingPartyViewSchema>;

/** A meeting as `dialogue.list` answers it: the owner's full record, or a provider's allow-listed view. */
export type MeetingView = Pick<
  Meeting,
  'id' | 'agreementId' | 'date' | 'kind' | 'side' | 'version' | 'scores'
> &
  Partial<
    Omit<Meeting, 'id' | 'agreementId' | 'date' | 'kind' | 'side' | 'version' | 'scores' | 'actions'>
  > & {
    /** A provider's view numbers each action it sees by its stored position (`dialogue.actionDone`). */
    actions?: (Omit<Meeting['actions'][number], 'done'> & { index?: number; done?: { at: string } })[];
  };

/** One provider party's view of a meeting, or null when the meeting is another party's. */
export function toMeetingPartyView(meeting: Meeting, providerSpace: string): MeetingPartyView | null {
  if (meeting.side === 'provider' && meeting.party !== providerSpace) return null;
  const own = meeting.partyScores.find((s) => s.party === providerSpace);
  const ownRecord = meeting.side === 'provider';
  const indexed = meeting.actions.map((a, index) => ({ ...a, index }));
  // Of the municipality's record only the actions this party owns (a co-party's or the municipality's stay out).
  const ownActions = indexed.filter((a) => a.side === 'provider' && a.party === providerSpace);
  return meetingPartyViewSchema.parse({
    id: meeting.id,
    agreementId: meeting.agreementId,
    date: meeting.date,
    kind: meeting.kind,
    side: meeting.side,
    version: meeting.version,
    scores: own === undefined ? {} : { provider: own.score },
    ...(own?.answers ? { answers: { provider: own.answers } } : {}),
    ...(ownRecord
      ? {
          participants: meeting.participants,
          notes: meeting.notes,
          actions: indexed,
          recordedAt: meeting.recordedAt,
        }
      : ownActions.length > 0
        ? { actions: ownActions }
        : {}),
  });
}

/**
 * What the owning municipality's (or region's) users see: every field of the agreement, each member's
 * share for a region-owned agreement with an allocation key, and the moves the caller may make now (for
 * the UI; the server checks again on every move). Also an allow-list: storage attributes never leave.
 */
export const internalViewSchema = z.object({
  ...termsView,
  view: z.literal('internal'),
  space: z.string(),
  parties: z.array(
    z.object({
      organisationId: z.string(),
      role: z.enum(PARTY_ROLES),
      name: z.string(),
      kind: z.enum(['provider', 'joint_body']),
      kvkNumber: z.string(),
      providerSpace: z.nullable(z.string()),
    }),
  ),
  allocationKey: z.nullable(
    z.object({
      method: z.enum(ALLOCATION_METHODS),
      weights: z.array(z.object({ space: z.string(), weight: z.int() })),
      baseBasisPoints: z.optional(z.int()),
      referenceDate: z.optional(z.string()),
      source: z.optional(z.string()),
    }),
  ),
  parentId: z.nullable(z.string()),
  /** A subsidy's Awb record (subsidy.ts `SubsidyRecord`): shaped and checked by `subsidy.get`'s rules. */
  subsidy: z.optional(z.nullable(z.unknown())),
  publication: z.nullable(
    z.object({
      publish: z.boolean(),
      wooCategory: z.optional(z.enum(WOO_CATEGORIES)),
      suppliedInConfidence: z.optional(z.boolean()),
    }),
  ),
  createdBy: z.string(),
  createdByName: z.optional(z.string()),
  updatedBy: z.string(),
  updatedByName: z.optional(z.string()),
  /** The version at which the terms last changed; approvals and signing documents name it. */
  termsVersion: z.int(),
  /** The approval of the current course (SPEC §5.1): internal only, never in a party view (rule 4). */
  approval: z.nullable(
    z.object({
      by: z.string(),
      byName: z.optional(z.string()),
      at: z.string(),
      termsVersion: z.int(),
      valueCeilingCents: z.nullable(z.int()),
    }),
  ),
  /**
   * Only on the answer to `agreement.update`, when a change of terms after approval was asked returned the
   * agreement to draft: the approval dropped and the document out for signature voided with its signatures.
   */
  amendment: z.optional(
    z.object({
      returnedToDraft: z.literal(true),
      from: z.enum(AGREEMENT_STATUSES),
      approvalDropped: z.boolean(),
      voidedDocument: z.nullable(z.object({ id: z.string(), sha256: z.string() })),
      voidedSignatures: z.int(),
    }),
  ),
  /** A draft shared with the provider parties before it is offered (offer.ts). */
  sharedWithParties: z.optional(z.boolean()),
  shares: z.nullable(z.array(z.object({ space: z.string(), cents: z.int() }))),
  transitions: z.array(z.enum(AGREEMENT_STATUSES)),
  /** Spend so far against the value ceiling: `warning` from 80%, `breach` from 100% (SPEC §4.4). */
  budget: z.nullable(
    z.object({ spentCents: z.int(), usedBasisPoints: z.int(), level: z.enum(['ok', 'warning', 'breach']) }),
  ),
});
export type InternalView = z.infer<typeof internalViewSchema>;

/** Either view, told apart by `view`. */
export const agreementViewSchema = z.discriminatedUnion('view', [internalViewSchema, partyViewSchema]);
export const agreementPageSchema = z.object({
  items: z.array(agreementViewSchema),
  nextCursor: z.nullable(z.string()),
});

/** Compile-time check that the internal view names every field of an Agreement. */
type Missing = Exclude<keyof Agreement, keyof InternalView>;
const everyFieldNamed: Missing extends never ? true : Missing = true;
void everyFieldNamed;
