/**
 * The domain's own error, with a stable reason key. The API maps `code` to an HTTP/tRPC error in one place
 * (packages/api/src/errors.ts) and sends `reason` and `params` on (SPEC §7); the web app shows the text of the key
 * in the user's language. The English `message` is for logs only.
 *
 * Reason keys are dot-named by area (`mandate.approvalRequired`, `agreement.versionConflict`). Each key lists its
 * parameter names; a parameter ending in `Cents` is money in cents, one ending in `Date` a calendar date
 * (`YYYY-MM-DD`), so a client can format them without knowing the key. This file is browser-safe.
 */
export type DomainErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAVAILABLE';

/** Every reason key → its parameter names. Enumerable, and a typo in a key fails the type check. */
export const REASONS = {
  // The request as such (the API's own refusals, and a fallback per tRPC code).
  'request.invalid': [],
  'request.unauthorized': [],
  'request.forbidden': [],
  'request.notFound': [],
  'request.conflict': [],
  'request.tooManyRequests': [],
  'request.tenantBudget': [],
  'request.failed': [],
  'server.internal': [],
  'server.unavailable': [],
  'database.unavailable': [],
  'cursor.invalid': [],
  'idempotency.keyInvalid': [],
  'idempotency.keyReused': [],
  'idempotency.inProgress': [],
  'idempotency.doneNotStored': ['why'],
  // Validation of an input schema: `validation.<zod issue code>`; custom rules carry their own key.
  'validation.invalid_type': ['expected'],
  'validation.too_big': ['maximum', 'origin'],
  'validation.too_small': ['minimum', 'origin'],
  'validation.invalid_format': ['format'],
  'validation.not_multiple_of': ['divisor'],
  'validation.unrecognized_keys': ['keys'],
  'validation.invalid_union': [],
  'validation.invalid_key': [],
  'validation.invalid_element': [],
  'validation.invalid_value': ['values'],
  'validation.custom': [],
  // Objects that are missing or out of reach (one answer for both).
  'object.notFound': [],
  'agreement.notFound': [],
  'document.notFound': [],
  'space.notFound': [],
  'regulation.notFound': [],
  'party.notFound': [],
  'realisation.notFound': [],
  'calendar.notFound': [],
  'meeting.notFound': [],
  'escalation.notFound': [],
  'signal.notFound': [],
  // Agreements and their life cycle.
  'agreement.endBeforeStart': [],
  'agreement.transitionNotAllowed': ['kind', 'from', 'to', 'allowed'],
  'agreement.transitionRoleRequired': ['kind', 'from', 'to', 'roles'],
  'agreement.decisionRoute': ['route'],
  'agreement.alreadyOffered': ['kind', 'status'],
  'agreement.renewNotActive': [],
  'agreement.frameworkUnknown': [],
  'agreement.callOffOfContract': [],
  'agreement.referenceInUse': ['reference'],
  'agreement.exists': [],
  'agreement.versionConflict': ['version', 'expectedVersion'],
  'agreement.changedMeanwhile': [],
  'agreement.yearsUnique': [],
  'mandate.approvalRequired': ['to', 'thresholdCents'],
  'mandate.noCeiling': ['to'],
  'mandate.approverIsDrafter': [],
  'mandate.raiseNeedsApproval': ['thresholdCents'],
  'renewal.none': [],
  'renewal.noOptionLeft': ['used', 'options'],
  'renewal.moreUsedThanOptions': ['used', 'options'],
  'region.onlyOwnUsers': [],
  'party.unknown': ['organisationId'],
  'party.duplicate': [],
  'party.notProvider': [],
  'party.nameRequired': [],
  'productLine.notAllowed': [],
  'productLine.categoryRange': ['category', 'from', 'to'],
  'productLine.codeDuplicate': ['productCode'],
  'productLine.lumpSumRequired': [],
  'productLine.taskHasNoTariff': [],
  'productLine.unitRequired': ['variant'],
  'productLine.frequencyRequired': ['variant'],
  'productLine.tariffRequired': ['variant'],
  'productLine.lumpSumOnlyTask': [],
  'productLine.unknown': [],
  // The service catalogue of a service agreement (services.ts).
  'service.notAllowed': ['kind'],
  'service.nameDuplicate': ['name'],
  'service.idDuplicate': [],
  'service.quantityDecimals': [],
  'service.percentTooHigh': [],
  // Service-level reports (service-levels.ts).
  'serviceReport.unknownLevel': [],
  'serviceReport.duplicate': [],
  'serviceReport.valueOutOfRange': ['measure'],
  'serviceReport.wrongPeriod': ['period'],
  'serviceReport.outsideTerm': [],
  'serviceReport.noCatalogue': [],
  'serviceReport.providerReports': [],
  'serviceReport.alreadyReported': [],
  'allocation.notRegion': [],
  'allocation.notMember': ['space', 'region'],
  'allocation.amountInvalid': [],
  'allocation.noWeight': [],
  'allocation.noKey': [],
  'allocation.memberTwice': [],
  'allocation.fixedNotHundred': [],
  'allocation.inhabitantsSource': [],
  'allocation.baseMissing': [],
  // Duties, reports, KPIs, dialogue.
  'duty.unknown': [],
  'duty.periodicNeedsFrequency': [],
  'duty.eventNeedsEvent': [],
  'report.agreementNotActive': ['status'],
  'report.notExpected': [],
  'report.wrongPeriod': ['period'],
  'report.changedMeanwhile': [],
  'kpi.unknown': [],
  'kpi.noResult': [],
  'kpi.noValueYet': [],
  'kpi.versionConflict': ['version', 'expectedVersion'],
  'kpi.sourceInvalid': ['kpi'],
  'kpi.fromDelivery': [],
  // Structured data deliveries (deliveries.ts): a report's figures against its duty's data specification.
  'delivery.keysUnique': [],
  'delivery.specOnlyPeriodic': [],
  'delivery.noSpec': [],
  'delivery.fieldRequired': ['field'],
  'delivery.notANumber': ['field'],
  'delivery.outOfRange': ['field', 'type', 'min', 'max'],
  'delivery.tooManyDecimals': ['field', 'type', 'decimals'],
  'delivery.unknownField': ['field'],
  'meeting.versionConflict': ['version', 'expectedVersion'],
  'meeting.ratingRequired': [],
  'meeting.actionUnknown': [],
  'meeting.actionAlreadyDone': [],
  // Result-linked payment (incentives.ts): the arrangement and settling a period.
  'incentive.percentTooHigh': [],
  'incentive.unknownKpi': [],
  'incentive.duplicate': [],
  'incentive.noArrangement': [],
  'incentive.notRunning': ['status'],
  'incentive.periodNotSettleable': ['period'],
  'incentive.alreadySettled': ['period'],
  'incentive.changedMeanwhile': [],
  // Budget.
  'realisation.reversed': [],
  'realisation.versionConflict': ['version'],
  'realisation.changedMeanwhile': [],
  // Signing and documents.
  'signing.notOutForSignature': ['status'],
  'signing.noDocument': [],
  'signing.consentRequired': [],
  'signing.hashMismatch': [],
  'signing.termsChanged': ['documentTermsVersion', 'termsVersion'],
  'signing.termsChangedMeanwhile': [],
  'signing.notASigner': [],
  'signing.allSigned': [],
  'signing.alreadySigned': [],
  'signing.notYourTurn': ['organisationName', 'order', 'count'],
  'signing.changedMeanwhile': [],
  'document.placeRoleRequired': [],
  'document.wrongStatus': ['status'],
  'document.storeUnavailable': [],
  'document.invalidPdf': [],
  'document.encrypted': [],
  'document.activeContent': [],
  'document.embeddedFiles': [],
  // Escalations.
  'escalation.resolved': [],
  'escalation.atTop': ['level'],
  'escalation.resolveForbidden': [],
  'escalation.versionConflict': ['version', 'expectedVersion'],
  'escalation.changedMeanwhile': [],
  // Event notifications (meldingen, issue 14).
  'notification.notFound': [],
  'notification.notEventDuty': [],
  'notification.closed': ['state'],
  'notification.alreadyAcknowledged': [],
  'notification.versionConflict': ['version', 'expectedVersion'],
  'notification.changedMeanwhile': [],
  // Steering (relation type).
  'steering.motivationRequired': ['chosen', 'proposed'],
  'steering.versionConflict': ['version', 'expectedVersion'],
  // Agreed by both sides (relation-confirm.ts): a party's answer to the relation decision.
  'relation.notDecided': [],
  'relation.staleRound': ['round', 'currentRound'],
  'relation.partyUnknown': [],
  'relation.partyHasPortal': [],
  'relation.changedMeanwhile': [],
  'steering.membersOnlyForGr': [],
  'steering.notMember': ['space', 'region'],
  'steering.memberTwice': ['space'],
  'steering.memberOwnRowOnly': ['space'],
  // Governance warnings (governance.ts): the chosen relation contradicts the agreed terms.
  'governance.partnerMonthlyInputEffort': [],
  'governance.bossOutcomeWithoutDuties': [],
  'governance.customerLumpSumWithoutKpis': ['months'],
  'governance.kpiDepthNotReached': ['expectedDepth', 'reachedDepth'],
  'governance.executionVariantDiffers': ['preferred', 'variants'],
  // Applying governance (governance-apply.ts): duties are terms, fixed while approval or signatures run.
  'governance.termsFrozen': ['status'],
  // Simulator flags (simulation.ts): what a contract's terms reward.
  'simulation.uncappedPerUnitLine': ['productCode'],
  'simulation.capNeverBinds': ['productCode', 'neverBinds', 'moneyCeilingCents', 'volumeCapCents'],
  'simulation.variantContradictsRelation': ['productCode', 'relationType', 'preferred'],
  'simulation.forecastCrossesCap': ['productCode', 'month'],
  // Subsidies (Awb title 4.2).
  'subsidy.notASubsidy': [],
  'subsidy.ceilingExceeded': ['amountCents', 'ceilingCents', 'regulation', 'roomLeftCents'],
  'subsidy.ceilingBelowGranted': ['grantedCents'],
  'subsidy.lateApplication': ['bookYear', 'receivedDate', 'deadlineDate', 'weeks'],
  'subsidy.lateMotivationRequired': [],
  'subsidy.settleAtGrantNotProvided': [],
  'subsidy.settleAtGrantAbove': ['limitCents'],
  'subsidy.cannotSettle': ['status'],
  'subsidy.settleOnApplication': [],
  'subsidy.onlyExOfficio': [],
  'subsidy.exOfficioTooEarly': ['dueDate'],
  'subsidy.settlementAboveGrant': ['grantedCents'],
  'subsidy.groundRequired': ['grantedCents'],
  'subsidy.motivationRequired': [],
  'subsidy.groundOnlyLower': [],
  'subsidy.advanceNotGranted': ['status'],
  'subsidy.advancesAboveGrant': ['grantedCents', 'advancedCents', 'leftCents'],
  'subsidy.applicationAfterDecision': [],
  'subsidy.applicationFirst': [],
  'subsidy.cannotGrant': ['status'],
  'subsidy.onlyGrantedSettled': [],
  'regulation.unknown': [],
  'regulation.exists': [],
  'regulation.versionConflict': ['version', 'expectedVersion'],
  'regulation.changedMeanwhile': [],
  // Gemeenschappelijke regelingen (Wgr).
  'wgr.notAGr': [],
  'wgr.regionOnly': [],
  'wgr.notMember': [],
  'wgr.ownOpinionOnly': [],
  'wgr.opinionDateRange': ['year', 'from', 'to'],
  // The rules of an opinion and a plan (wgr-calendar.ts refinements, `params.reason`).
  'wgr.outcomeNeeded': [],
  'wgr.opinionDateNeeded': [],
  'wgr.summaryWithoutOpinion': [],
  'wgr.draftReceivedNeeded': [],
  'wgr.opinionBeforeDraft': [],
  'wgr.answerWithoutOpinion': [],
  'wgr.answerToNoOpinion': [],
  'wgr.answerBeforeOpinion': [],
  'wgr.budgetAdoptionYear': [],
  'wgr.accountsAdoptionYear': [],
  'wgr.versionConflict': ['version', 'expectedVersion'],
  'wgr.changedMeanwhile': [],
  // Per-member take-up under a regional arrangement (issue 16 point 3, takeup.ts).
  'takeup.notRegional': [],
  'takeup.noCatalogue': [],
  'takeup.unknownService': ['serviceId'],
  'takeup.moduleDuplicate': ['serviceId'],
  'takeup.quantityNotPriced': [],
  'takeup.quantityRequired': [],
  'takeup.basisRequired': [],
  'takeup.notMember': [],
  'takeup.regionOnly': [],
  'takeup.versionConflict': ['version', 'expectedVersion'],
  'takeup.changedMeanwhile': [],
  // Usage-based settlement (issue 16 point 4, usage.ts).
  'usage.noTakeup': [],
  'usage.moduleNotTaken': ['serviceId'],
  'usage.quantityMissing': ['serviceId'],
  'usage.versionConflict': ['version', 'expectedVersion'],
  'usage.changedMeanwhile': [],
  'realisation.notMember': [],
  // Register import (issue 13): a cell or column of the file the browser could not read.
  'import.columnMissing': ['column'],
  'import.valueMissing': [],
  'import.dateInvalid': ['value'],
  'import.amountInvalid': ['value'],
  'import.numberInvalid': ['value'],
  'import.kvkInvalid': ['value'],
  'import.partyInvalid': ['value'],
  'import.kindUnknown': ['value'],
  'import.statusUnknown': ['value'],
  'import.domainUnknown': ['value'],
  'import.tooManyRows': ['rows', 'max'],
  'import.fileEmpty': [],
  'import.fileUnreadable': [],
  // Organisations, settings, feeds.
  'organisation.exists': [],
  'organisation.kvkInvalid': [],
  'organisation.agbInvalid': [],
  'organisation.ibanInvalid': [],
  'organisation.changedMeanwhile': [],
  'settings.versionConflict': ['version', 'expectedVersion'],
  'settings.changedMeanwhile': [],
  // The regional benchmark (issue 15 point 4).
  'benchmark.notOptedIn': [],
  'benchmark.optInMembersOnly': [],
  'benchmark.optedOut': [],
  // People of a space (issue 13): user.list / user.invite / user.update.
  'user.notFound': [],
  'user.versionConflict': ['version', 'expectedVersion'],
  'user.changedMeanwhile': [],
  'user.emailInUse': [],
  'user.rolesDoNotFit': ['spaceKind'],
  'user.lastAdmin': ['role'],
  'user.selfDisable': [],
  'ical.changedMeanwhile': [],
  // Register import (agreement.import, issue 13): per-row refusals of the server's check.
  'import.statusNotImportable': ['kind', 'status', 'allowed'],
  'import.duplicateInFile': ['reference', 'line'],
  'import.partyNotRegistered': ['kvkNumber', 'name'],
} as const satisfies Record<string, readonly string[]>;

