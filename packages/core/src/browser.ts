/**
 * The browser-safe entry of the domain (`@regie/core/browser`): what the web app may import — constants and rules
 * with no `node:` imports and no I/O. The linter (biome.json) keeps web/ to this entry and the router's type.
 */

export {
  type AgreementCreateInput,
  type AgreementTermsPatch,
  agreementCreateInput,
  agreementTermsPatch,
  yearCeilingsSchema,
} from './agreement.ts';
export {
  type RealisationCorrection,
  type RealisationInput,
  realisationCorrectionSchema,
  realisationInputSchema,
} from './budget.ts';
// The collaboration monitor (issue 14 point 5): the questions and the signal thresholds the forms and charts use.
export {
  ACTION_SIDES,
  type ActionSide,
  answersAverage,
  COLLAB_DROP,
  COLLAB_FLOOR,
  COLLAB_MEASURES,
  COLLAB_QUESTIONS,
  type CollabAnswers,
  type CollabMeasure,
  type CollabQuestion,
  type CollabSide,
  type CollabSignal,
} from './collaboration.ts';
// CSV for downloads made in the browser (the simulator's scenario table).
export { type Cell, csvTable } from './csv.ts';
export { parseCsv } from './csv-read.ts';
// Structured data deliveries (issue 15 point 3): the form checks figures with the API's own rule.
export {
  DATA_FIELD_BOUNDS,
  DATA_FIELD_TYPES,
  type DataField,
  type DataFieldType,
  type DeliveryIssue,
  type DeliverySeries,
  invalidKpiSource,
  MAX_DATA_FIELDS,
  type SeriesPoint,
  validateDelivery,
} from './deliveries.ts';
export {
  type DutyInput,
  dutyInputSchema,
  REPORT_FREQUENCIES,
  type ReportFrequency,
  type ReportSubmitInput,
  reportSubmitSchema,
} from './duties.ts';
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
// Governance that acts (issue 14): the warnings and the proposal the relation designer will show as a diff.
export {
  GOVERNANCE_WARNING_CODES,
  type GovernanceDecision,
  type GovernanceProposal,
  type GovernanceSource,
  type GovernanceTerms,
  type GovernanceWarning,
  type GovernanceWarningCode,
  governanceProposal,
  kpiDepthReached,
  relationWarnings,
} from './governance.ts';
export {
  type DutyDiff,
  dutyDiff,
  EVENT_RESPONSE_DAYS,
  eventResponseDeadline,
  generatedDuties,
  meetingSchedule,
  reportDueDates,
} from './governance-schedule.ts';
export {
  compactIdentifier,
  formatIban,
  isAgbCode,
  isCbsMunicipalityCode,
  isIban,
  isKvkNumber,
  normaliseIban,
} from './identifiers.ts';
// Issue 13: people of a space and the register import (the browser parses and checks rows with the same schemas).
export {
  agreementImportInput,
  IMPORT_BATCH_ROWS,
  IMPORT_MAX_ROWS,
  IMPORTABLE_STATUSES,
  type ImportOutcome,
  type ImportRow,
  type ImportRowResult,
  importPartySchema,
  importRowSchema,
} from './import.ts';
// Reading a register file to import (headers, Dutch cells, rows) happens in the browser, before any call.
export {
  type ColumnMapping,
  guessMapping,
  IMPORT_COLUMNS,
  IMPORT_FIELDS,
  type ImportCell,
  type ImportColumn,
  type ImportField,
  type ImportProblem,
  type ImportTable,
  importColumn,
  importTable,
  importTemplate,
  importTemplateCsv,
  mappingProblems,
  type ParsedImportRow,
  parseImportRow,
  parseImportRows,
  REQUIRED_IMPORT_FIELDS,
} from './import-parse.ts';
export { KPI_DIRECTIONS, type KpiDefinitionInput, type KpiDirection, kpiDefinitionSchema } from './kpi.ts';
// The agreement's input schemas and closed lists: the web form validates with exactly what the API checks.
// The closed lists, apart from the schemas: the first page imports them without loading zod (lists.ts).
export {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
  ALLOCATION_METHODS,
  type AllocationMethod,
  DOMAINS,
  type Domain,
  EXECUTION_VARIANTS,
  FREQUENCIES,
  ID_PATTERN,
  ORGANISATION_KINDS,
  type OrganisationKind,
  PARTY_ROLES,
  type PartyRole,
  UNITS,
} from './lists.ts';
// Event notifications (meldingen, issue 14 point 3): the forms and the overdue rule the list shows.
export {
  isOverdue as isNotificationOverdue,
  isPending as isNotificationPending,
  NOTIFICATION_STATES,
  type Notification,
  type NotificationEntry,
  type NotificationState,
  notificationFileSchema,
  notificationRespondSchema,
  type SignalNotification,
} from './notifications.ts';
// Which roles fit a space's kind: the people page offers exactly these (issue 13).
export { rolesFitSpace } from './offer.ts';
export {
  type OrganisationCreateInput,
  organisationCreateInput,
} from './organisation.ts';
export { repeatedParties } from './parties.ts';
// P&C harmonised in content (issue 16 point 5): the views the API answers and the lists a form offers.
export {
  INDICATOR_DIRECTIONS,
  INDICATOR_TYPES,
  LEGAL_FORMS,
  PC_STEPS,
  PC_WRITE_ROLES,
  pcSetIndicatorsSchema,
  pcSetProfileSchema,
} from './pc-indicators.ts';
export type { Paragraph, ParagraphRow } from './pc-paragraph.ts';
export { type IndicatorRow, type PcMemberView, type PcView, pcSetFinancialsSchema } from './pc-values.ts';
// The Dutch names of kinds and statuses: one list for the register export, the import and the web app's texts.
export { DOMAINS_NL, KINDS_NL, STATUSES_NL } from './register-columns.ts';
// The forms of the relation designer and roles, budget, reports and organisations validate with the API's own
// schemas (issue 12): schemas, their constants and the identifier checks.
export {
  ESCALATION_LEVELS,
  EVENT_DUTIES,
  GOVERNANCE_EXECUTION_VARIANTS,
  type Governance,
  governanceSchema,
  KPI_DEPTHS,
  MEETING_CADENCES,
  proposeRelation,
  RELATION_ANSWERS,
  RELATION_QUESTIONS,
  RELATION_TYPES,
  REPORTING_FREQUENCIES,
  type RelationAnswers,
  type RelationType,
  relationAnswersSchema,
} from './relation.ts';
// Agreed by both sides (issue 14 point 2): the states and the answer forms' schemas.
export {
  askRelationChangeInput,
  CHANGE_REASON_MAX,
  CONFIRMATION_STATES,
  type ConfirmationState,
  confirmationState,
  DECISION_REF_MAX,
  recordConfirmationInput,
} from './relation-confirm.ts';
export {
  AGREEMENT_WRITE_ROLES,
  MUNICIPAL_ROLES,
  ORGANISATION_WRITE_ROLES,
  PC_PARAGRAPH_ROLES,
  PROVIDER_ROLES,
  ROLES,
  type Role,
} from './roles.ts';
// Service-level reports (issue 16 point 2): types the web shows, and the correction form's schema.
export {
  type LevelHistory,
  type ServiceCorrectInput,
  serviceCorrectSchema,
  type Trend,
} from './service-levels.ts';
// The service catalogue of a service agreement (issue 16 point 1): the form's schemas and the price arithmetic.
export {
  type CatalogueTotal,
  catalogueTotal,
  checkServices,
  levelMet,
  MAX_SERVICE_LEVELS,
  MAX_SERVICES,
  measuredUnit,
  SERVICE_CATALOGUE_KINDS,
  SERVICE_LEVEL_DIRECTIONS,
  SERVICE_LEVEL_PERIODS,
  SERVICE_LEVEL_UNITS,
  SERVICE_PRICE_MODELS,
  SERVICE_PRICE_UNITS,
  type ServiceInput,
  type ServiceLevelDirection,
  type ServiceLevelPeriod,
  type ServiceLevelUnit,
  type ServicePriceModel,
  type ServicePriceUnit,
  serviceCatalogueSchema,
  serviceYearlyPrice,
} from './services.ts';
export { DOCUMENT_ROLES, DOCUMENT_STATUSES, MAX_DOCUMENT_BYTES, signInputSchema } from './signing.ts';
// The volume-incentive simulator (issue 15): its limits, and the rule itself for a draft while it is edited.
export {
  type ExpectedVolumes,
  expectedVolumesSchema,
  MAX_SCENARIOS,
  SIMULATION_FLAG_CODES,
  type Simulation,
  type SimulationFlag,
  type SimulationTermsInput,
  simulate,
  simulationTermsSchema,
} from './simulation.ts';
export { SPACE_PATTERN } from './spaces.ts';
export {
  type Authority,
  CONTACT_SIDES,
  MEMBER_ROLE_KEYS,
  type MemberRoleKey,
  type MemberRoles,
  motivationMissing,
  personKey,
  type RelationDecision,
  ROLES_WITH_PORTFOLIO_HOLDER,
  type RolePerson,
  RTVB_LIST_MAX,
  relationDecisionSchema,
  STEERING_ROLE_KEYS,
  type SteeringRoleKey,
  type SteeringRoles,
  steeringRolesSchema,
} from './steering.ts';
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
// Per-member take-up of a region's service agreement (issue 16 point 3): the view the API answers.
export type { TakeupView } from './takeup.ts';
export {
  checkProductLines,
  type PartyInput,
  type ProductLineInput,
  partyInputSchema,
  productLineSchema,
  renewalSchema,
  type TermsIssue,
} from './terms.ts';
export type { UsageView } from './usage.ts';
export {
  adminRoleOf,
  emailSchema,
  isActiveAdmin,
  USER_KEY_PATTERN,
  type User,
  type UserInviteInput,
  type UserUpdateInput,
  userInviteInput,
  userKeySchema,
  userUpdateInput,
} from './users.ts';
export {
  checkOpinionDates,
  WGR_OPINION_OUTCOMES,
  type WgrOpinionOutcome,
  wgrPlanSchema,
  wgrRecordOpinionSchema,
} from './wgr-calendar.ts';
