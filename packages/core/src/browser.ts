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
