import type { Params, ReasonTexts } from './reasons';

/** The English texts of the reason keys (reasons.ts holds the Dutch ones and the rules); loaded with English. */
const enSize = (p: Params, bound: string, limit: string) => {
  if (p.origin === 'string') return `${bound} ${limit} characters.`;
  if (p.origin === 'array' || p.origin === 'set') return `${bound} ${limit} items.`;
  return `${bound} ${limit}.`;
};

const CHANGED_EN = 'Load the latest version and try again.';

export const enReasons: ReasonTexts = {
  'request.invalid': 'The input is not valid. Check the marked fields.',
  'request.unauthorized': 'You are not signed in (any more). Sign in again.',
  'request.forbidden': 'You do not have the rights for this action.',
  'request.notFound': 'This does not exist, or you have no access to it.',
  'request.conflict': `Someone else changed this meanwhile. ${CHANGED_EN}`,
  'request.tooManyRequests': 'Too many requests at once. Try again shortly.',
  'request.tenantBudget':
    'Your organisation is sending more requests than its share right now. Try again in a few seconds.',
  'request.failed': 'That did not work. Try again.',
  'server.internal': 'Something went wrong on the server. Try again later.',
  'server.unavailable': 'The service is temporarily unavailable. Try again shortly.',
  'database.unavailable': 'The data is temporarily unreachable. Try again shortly.',
  'cursor.invalid': 'The list could not be loaded further. Start again at the first page.',
  'idempotency.keyInvalid': 'The request had an invalid retry key. Reload the page.',
  'idempotency.keyReused': 'This request was sent before with other data. Reload the page.',
  'idempotency.inProgress':
    'This request is still being processed. Wait a moment, then check whether it worked.',
  'idempotency.doneNotStored': 'This request was already carried out. Reload the page to see the result.',
  'validation.invalid_type': 'Enter a valid value.',
  'validation.too_big': (p) => enSize(p, 'At most', p.maximum ?? ''),
  'validation.too_small': (p) =>
    p.origin === 'string' && p.minimum === '1'
      ? 'Fill in this field.'
      : enSize(p, 'At least', p.minimum ?? ''),
  'validation.invalid_format': 'The format is not right.',
  'validation.not_multiple_of': 'Must be a multiple of {{divisor}}.',
  'validation.unrecognized_keys': 'Unknown fields: {{keys}}.',
  'validation.invalid_union': 'Enter a valid value.',
  'validation.invalid_key': 'Enter a valid value.',
  'validation.invalid_element': 'Enter a valid value.',
  'validation.invalid_value': 'Choose one of: {{values}}.',
  'validation.custom': 'This value is not valid.',
  'object.notFound': 'This does not exist, or you have no access to it.',
  'agreement.notFound': 'This agreement does not exist, or you have no access to it.',
  'document.notFound': 'This document does not exist, or you have no access to it.',
  'space.notFound': 'This register does not exist, or you have no access to it.',
  'regulation.notFound': 'This subsidy regulation does not exist, or you have no access to it.',
  'party.notFound': 'This party does not exist, or you have no access to it.',
  'realisation.notFound': 'This realisation does not exist, or you have no access to it.',
  'calendar.notFound': 'This planning & control calendar does not exist yet.',
  'meeting.notFound': 'This meeting does not exist, or you have no access to it.',
  'escalation.notFound': 'This escalation does not exist, or you have no access to it.',
  'signal.notFound': 'This signal does not exist, or you have no access to it.',
  'agreement.endBeforeStart': 'The end date must not be before the start date.',
  'agreement.transitionNotAllowed':
    'A {{kind}} cannot go from {{from}} to {{to}}. From {{from}}: {{allowed}}.',
  'agreement.transitionRoleRequired': 'Moving a {{kind}} from {{from}} to {{to}} needs the role {{roles}}.',
  'agreement.decisionRoute': 'This move is a decision made through {{route}}.',
  'agreement.alreadyOffered': 'This {{kind}} is already before its parties (status: {{status}}).',
  'agreement.renewNotActive': 'Only an active agreement can be renewed.',
  'agreement.frameworkUnknown': 'The framework agreement does not exist in this register.',
  'agreement.callOffOfContract': 'A call-off is a contract under a framework contract.',
  'agreement.referenceInUse': 'The reference {{reference}} is already in use.',
  'agreement.exists': 'This agreement already exists.',
  'agreement.versionConflict': `Someone else changed this agreement meanwhile. ${CHANGED_EN}`,
  'agreement.changedMeanwhile': `Someone else changed this agreement meanwhile. ${CHANGED_EN}`,
  'agreement.yearsUnique': 'Each year may appear once.',
  'mandate.approvalRequired':
    'Above the mandate threshold of {{thresholdCents}} an approver must approve the current terms before the agreement goes to {{to}}.',
  'mandate.noCeiling': 'An agreement without a value ceiling needs approval before it goes to {{to}}.',
  'mandate.approverIsDrafter': 'The approver cannot be the purchaser who drafted the agreement.',
  'mandate.raiseNeedsApproval':
    'Raising the value of a signed agreement above the mandate threshold ({{thresholdCents}}) needs an approver: make a new agreement (or a call-off) and have it approved.',
  'renewal.none': 'This agreement has no renewal options.',
  'renewal.noOptionLeft': 'No renewal option left ({{used}} of {{options}} used).',
  'renewal.moreUsedThanOptions': 'More renewals used ({{used}}) than there are options ({{options}}).',
  'region.onlyOwnUsers':
    'Only the region’s own users change its agreements; members read them and their share.',
  'party.unknown': 'This organisation is not registered.',
  'party.duplicate': 'A party appears twice in the same role.',
  'party.notProvider': 'This agreement has no provider party with that register.',
  'party.nameRequired': 'This agreement has several provider parties: choose the party.',
  'productLine.notAllowed': 'Product lines belong to youth (Jeugdwet) or Wmo contracts only.',
  'productLine.categoryRange': 'Category {{category}} is outside {{from}}–{{to}}.',
  'productLine.codeDuplicate': 'Product code {{productCode}} appears twice.',
  'productLine.lumpSumRequired': 'A task-based line needs its lump sum.',
  'productLine.taskHasNoTariff': 'A task-based line has no volume, unit, frequency or tariff.',
  'productLine.unitRequired': 'Choose the unit.',
  'productLine.frequencyRequired': 'Choose the frequency.',
  'productLine.tariffRequired': 'Enter the tariff.',
  'productLine.lumpSumOnlyTask': 'Only a task-based line has a lump sum.',
  'productLine.unknown': 'This agreement has no product line with that id.',
  'service.notAllowed': 'Only a DVO has services.',
  'service.nameDuplicate': 'Service {{name}} appears twice.',
  'service.idDuplicate': 'An identifier appears twice.',
  'service.quantityDecimals': 'A quantity has at most two decimals.',
  'service.percentTooHigh': 'A percentage is at most 100.',
  'serviceReport.unknownLevel': 'The service has no such service level.',
  'serviceReport.duplicate': 'A service level appears twice in the report.',
  'serviceReport.valueOutOfRange': 'The measured value of {{measure}} is out of range.',
  'serviceReport.wrongPeriod': 'This service level is reported per {{period}}.',
  'serviceReport.outsideTerm': 'The period lies outside the agreement’s term.',
  'serviceReport.noCatalogue': 'This agreement has no services.',
  'serviceReport.providerReports': 'The service provider reports the service levels.',
  'serviceReport.alreadyReported': 'This period has already been reported.',
  'allocation.notRegion': 'Only an agreement a region owns has an allocation key.',
  'allocation.notMember': '{{space}} is not a member of {{region}}.',
  'allocation.amountInvalid': 'The amount must be whole cents of 0 or more.',
  'allocation.noWeight': 'At least one member needs a weight.',
  'allocation.noKey': 'Only an agreement with an allocation key has a statement per member.',
  'allocation.memberTwice': 'Each member may appear once.',
  'allocation.fixedNotHundred': 'Fixed percentages must add up to 100%.',
  'allocation.inhabitantsSource': 'A per-inhabitant key needs its reference date and source.',
  'allocation.baseMissing': 'A base-plus-variable key needs its base part.',
  'duty.unknown': 'This agreement has no duty with that id.',
  'duty.periodicNeedsFrequency':
    'A periodic duty needs a frequency and the days after the period in which the report is due.',
  'duty.eventNeedsEvent': 'An event duty needs the event and a response time.',
  'report.agreementNotActive':
    'Nothing can be reported on an agreement in status {{status}}; it must be active.',
  'report.notExpected': 'No report is expected under this duty now.',
  'report.wrongPeriod': 'The report expected now is for {{period}}.',
  'report.changedMeanwhile': `This report was just delivered, or the agreement changed. ${CHANGED_EN}`,
  'incentive.percentTooHigh': 'A percentage is at most 100% (10,000 basis points).',
  'incentive.unknownKpi': 'An incentive names an indicator this agreement does not have (any more).',
  'incentive.duplicate': 'Each indicator has at most one bonus and one malus.',
  'incentive.noArrangement': 'This agreement has no result-linked payment arrangement.',
  'incentive.notRunning': 'No result-linked payment is settled on an agreement in status {{status}}.',
  'incentive.periodNotSettleable':
    'Period {{period}} has not ended yet, or no indicator of the arrangement has that period.',
  'incentive.alreadySettled': 'Period {{period}} has been settled already.',
  'incentive.changedMeanwhile': `The agreement changed or the period was settled meanwhile. ${CHANGED_EN}`,
  'kpi.unknown': 'This agreement has no indicator with that id.',
  'kpi.noResult': 'There is no result for this indicator and period yet.',
  'kpi.noValueYet': `There is no value for this indicator and period yet. ${CHANGED_EN}`,
  'kpi.versionConflict': `Someone else changed this value meanwhile. ${CHANGED_EN}`,
  'kpi.sourceInvalid':
    'The indicator {{kpi}} takes its results from a delivery: choose a field of a periodic duty with the same frequency.',
  'kpi.fromDelivery':
    'This indicator takes its results from the data delivery; they are not entered by hand.',
  'delivery.keysUnique': 'Each field key may appear once.',
  'delivery.specOnlyPeriodic': 'Only a periodic duty can have a data specification.',
  'delivery.noSpec': 'This duty asks for no figures per field.',
  'delivery.fieldRequired': 'Fill in this field; it is required.',
  'delivery.notANumber': 'Enter a number, for example 12 or 7.5.',
  'delivery.outOfRange': (p) =>
    p.type === 'percentage'
      ? 'Enter a percentage from 0 to 100.'
      : p.type === 'amount'
        ? 'Enter an amount of € 0 or more.'
        : p.type === 'weeks'
          ? 'Enter a number of weeks from 0 to 520.'
          : 'Enter a number of 0 or more.',
  'delivery.tooManyDecimals': (p) =>
    p.type === 'count'
      ? 'Enter a whole number, without decimals.'
      : p.type === 'amount'
        ? 'Enter an amount with at most two decimals.'
        : 'Enter a number with at most one decimal.',
  'delivery.unknownField': 'The data specification of this duty has no field {{field}}.',
  'meeting.versionConflict': `Someone else changed this meeting meanwhile. ${CHANGED_EN}`,
  'meeting.ratingRequired': 'Answer the questions about the collaboration or give a score.',
  'meeting.actionUnknown': 'This meeting has no action with that number.',
  'meeting.actionAlreadyDone': 'This action is already done.',
  'realisation.reversed': 'A reversed realisation cannot be corrected.',
  'realisation.versionConflict': `Someone else changed this realisation meanwhile. ${CHANGED_EN}`,
  'realisation.changedMeanwhile': `The realisations or the totals changed meanwhile. ${CHANGED_EN}`,
  'signing.notOutForSignature': 'The agreement is not out for signature (status: {{status}}).',
  'signing.noDocument': 'The agreement has no document to sign yet.',
  'signing.consentRequired': 'Give your consent explicitly to sign.',
  'signing.hashMismatch': 'This is not the current document. Reload the document and sign again.',
  'signing.termsChanged':
    'The document was made from other terms (version {{documentTermsVersion}}) than the current ones (version {{termsVersion}}); make a new document first.',
  'signing.termsChangedMeanwhile': 'The terms changed while the document was made; make it again.',
  'signing.notASigner': 'You are not a signer of this agreement.',
  'signing.allSigned': 'Everyone has signed already.',
  'signing.alreadySigned': 'Your organisation has signed this document already.',
  'signing.notYourTurn':
    'It is not your turn yet: {{organisationName}} signs first (signer {{order}} of {{count}}).',
  'signing.changedMeanwhile': `Someone signed or changed the document meanwhile. ${CHANGED_EN}`,
  'document.placeRoleRequired': 'Only a purchaser or contract manager places the document.',
  'document.wrongStatus':
    'A document can be placed while the agreement is approved or out for signature (status: {{status}}).',
  'document.storeUnavailable': 'The document store is temporarily unreachable. Try again shortly.',
  'document.invalidPdf': 'This file is not a readable PDF. Save it as PDF again and retry.',
  'document.encrypted': 'This PDF is encrypted or password-protected. Upload a version without a password.',
  'document.activeContent':
    'This PDF contains scripts or actions that start something. Upload a version without them (e.g. "Print to PDF").',
  'document.embeddedFiles': 'This PDF contains embedded files (attachments). Upload a version without them.',
  'escalation.resolved': 'This escalation is resolved already.',
  'escalation.atTop': 'The escalation is at the top of the ladder already ({{level}}).',
  'escalation.resolveForbidden':
    'Only the side that opened this escalation, or the owner’s contract manager or purchaser, resolves it; respond or escalate instead.',
  'escalation.versionConflict': `Someone else changed this escalation meanwhile. ${CHANGED_EN}`,
  'escalation.changedMeanwhile': `Someone else changed this escalation meanwhile. ${CHANGED_EN}`,
  'notification.notFound': 'This notification does not exist (any more).',
  'notification.notEventDuty': 'Choose an event duty of this agreement.',
  'notification.closed': (p) =>
    `This notification is already ${p.state === 'escalated' ? 'escalated' : 'answered'}; it takes no further step.`,
  'notification.alreadyAcknowledged': 'This notification is already acknowledged; answer it.',
  'notification.versionConflict': `Someone else changed this notification meanwhile. ${CHANGED_EN}`,
  'notification.changedMeanwhile': `Someone else changed this notification or agreement meanwhile. ${CHANGED_EN}`,
  'steering.motivationRequired': 'Give a motivation for choosing {{chosen}} instead of {{proposed}}.',
  'steering.versionConflict': `Someone else changed the steering meanwhile. ${CHANGED_EN}`,
  'relation.notDecided': 'No relation has been decided for this agreement yet; there is nothing to confirm.',
  'relation.staleRound':
    'The municipality has decided the relation again meanwhile (round {{currentRound}}; you answered round {{round}}). Review the new arrangements and answer again.',
  'relation.partyUnknown': 'This organisation is not a party to this agreement.',
  'relation.partyHasPortal':
    'This party has its own users in Regie and confirms itself; recording on its behalf is only for a party without users.',
  'relation.changedMeanwhile': `Someone else changed the relation or an answer meanwhile. ${CHANGED_EN}`,
  'steering.membersOnlyForGr': 'Only a joint arrangement has roles per participating municipality.',
  'steering.notMember': '{{space}} does not take part in {{region}}.',
  'steering.memberTwice': 'The roles of {{space}} are in twice.',
  'steering.memberOwnRowOnly':
    'As a member municipality you change only your own roles in this arrangement (the row of {{space}}); the relation, the arrangement’s own roles, the contacts and other members’ rows are the region’s.',
  'governance.partnerMonthlyInputEffort':
    'You chose a partner relation but steer with monthly input reporting on effort-based lines only: that is the close control of a boss. Asking ever more detail breeds distrust.',
  'governance.bossOutcomeWithoutDuties':
    'You chose the boss role with outcome indicators but no detailed information duties (at least quarterly): that leaves you nothing to steer on.',
  'governance.customerLumpSumWithoutKpis':
    'You chose the customer role for a task-based lump sum of {{months}} months without KPIs: without indicators you cannot see what the fixed amount buys.',
  'governance.kpiDepthNotReached': (p) =>
    p.reachedDepth === 'none'
      ? `The relation expects KPIs at the ${p.expectedDepth} level, but no agreed KPI has a level.`
      : `The relation expects KPIs at the ${p.expectedDepth} level, but the agreed KPIs go no further than ${p.reachedDepth}.`,
  'governance.executionVariantDiffers':
    'The preferred execution variant is {{preferred}}, but product lines are {{variants}}.',
  'governance.termsFrozen':
    'The information duties cannot change while approval or signing runs (status {{status}}). Apply the relation without changing duties, or after signing.',
  'simulation.uncappedPerUnitLine':
    'Product line {{productCode}} pays per unit without a volume or money cap: every extra unit costs the municipality the tariff, without limit.',
  'simulation.capNeverBinds': (p) =>
    p.neverBinds === 'money'
      ? `On product line ${p.productCode} the money cap (${p.moneyCeilingCents}) is above tariff × volume cap (${p.volumeCapCents}): the money cap never binds.`
      : `On product line ${p.productCode} tariff × volume cap (${p.volumeCapCents}) is above the money cap (${p.moneyCeilingCents}): the volume cap never binds.`,
  'simulation.variantContradictsRelation':
    'Product line {{productCode}} is effort-based while the relation ({{relationType}}) asks for {{preferred}}: paying per hour rewards more hours, not the result.',
  'simulation.forecastCrossesCap':
    'At the current pace product line {{productCode}} reaches its cap in {{month}}, before the term ends.',
  'subsidy.notASubsidy': 'This agreement is not a subsidy.',
  'subsidy.ceilingExceeded':
    'Refused under Awb 4:25: a grant of {{amountCents}} would exceed the ceiling of {{ceilingCents}} of "{{regulation}}"; room left: {{roomLeftCents}}.',
  'subsidy.ceilingBelowGranted':
    'The ceiling cannot be lower than what is already granted ({{grantedCents}}).',
  'subsidy.lateApplication':
    'The application for book year {{bookYear}} was received on {{receivedDate}}, after the Awb 4:60 deadline of {{deadlineDate}} ({{weeks}} weeks before the book year): refuse it, or grant it knowingly with a motivation.',
  'subsidy.lateMotivationRequired': 'Granting a late application (Awb 4:60) needs a motivation.',
  'subsidy.settleAtGrantNotProvided': 'The regulation does not provide for settlement at grant (Awb 4:47).',
  'subsidy.settleAtGrantAbove': 'Only a grant up to {{limitCents}} is settled at grant (Awb 4:47).',
  'subsidy.cannotSettle': 'A subsidy in status {{status}} cannot be settled.',
  'subsidy.settleOnApplication': 'There is an application for settlement: settle on it, not ex officio.',
  'subsidy.onlyExOfficio':
    'Without an application for settlement the subsidy can only be settled ex officio (Awb 4:47).',
  'subsidy.exOfficioTooEarly':
    'Ex officio settlement (Awb 4:44, 4:47) only after the term to apply for settlement has lapsed on {{dueDate}}.',
  'subsidy.settlementAboveGrant':
    'The settlement cannot exceed the grant of {{grantedCents}} (Awb 4:46 lid 1).',
  'subsidy.groundRequired':
    'A settlement lower than the grant of {{grantedCents}} needs a ground of Awb 4:46 lid 2.',
  'subsidy.motivationRequired': 'A lower settlement needs a motivation.',
  'subsidy.groundOnlyLower': 'A ground of Awb 4:46 lid 2 is only for a settlement lower than the grant.',
  'subsidy.advanceNotGranted':
    'Advances are paid on a granted subsidy until it is settled; this one is {{status}}.',
  'subsidy.advancesAboveGrant':
    'The advances together cannot exceed the grant of {{grantedCents}}: {{advancedCents}} advanced, {{leftCents}} left.',
  'subsidy.applicationAfterDecision': 'The application can only be recorded before the decision.',
  'subsidy.applicationFirst': 'Record the application (regulation, date, amount) before the grant.',
  'subsidy.cannotGrant': 'A subsidy in status {{status}} cannot be granted.',
  'subsidy.onlyGrantedSettled': 'Only a granted subsidy can be settled.',
  'regulation.unknown': 'The regulation does not exist in this register.',
  'regulation.exists': 'This regulation already exists.',
  'regulation.versionConflict': `Someone else changed this regulation meanwhile. ${CHANGED_EN}`,
  'regulation.changedMeanwhile': `Someone else changed this regulation meanwhile. ${CHANGED_EN}`,
  'wgr.notAGr': 'Only a joint arrangement (GR) has a planning & control calendar.',
  'wgr.regionOnly': 'Only the region that holds the GR plans its calendar.',
  'wgr.notMember': 'This municipality does not take part in the GR.',
  'wgr.ownOpinionOnly': 'A member records only its own council’s opinion.',
  'wgr.opinionDateRange': 'The opinion on the budget for {{year}} is dated between {{from}} and {{to}}.',
  'wgr.outcomeNeeded': 'Choose the outcome of the opinion.',
  'wgr.opinionDateNeeded': 'Enter when the opinion was submitted.',
  'wgr.summaryWithoutOpinion': 'A summary belongs to a submitted opinion.',
  'wgr.draftReceivedNeeded': 'Enter when the council received the draft budget.',
  'wgr.opinionBeforeDraft': 'The opinion cannot have been submitted before the draft budget was received.',
  'wgr.answerWithoutOpinion': 'The board answers a submitted opinion.',
  'wgr.answerToNoOpinion': 'A council that gave no opinion gets no answer from the board.',
  'wgr.answerBeforeOpinion': 'The board cannot answer before the opinion was submitted.',
  'wgr.budgetAdoptionYear': 'The budget of year Y is adopted in Y-1 (or, late, in Y).',
  'wgr.accountsAdoptionYear': 'The accounts of year Y are adopted in Y+1 (or, late, in Y+2).',
  'wgr.versionConflict': `Someone else changed the calendar meanwhile. ${CHANGED_EN}`,
  'wgr.changedMeanwhile': `Someone else changed the calendar meanwhile. ${CHANGED_EN}`,
  'takeup.notRegional': "Only a region's service agreement has take-up per municipality.",
  'takeup.noCatalogue': 'This agreement has no services to take.',
  'takeup.unknownService': 'Module {{serviceId}} is not a service of this agreement.',
  'takeup.moduleDuplicate': 'Module {{serviceId}} appears twice.',
  'takeup.quantityNotPriced': 'A fixed-price service takes no quantity.',
  'takeup.quantityRequired': 'Enter the quantity for a service priced per unit.',
  'takeup.basisRequired': 'Every municipality takes the basis package.',
  'takeup.notMember': 'This municipality is not a member of the region.',
  'takeup.regionOnly': 'Only the region records take-up per municipality.',
  'takeup.versionConflict': `The take-up was changed meanwhile (version {{version}}). ${CHANGED_EN}`,
  'takeup.changedMeanwhile': `Someone else changed the take-up meanwhile. ${CHANGED_EN}`,
  'usage.noTakeup': 'This municipality takes nothing yet: record its take-up first.',
  'usage.moduleNotTaken': 'The municipality does not take module {{serviceId}}.',
  'usage.quantityMissing': 'Enter the measured quantity for module {{serviceId}}.',
  'usage.versionConflict': `This month’s usage was changed meanwhile (version {{version}}). ${CHANGED_EN}`,
  'usage.changedMeanwhile': `Someone else changed the usage meanwhile. ${CHANGED_EN}`,
  'realisation.notMember': 'This municipality is not a member of the region that owns this agreement.',
  'import.columnMissing': 'No column for {{column}}: choose which column it is under ‘Map columns’.',
  'import.valueMissing': 'Fill in this field.',
  'import.dateInvalid': '‘{{value}}’ is not a date. Use dd-mm-yyyy, for example 31-12-2026.',
  'import.amountInvalid':
    '‘{{value}}’ is not an amount. Write for example 1.234,56 (not negative, whole cents).',
  'import.numberInvalid': '‘{{value}}’ is not a whole number.',
  'import.kvkInvalid': '‘{{value}}’ is not a KvK number: it has 8 digits.',
  'import.partyInvalid':
    'Party ‘{{value}}’ cannot be read. Write: Name (KvK 12345678); Name 2 (KvK 87654321).',
  'import.kindUnknown':
    'Kind ‘{{value}}’ is unknown. Choose Inkoopcontract, Subsidie, Gemeenschappelijke regeling or Dienstverleningsovereenkomst.',
  'import.statusUnknown': 'Status ‘{{value}}’ is unknown, for example: concept, actief, beëindigd, verlopen.',
  'import.domainUnknown': 'Domain ‘{{value}}’ is unknown. Choose Jeugd, Wmo, Participatie, ICT or Overig.',
  'import.tooManyRows': 'The file has {{rows}} rows; one import takes at most {{max}}. Split the file.',
  'import.fileEmpty': 'The file has no header row with rows below it.',
  'import.fileUnreadable': 'The file cannot be read. Choose an .xlsx or .csv file (UTF-8).',
  'organisation.exists': 'This organisation already exists.',
  'organisation.changedMeanwhile': 'The organisation register was changed meanwhile. Try again.',
  'settings.versionConflict': `Someone else changed the settings meanwhile. ${CHANGED_EN}`,
  'settings.changedMeanwhile': `Someone else changed the settings meanwhile. ${CHANGED_EN}`,
  'benchmark.notOptedIn': 'Your municipality does not share figures with the region.',
  'benchmark.optInMembersOnly': 'Only a municipality in a region can share figures.',
  'benchmark.optedOut': 'This municipality no longer shares figures.',
  'user.notFound': 'This user does not exist, or you have no access to it.',
  'user.versionConflict': `Someone else changed this user meanwhile. ${CHANGED_EN}`,
  'user.changedMeanwhile': 'Someone else changed the users at the same time. Try again.',
  'user.emailInUse': 'There already is a user with this e-mail address.',
  'user.rolesDoNotFit': 'One of the roles does not fit a {{spaceKind}}.',
  'user.lastAdmin': 'This is the last active {{role}}. Make someone else {{role}} first.',
  'user.selfDisable': 'You cannot disable yourself.',
  'ical.changedMeanwhile': 'The calendar feed was changed at the same time. Try again.',
  'import.statusNotImportable':
    'A {{kind}} cannot be imported in status {{status}}. Importable: {{allowed}}.',
  'import.duplicateInFile': 'The reference {{reference}} appears earlier in the file (line {{line}}).',
  'import.partyNotRegistered':
    '{{name}} (KvK {{kvkNumber}}) is not a registered organisation. Register it first.',
  'organisation.kvkInvalid': 'A KvK number has 8 digits.',
  'organisation.agbInvalid': 'An AGB code has 8 digits and starts with 41 or 91.',
  'organisation.ibanInvalid': 'This IBAN is not valid.',
};
