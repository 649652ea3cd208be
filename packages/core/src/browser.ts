/**
 * The browser-safe entry of the domain (`@regie/core/browser`): what the web app may import — constants and rules
 * with no `node:` imports and no I/O. The linter (biome.json) keeps web/ to this entry and the router's type.
 */

// The agreement's input schemas and closed lists: the web form validates with exactly what the API checks.
export {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementCreateInput,
  type AgreementKind,
  type AgreementStatus,
  type AgreementTermsPatch,
  agreementCreateInput,
  agreementTermsPatch,
  DOMAINS,
  type Domain,
} from './agreement.ts';
export { type DutyInput, dutyInputSchema, REPORT_FREQUENCIES, type ReportFrequency } from './duties.ts';
export {
  DomainError,
  type DomainErrorCode,
  isReason,
  issueReason,
  type NotFoundSubject,
  type ParamValue,
  REASON_KEYS,
  REASONS,
  type Reason,
  type ReasonParams,
  type SchemaIssueLike,
} from './errors.ts';
export {
  isAgbCode,
  isCbsMunicipalityCode,
  isIban,
  isKvkNumber,
  normaliseIban,
} from './identifiers.ts';
export { KPI_DIRECTIONS, type KpiDefinitionInput, type KpiDirection, kpiDefinitionSchema } from './kpi.ts';
export { repeatedParties } from './parties.ts';
export { EVENT_DUTIES } from './relation.ts';
export { MUNICIPAL_ROLES, PROVIDER_ROLES, ROLES, type Role } from './roles.ts';
export { DOCUMENT_ROLES, DOCUMENT_STATUSES, MAX_DOCUMENT_BYTES, signInputSchema } from './signing.ts';
export { SPACE_PATTERN } from './spaces.ts';
// Subsidies, the Wgr P&C calendar and signing: the schemas their forms validate with, and their keys (issue 12).
export {
  AWB_ROLES,
  regulationCreateInput,
  SETTLEMENT_GROUNDS,
  type SettlementGround,
  subsidyAdvanceInput,
  subsidyApplicationInput,
  subsidyGrantInput,
  subsidySettleInput,
} from './subsidy.ts';
export {
  checkProductLines,
  EXECUTION_VARIANTS,
  FREQUENCIES,
  PARTY_ROLES,
  type PartyInput,
  type PartyRole,
  type ProductLineInput,
  partyInputSchema,
  productLineSchema,
  renewalSchema,
  type TermsIssue,
  UNITS,
} from './terms.ts';
export {
  checkOpinionDates,
  WGR_OPINION_OUTCOMES,
  type WgrOpinionOutcome,
  wgrPlanSchema,
  wgrRecordOpinionSchema,
} from './wgr-calendar.ts';
