import type { nl } from '../../i18n/nl';
import { canonical } from '../../lib/agreements/diff';
import type { FieldIssue } from '../../lib/errors';
import {
  ANSWERS,
  CONTACT_SIDES,
  type ContactSide,
  type Governance,
  isAnswer,
  isContactSide,
  isExecutionVariant,
  isKpiDepth,
  isMeetingCadence,
  isRelationType,
  isReportingFrequency,
  STEERING_LIMITS as LIMITS,
  personKey,
  QUESTIONS,
  type Question,
  type RelationAnswers,
  type RelationDecisionInput,
  type RelationType,
  ROLE_KEYS,
  ROLES_WITH_PORTFOLIO_HOLDER,
  type RoleKey,
  type SteeringRoles,
  type StoredRelation,
} from '../../lib/steering/model';

/**
 * The relation designer's and the roles form's values as typed, their checks with Dutch messages (mirroring the
 * API's schema in packages/core; the server checks again regardless), the API input, and the server's issues
 * mapped back onto the fields. Field paths are the API's, without the `relation.`/`roles.` prefix.
 */

export type SteeringErrorKey = keyof (typeof nl)['steering']['errors'];
export type SteeringError = { key: SteeringErrorKey } | { text: string };
export type SteeringErrors = Record<string, SteeringError>;

let rowCounter = 0;
const rowKey = () => `steering-row-${++rowCounter}`;

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

// ——— The three questions ———

export type AnswerValues = Record<Question, string>;

export function answerValues(answers: RelationAnswers | null | undefined): AnswerValues {
  return {
    complexity: answers?.complexity ?? '',
    controlWhat: answers?.controlWhat ?? '',
    controlHow: answers?.controlHow ?? '',
    alignment: answers?.alignment ?? '',
  };
}

export type AnswersValidation =
  | { ok: true; answers: RelationAnswers }
  | { ok: false; errors: SteeringErrors };

export function validateAnswers(values: AnswerValues): AnswersValidation {
  const errors: SteeringErrors = {};
  for (const question of QUESTIONS) {
    if (!isAnswer(question, values[question])) errors[`answers.${question}`] = { key: 'answerRequired' };
  }
  const { complexity, controlWhat, controlHow, alignment } = values;
  if (
    Object.keys(errors).length > 0 ||
    !isAnswer('complexity', complexity) ||
    !isAnswer('controlWhat', controlWhat) ||
    !isAnswer('controlHow', controlHow) ||
    !isAnswer('alignment', alignment)
  ) {
    return { ok: false, errors };
  }
  return { ok: true, answers: { complexity, controlWhat, controlHow, alignment } };
}

export function sameAnswers(a: RelationAnswers | null | undefined, b: RelationAnswers | null | undefined) {
  return a != null && b != null && QUESTIONS.every((q) => a[q] === b[q]);
}

// ——— The proposal's governance, as the person adapts it ———

export interface LadderRow {
  key: string;
  level: string;
  days: string;
}

export interface GovernanceValues {
  reportingFrequency: string;
  kpiDepth: string;
  informationDuties: string[];
  meetingCadence: string;
  escalationLadder: LadderRow[];
  executionVariant: string;
}

export function newLadderRow(level = '', days = ''): LadderRow {
  return { key: rowKey(), level, days };
}

export function governanceValues(governance: Governance): GovernanceValues {
  return {
    reportingFrequency: governance.reportingFrequency,
    kpiDepth: governance.kpiDepth,
    informationDuties: [...governance.informationDuties],
    meetingCadence: governance.meetingCadence,
    escalationLadder: governance.escalationLadder.map((step) => newLadderRow(step.level, String(step.days))),
    executionVariant: governance.executionVariant,
  };
}

export interface DecisionValues {
  chosen: string;
  motivation: string;
  governance: GovernanceValues;
}

/**
 * What the second step starts with: the stored decision when it was made for these same answers (a review
 * shows what was agreed), otherwise the proposal and its governance defaults.
 */