export type Reason = keyof typeof REASONS;
export type ParamValue = string | number | null;
export type ReasonParamName<R extends Reason> = (typeof REASONS)[R][number];
export type ReasonParams<R extends Reason = Reason> = { [K in ReasonParamName<R>]: ParamValue };

export const REASON_KEYS = Object.keys(REASONS) as Reason[];

export function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && Object.hasOwn(REASONS, value);
}

type NoParams<R extends Reason> = [ReasonParamName<R>] extends [never] ? true : false;
export type DomainErrorOptions<R extends Reason> = {
  /** The input field the error is about, when there is one (dot path). */
  field?: string;
  /** For logs; defaults to the key and its parameters. */
  message?: string;
} & (NoParams<R> extends true ? { params?: Record<string, never> } : { params: ReasonParams<R> });

export class DomainError<R extends Reason = Reason> extends Error {
  readonly code: DomainErrorCode;
  readonly reason: R;
  /** The key's parameters (typed per key at construction). */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** The input field the error is about, when there is one (dot path). */
  readonly field: string | undefined;

  constructor(
    code: DomainErrorCode,
    reason: R,
    ...[options]: NoParams<R> extends true
      ? [options?: DomainErrorOptions<R>]
      : [options: DomainErrorOptions<R>]
  ) {
    const params: Record<string, ParamValue> = options?.params ?? {};
    super(options?.message ?? `${reason} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
    this.code = code;
    this.reason = reason;
    this.params = params;
    this.field = options?.field;
  }
}

/** What `notFound` may name; its key is `<what, uncapitalised>.notFound`. */
export type NotFoundSubject =
  | 'Object'
  | 'Agreement'
  | 'Document'
  | 'Space'
  | 'Regulation'
  | 'Party'
  | 'Realisation'
  | 'Calendar'
  | 'Meeting'
  | 'Escalation'
  | 'Signal';

export const notFound = (what: NotFoundSubject = 'Object') =>
  new DomainError('NOT_FOUND', `${uncapitalise(what)}.notFound` satisfies Reason, {
    message: `${what} not found`,
  });

const uncapitalise = <S extends string>(s: S) =>
  `${s.charAt(0).toLowerCase()}${s.slice(1)}` as Uncapitalize<S>;

/** A validation issue as zod (or any Standard Schema) reports it; only what the key needs is read. */
export interface SchemaIssueLike {
  readonly code?: string;
  readonly message: string;
  readonly params?: Record<string, unknown> | undefined;
  readonly [extra: string]: unknown;
}

const paramValue = (value: unknown): ParamValue => {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'boolean') return String(value);
  return null;
};

/**
 * The stable key of a schema issue: `validation.<zod issue code>` with the parameters the key names (nothing else
 * of the issue, so no input leaks), or the key a custom rule carries in its params (`z.refine(f, { params: { reason:
 * 'duty.periodicNeedsFrequency' } })`). Shared by the API (its error answers) and the web (its own validation).
 */
export function issueReason(issue: SchemaIssueLike): { reason: Reason; params: Record<string, ParamValue> } {
  const custom = issue.params?.reason;
  const reason: Reason = isReason(custom) ? custom : (`validation.${issue.code}` as Reason);
  if (!isReason(reason)) return { reason: 'validation.custom', params: {} };
  const source = isReason(custom) ? (issue.params ?? {}) : issue;
  const params: Record<string, ParamValue> = {};
  for (const name of REASONS[reason] as readonly string[]) params[name] = paramValue(source[name]);
  return { reason, params };
}
