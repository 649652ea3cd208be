// Load the English messages before any schema is used.
import './schema.ts';

export * from './agreement.ts';
export * from './allocation.ts';
export * from './audit.ts';
export * from './budget.ts';
export * from './calendar.ts';
export * from './deadlines.ts';
export * from './duties.ts';
export * from './errors.ts';
export * from './escalation.ts';
export * from './exports.ts';
export * from './identifiers.ts';
export * from './ids.ts';
export * from './kpi.ts';
export * from './organisation.ts';
export * from './relation.ts';
export * from './roles.ts';
export * from './schema.ts';
export * from './signing.ts';
export * from './spaces.ts';
export * from './steering.ts';
export * from './subsidy.ts';
export * from './terms.ts';
export * from './views.ts';
export * from './wgr.ts';
export * from './wgr-calendar.ts';
export * from './woo.ts';