export function initialDecision(
  proposal: { type: RelationType; governance: Governance },
  answers: RelationAnswers,
  stored: StoredRelation | null,
): DecisionValues {
  if (stored && sameAnswers(stored.answers, answers)) {
    return {
      chosen: stored.chosen,
      motivation: stored.motivation ?? '',
      governance: governanceValues(stored.governance),
    };
  }
  return { chosen: proposal.type, motivation: '', governance: governanceValues(proposal.governance) };
}

/** A type other than the proposal needs a motivation (SPEC §4.1: the user may choose otherwise, and says why). */
export function needsMotivation(chosen: string, proposed: string): boolean {
  return isRelationType(chosen) && chosen !== proposed;
}

const ladderPath = (i: number, field: 'level' | 'days') => `governance.escalationLadder.${i}.${field}`;

/** The decision's fields in the order the page shows them (error summary, issue mapping). */
export function decisionFieldOrder(values: DecisionValues | null): string[] {
  const answers = QUESTIONS.map((q) => `answers.${q}`);
  if (!values) return answers;
  return [
    ...answers,
    'chosen',
    'motivation',
    'governance.reportingFrequency',
    'governance.kpiDepth',
    'governance.informationDuties',
    'governance.meetingCadence',
    'governance.escalationLadder',
    ...values.governance.escalationLadder.flatMap((_, i) => [ladderPath(i, 'level'), ladderPath(i, 'days')]),
    'governance.executionVariant',
  ];
}

export type DecisionValidation =
  | { ok: true; relation: RelationDecisionInput }
  | { ok: false; errors: SteeringErrors };

/** A whole number of working days as typed (`10`, ` 10 `); anything else is not a number of days. */
function parseDays(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= LIMITS.daysMin && days <= LIMITS.daysMax ? days : null;
}

export function validateDecision(
  answers: RelationAnswers,
  proposed: RelationType,
  values: DecisionValues,
): DecisionValidation {
  const errors: SteeringErrors = {};
  const g = values.governance;
  const motivation = values.motivation.trim();
  if (!isRelationType(values.chosen)) errors.chosen = { key: 'chosenRequired' };
  if (needsMotivation(values.chosen, proposed) && motivation === '')
    errors.motivation = { key: 'motivationRequired' };
  else if (motivation.length > LIMITS.motivation) errors.motivation = { key: 'motivationTooLong' };
  if (!isReportingFrequency(g.reportingFrequency))
    errors['governance.reportingFrequency'] = { key: 'choiceRequired' };
  if (!isKpiDepth(g.kpiDepth)) errors['governance.kpiDepth'] = { key: 'choiceRequired' };
  if (!isMeetingCadence(g.meetingCadence)) errors['governance.meetingCadence'] = { key: 'choiceRequired' };
  if (!isExecutionVariant(g.executionVariant))
    errors['governance.executionVariant'] = { key: 'choiceRequired' };
  if (g.informationDuties.length > LIMITS.duties)
    errors['governance.informationDuties'] = { key: 'dutiesInvalid' };
  if (g.escalationLadder.length < LIMITS.ladderMin)
    errors['governance.escalationLadder'] = { key: 'ladderEmpty' };
  else if (g.escalationLadder.length > LIMITS.ladderMax)
    errors['governance.escalationLadder'] = { key: 'ladderTooLong' };
  const ladder = g.escalationLadder.map((row, i) => {
    const level = row.level.trim();
    if (level === '') errors[ladderPath(i, 'level')] = { key: 'levelRequired' };
    else if (level.length > LIMITS.level) errors[ladderPath(i, 'level')] = { key: 'levelTooLong' };
    const days = parseDays(row.days);
    if (days === null) errors[ladderPath(i, 'days')] = { key: 'daysInvalid' };
    return { level, days: days ?? 0 };
  });
  if (
    Object.keys(errors).length > 0 ||
    !isRelationType(values.chosen) ||
    !isReportingFrequency(g.reportingFrequency) ||
    !isKpiDepth(g.kpiDepth) ||
    !isMeetingCadence(g.meetingCadence) ||
    !isExecutionVariant(g.executionVariant)
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    relation: {
      answers,
      chosen: values.chosen,
      governance: {
        reportingFrequency: g.reportingFrequency,
        kpiDepth: g.kpiDepth,
        // Each duty once, in the order the form lists them.
        informationDuties: [...new Set(g.informationDuties)],
        meetingCadence: g.meetingCadence,
        escalationLadder: ladder,
        executionVariant: g.executionVariant,
      },
      // Only a choice other than the proposal carries a motivation.
      ...(needsMotivation(values.chosen, proposed) ? { motivation } : {}),
    },
  };
}

