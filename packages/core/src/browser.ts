/**
 * The browser-safe entry of the domain (`@regie/core/browser`): what the web app may import — constants and rules
 * with no `node:` imports and no I/O. The linter (biome.json) keeps web/ to this entry and the router's type.
 */

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
export { MUNICIPAL_ROLES, PROVIDER_ROLES, ROLES, type Role } from './roles.ts';
export { DOCUMENT_ROLES, DOCUMENT_STATUSES, MAX_DOCUMENT_BYTES, signInputSchema } from './signing.ts';
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
  checkOpinionDates,
  WGR_OPINION_OUTCOMES,
  type WgrOpinionOutcome,
  wgrPlanSchema,
  wgrRecordOpinionSchema,
} from './wgr-calendar.ts';