/** True when saving would store exactly what is stored already (the server would still add a version). */
export function sameDecision(relation: RelationDecisionInput, stored: StoredRelation | null): boolean {
  if (!stored) return false;
  const { proposed: _proposed, ...decision } = stored;
  return same(relation, { ...decision, motivation: decision.motivation || undefined });
}

// ——— Server issues ———

/** The Dutch message for a server issue on a known field; the server's own text for anything else. */
function issueError(field: string, message: string): SteeringError {
  if (field.startsWith('answers.')) return { key: 'answerRequired' };
  if (field === 'chosen') return { key: 'chosenRequired' };
  if (field === 'motivation') return { key: 'motivationTooLong' };
  if (field === 'governance.escalationLadder') return { key: 'ladderInvalid' };
  if (/^governance\.escalationLadder\.\d+\.level$/.test(field)) return { key: 'levelInvalid' };
  if (/^governance\.escalationLadder\.\d+\.days$/.test(field)) return { key: 'daysInvalid' };
  if (field === 'governance.informationDuties') return { key: 'dutiesInvalid' };
  if (field.startsWith('governance.')) return { key: 'choiceRequired' };
  if (/^contacts\.\d+\.side$/.test(field)) return { key: 'sideRequired' };
  if (/^contacts\.\d+\.name$/.test(field) || /\.name$/.test(field)) return { key: 'nameInvalid' };
  if (/^contacts\.\d+\.role$/.test(field)) return { key: 'contactRoleInvalid' };
  if (/^contacts\.\d+\.email$/.test(field)) return { key: 'emailInvalid' };
  if (/^contacts\.\d+\.phone$/.test(field)) return { key: 'phoneInvalid' };
  if (/\.portfolioHolder$/.test(field)) return { key: 'portfolioHolderInvalid' };
  if (field === 'contacts') return { key: 'tooManyContacts' };
  return { text: message };
}

/**
 * A BAD_REQUEST's issues on the form's fields: each path (without its `relation.` or `roles.` prefix) goes to
 * the deepest field the form shows (`governance.escalationLadder.0` → the ladder). Issues about anything else
 * are returned apart, to show above the form.
 */
export function steeringIssues(
  issues: FieldIssue[],
  fields: readonly string[],
): { errors: SteeringErrors; other: string[] } {
  const known = new Set(fields);
  const errors: SteeringErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const segments = issue.path.replace(/^(relation|roles)(\.|$)/, '').split('.');
    let field: string | undefined;
    for (let n = segments.length; n > 0 && !field; n--) {
      const path = segments.slice(0, n).join('.');
      if (path !== '' && known.has(path)) field = path;
    }
    if (field) {
      if (!errors[field]) errors[field] = issueError(field, issue.message);
    } else other.push(issue.message);
  }
  return { errors, other };
}

/** Server errors that no longer apply once their field (or a row of its list) changed. */
export function withoutStale(errors: SteeringErrors, changed: string): SteeringErrors {
  return Object.fromEntries(
    Object.entries(errors).filter(([path]) => path !== changed && !path.startsWith(`${changed}.`)),
  );
}

// ——— Roles, tasks, responsibilities, authorities ———

export interface PersonValues {
  name: string;
  portfolioHolder: string;
}

export interface ContactRow {
  key: string;
  side: string;
  name: string;
  role: string;
  email: string;
  phone: string;
}

export interface RolesValues {
  persons: Record<RoleKey, PersonValues>;
  contacts: ContactRow[];
}

export function newContactRow(side: ContactSide | '' = ''): ContactRow {
  return { key: rowKey(), side, name: '', role: '', email: '', phone: '' };
}

export function rolesValues(roles: SteeringRoles): RolesValues {
  const persons = Object.fromEntries(
    ROLE_KEYS.map((key) => [
      key,
      { name: roles[key]?.name ?? '', portfolioHolder: roles[key]?.portfolioHolder ?? '' },
    ]),
  ) as Record<RoleKey, PersonValues>;
  return {
    persons,
    contacts: (roles.contacts ?? []).map((c) => ({
      key: rowKey(),
      side: c.side,
      name: c.name,
      role: c.role,
      email: c.email ?? '',
      phone: c.phone ?? '',
    })),
  };
}

export const CONTACT_FIELDS = ['side', 'name', 'role', 'email', 'phone'] as const;

/** The roles form's fields in the order the page shows them. */
export function rolesFieldOrder(values: RolesValues): string[] {
  return [
    ...ROLE_KEYS.flatMap((key) =>
      ROLES_WITH_PORTFOLIO_HOLDER.includes(key) ? [`${key}.name`, `${key}.portfolioHolder`] : [`${key}.name`],
    ),
    'contacts',
    ...values.contacts.flatMap((_, i) => CONTACT_FIELDS.map((field) => `contacts.${i}.${field}`)),
  ];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9 ()-]{6,20}$/;

export type RolesValidation = { ok: true; roles: SteeringRoles } | { ok: false; errors: SteeringErrors };

export function validateRoles(values: RolesValues): RolesValidation {
  const errors: SteeringErrors = {};
  const roles: SteeringRoles = {};
  for (const key of ROLE_KEYS) {
    const name = values.persons[key].name.trim();
    const portfolioHolder = values.persons[key].portfolioHolder.trim();
    if (name === '' && portfolioHolder === '') continue;
    if (name === '') errors[`${key}.name`] = { key: 'nameForPortfolioHolder' };
    else if (name.length > LIMITS.name) errors[`${key}.name`] = { key: 'nameTooLong' };
    if (portfolioHolder.length > LIMITS.name)
      errors[`${key}.portfolioHolder`] = { key: 'portfolioHolderTooLong' };
    roles[key] = { name, ...(portfolioHolder ? { portfolioHolder } : {}) };
  }
  if (values.contacts.length > LIMITS.contacts) errors.contacts = { key: 'tooManyContacts' };
  const contacts = values.contacts.map((row, i) => {
    const at = (field: string) => `contacts.${i}.${field}`;
    const name = row.name.trim();
    const role = row.role.trim();
    const email = row.email.trim();
    const phone = row.phone.trim();
    if (!isContactSide(row.side)) errors[at('side')] = { key: 'sideRequired' };
    if (name === '') errors[at('name')] = { key: 'contactNameRequired' };
    else if (name.length > LIMITS.name) errors[at('name')] = { key: 'nameTooLong' };
    if (role === '') errors[at('role')] = { key: 'contactRoleRequired' };
    else if (role.length > LIMITS.contactRole) errors[at('role')] = { key: 'contactRoleTooLong' };
    if (email !== '' && (email.length > LIMITS.email || !EMAIL.test(email)))
      errors[at('email')] = { key: 'emailInvalid' };
    if (phone !== '' && !PHONE.test(phone)) errors[at('phone')] = { key: 'phoneInvalid' };
    return {
      side: isContactSide(row.side) ? row.side : CONTACT_SIDES[0],
      name,
      role,
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
    };
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, roles: contacts.length > 0 ? { ...roles, contacts } : roles };
}

export function sameRoles(a: SteeringRoles, b: SteeringRoles): boolean {
  const normal = (r: SteeringRoles) => ({ ...r, contacts: r.contacts?.length ? r.contacts : undefined });
  return same(normal(a), normal(b));
}

/**
 * The portfolio holder that opdrachtgever and eigenaar share, if they do (SPEC §4.2), so the form can warn
 * before saving; the same comparison as the API's, which warns on the agreement after saving.
 */
export function sharedPortfolioHolder(values: RolesValues): string | null {
  const client = values.persons.opdrachtgever.portfolioHolder.trim();
  const owner = values.persons.eigenaar.portfolioHolder.trim();
  return client && owner && personKey(client) === personKey(owner) ? client : null;
}

/** The answer options of a question, for the radio groups. */
export function answerOptions(question: Question): readonly string[] {
  return ANSWERS[question];
}
