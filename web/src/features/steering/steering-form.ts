import {
  type CONTACT_SIDES,
  type Governance,
  MEMBER_ROLE_KEYS,
  motivationMissing,
  personKey,
  RELATION_ANSWERS,
  RELATION_QUESTIONS,
  type RelationAnswers,
  type RelationDecision,
  type RelationType,
  ROLES_WITH_PORTFOLIO_HOLDER,
  relationAnswersSchema,
  relationDecisionSchema,
  STEERING_ROLE_KEYS,
  type SteeringRoleKey,
  type SteeringRoles,
  steeringRolesSchema,
} from '@regie/core/browser';
import { canonical } from '../../lib/agreements/diff';
import { formSchema, type IssueAt, keyAt, optionalText } from '../../lib/form-schema';
import type { AppLocale } from '../../lib/format';
import type { StoredRelation } from '../../lib/steering/model';
import {
  type MemberValues,
  memberValues,
  type PersonValues,
  personFieldOrder,
  personValues,
  readPerson,
  rtvbField,
  rtvbMessage,
} from './rtvb-form';

export type { PersonValues } from './rtvb-form';

type PersonRoles = Record<'opdrachtgever' | 'eigenaar', Pick<PersonValues, 'portfolioHolder'>>;

/**
 * The relation designer's and the roles form's values as typed, read into the API's input and checked with the
 * API's own schemas (`relationAnswersSchema`, `relationDecisionSchema`, `steeringRolesSchema` in core); the server's
 * issues mapped back onto the fields. Field paths are the API's, without the `relation.`/`roles.` prefix. Message
 * values are i18n keys (`steering.errors.*`).
 */

export type Question = (typeof RELATION_QUESTIONS)[number];

const key = (name: string) => `steering.errors.${name}`;
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

export const answersSchema = formSchema<AnswerValues, RelationAnswers>({
  read: (values) => ({
    input: Object.fromEntries(RELATION_QUESTIONS.map((q) => [q, values[q] === '' ? undefined : values[q]])),
  }),
  schema: relationAnswersSchema,
  explain: () => key('answerRequired'),
});

/** The answers as the API takes them when every question has a known answer (no message: for comparing). */
export function answersOf(values: AnswerValues): RelationAnswers | null {
  const result = relationAnswersSchema['~standard'].validate(values);
  return result instanceof Promise || result.issues ? null : result.value;
}

export function sameAnswers(a: RelationAnswers | null | undefined, b: RelationAnswers | null | undefined) {
  return a != null && b != null && RELATION_QUESTIONS.every((q) => a[q] === b[q]);
}

/** The answer options of a question, for the radio groups. */
export function answerOptions(question: Question): readonly string[] {
  return RELATION_ANSWERS[question];
}

// ——— The proposal's governance, as the person adapts it ———

export interface LadderRow {
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

export function governanceValues(governance: Governance): GovernanceValues {
  return {
    reportingFrequency: governance.reportingFrequency,
    kpiDepth: governance.kpiDepth,
    informationDuties: [...governance.informationDuties],
    meetingCadence: governance.meetingCadence,
    escalationLadder: governance.escalationLadder.map((step) => ({
      level: step.level,
      days: String(step.days),
    })),
    executionVariant: governance.executionVariant,
  };
}

export interface DecisionValues {
  chosen: string;
  motivation: string;
  /** The municipality's own note on the decision: never shown to a party. */
  internalNote: string;
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
      internalNote: stored.internalNote ?? '',
      governance: governanceValues(stored.governance),
    };
  }
  return {
    chosen: proposal.type,
    motivation: '',
    internalNote: stored?.internalNote ?? '',
    governance: governanceValues(proposal.governance),
  };
}

/** A type other than the proposal needs a motivation (SPEC §4.1: the user may choose otherwise, and says why). */
export function needsMotivation(chosen: string, proposed: string): boolean {
  return chosen !== '' && chosen !== proposed;
}

const ladderPath = (i: number, field: 'level' | 'days') => `governance.escalationLadder.${i}.${field}`;

/** The decision's fields in the order the page shows them (error summary, issue mapping). */
export function decisionFieldOrder(
  values: { governance: { escalationLadder: readonly unknown[] } } | null,
): string[] {
  const answers = RELATION_QUESTIONS.map((q) => `answers.${q}`);
  if (!values) return answers;
  return [
    ...answers,
    'chosen',
    'motivation',
    'internalNote',
    'governance.reportingFrequency',
    'governance.kpiDepth',
    'governance.informationDuties',
    'governance.meetingCadence',
    'governance.escalationLadder',
    ...values.governance.escalationLadder.flatMap((_, i) => [ladderPath(i, 'level'), ladderPath(i, 'days')]),
    'governance.executionVariant',
  ];
}

/** The Dutch message key for an issue of `relationDecisionSchema` (or the roles schema) on a field. */
export function decisionMessage({ path, code }: IssueAt): string {
  const long = code === 'too_big';
  if (path.startsWith('answers.')) return key('answerRequired');
  if (path === 'chosen') return key('chosenRequired');
  if (path === 'motivation') return key(long ? 'motivationTooLong' : 'motivationRequired');
  if (path === 'internalNote') return key('internalNoteTooLong');
  if (path === 'governance.escalationLadder') return key(long ? 'ladderTooLong' : 'ladderEmpty');
  if (/^governance\.escalationLadder\.\d+\.level$/.test(path))
    return key(long ? 'levelTooLong' : 'levelRequired');
  if (/^governance\.escalationLadder\.\d+/.test(path)) return key('daysInvalid');
  if (path.startsWith('governance.informationDuties')) return key('dutiesInvalid');
  if (path.startsWith('governance.')) return key('choiceRequired');
  return key('rejected');
}

/** Working days as typed (`10`, ` 10 `); anything else is not a number of days (and the schema says so). */
function days(value: string): number {
  const trimmed = value.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The decision the API takes for these answers: checked with `relationDecisionSchema` and core's motivation rule. */
export function decisionSchema(answers: RelationAnswers, proposed: RelationType) {
  return formSchema<DecisionValues, RelationDecision>({
    read: (values) => {
      const g = values.governance;
      return {
        input: {
          answers,
          chosen: values.chosen === '' ? undefined : values.chosen,
          governance: {
            reportingFrequency: g.reportingFrequency,
            kpiDepth: g.kpiDepth,
            // Each duty once, in the order the form lists them.
            informationDuties: [...new Set(g.informationDuties)],
            meetingCadence: g.meetingCadence,
            escalationLadder: g.escalationLadder.map((row) => ({
              level: row.level.trim(),
              days: days(row.days),
            })),
            executionVariant: g.executionVariant,
          },
          // Only a choice other than the proposal carries a motivation.
          ...(needsMotivation(values.chosen, proposed) ? { motivation: values.motivation.trim() } : {}),
          ...(values.internalNote.trim() ? { internalNote: values.internalNote.trim() } : {}),
        },
      };
    },
    schema: relationDecisionSchema,
    explain: keyAt(decisionMessage),
    check: (decision): Record<string, string> =>
      motivationMissing(decision) ? { motivation: key('motivationRequired') } : {},
  });
}

/** True when saving would store exactly what is stored already (the server would still add a version). */
export function sameDecision(relation: RelationDecision, stored: StoredRelation | null): boolean {
  if (!stored) return false;
  const { proposed: _proposed, ...decision } = stored;
  return same(relation, {
    ...decision,
    motivation: decision.motivation || undefined,
    internalNote: decision.internalNote || undefined,
  });
}

// ——— Roles, tasks, responsibilities, authorities ———

export interface ContactRow {
  side: string;
  name: string;
  role: string;
  email: string;
  phone: string;
}

/**
 * The roles as typed: one person per role with its RTVB (named as the API's fields, so its issues land on them),
 * contacts, and for a GR one set of roles per member municipality (rtvb-form.ts).
 */
export type RolesValues = Record<SteeringRoleKey, PersonValues> & {
  contacts: ContactRow[];
  members: MemberValues[];
};

export function newContactRow(side: (typeof CONTACT_SIDES)[number] | '' = ''): ContactRow {
  return { side, name: '', role: '', email: '', phone: '' };
}

export function rolesValues(
  roles: SteeringRoles,
  grMembers: readonly { space: string; name: string }[] = [],
  locale: AppLocale = 'nl-NL',
): RolesValues {
  const persons = Object.fromEntries(
    STEERING_ROLE_KEYS.map((role) => [role, personValues(roles[role], locale)]),
  ) as Record<SteeringRoleKey, PersonValues>;
  return {
    ...persons,
    contacts: (roles.contacts ?? []).map((c) => ({
      side: c.side,
      name: c.name,
      role: c.role,
      email: c.email ?? '',
      phone: c.phone ?? '',
    })),
    members: memberValues(roles.members, grMembers, locale),
  };
}

export const CONTACT_FIELDS = ['side', 'name', 'role', 'email', 'phone'] as const;

/** The roles form's fields in the order the page shows them. */
export function rolesFieldOrder(
  values: { contacts: readonly unknown[] } & Partial<Pick<RolesValues, SteeringRoleKey | 'members'>>,
): string[] {
  const person = (prefix: string, p: PersonValues | undefined, withHolder: boolean) =>
    personFieldOrder(prefix, p ?? { tasks: [], responsibilities: [], authorities: [] }, withHolder);
  return [
    ...STEERING_ROLE_KEYS.flatMap((role) =>
      person(role, values[role], ROLES_WITH_PORTFOLIO_HOLDER.includes(role)),
    ),
    ...(values.members ?? []).flatMap((m, i) => [
      `members.${i}.space`,
      ...MEMBER_ROLE_KEYS.flatMap((role) =>
        person(`members.${i}.${role}`, m[role], ROLES_WITH_PORTFOLIO_HOLDER.includes(role)),
      ),
    ]),
    'contacts',
    ...values.contacts.flatMap((_, i) => CONTACT_FIELDS.map((field) => `contacts.${i}.${field}`)),
  ];
}

export function rolesMessage({ path, code }: IssueAt): string {
  const long = code === 'too_big';
  if (path === 'contacts') return key('tooManyContacts');
  const contact = /^contacts\.\d+\.(\w+)$/.exec(path)?.[1];
  if (contact === 'side') return key('sideRequired');
  if (contact === 'name') return key(long ? 'nameTooLong' : 'contactNameRequired');
  if (contact === 'role') return key(long ? 'contactRoleTooLong' : 'contactRoleRequired');
  if (contact === 'email') return key('emailInvalid');
  if (contact === 'phone') return key('phoneInvalid');
  const rtvb = rtvbMessage(path, long);
  if (rtvb) return rtvb;
  if (path.endsWith('.portfolioHolder')) return key('portfolioHolderTooLong');
  if (path.endsWith('.name')) return key(long ? 'nameTooLong' : 'nameForPortfolioHolder');
  return key('rejected');
}

/** The roles the API takes: empty roles left out, what is typed trimmed, checked with `steeringRolesSchema`. */
export function rolesSchemaFor(locale: AppLocale) {
  return formSchema<RolesValues, SteeringRoles>({
    read: (values) => {
      const issues: Record<string, string> = {};
      const roles: Record<string, unknown> = {};
      for (const role of STEERING_ROLE_KEYS) {
        const person = readPerson(values[role], role, locale, issues);
        if (person) roles[role] = person;
      }
      // A member without any role is left out: its fieldset is shown for every member of the GR.
      const members = (values.members ?? []).flatMap((m, i) => {
        const entry: Record<string, unknown> = { space: m.space };
        for (const role of MEMBER_ROLE_KEYS) {
          const person = readPerson(m[role], `members.${i}.${role}`, locale, issues);
          if (person) entry[role] = person;
        }
        return Object.keys(entry).length > 1 ? [entry] : [];
      });
      const contacts = values.contacts.map((row) => {
        const email = optionalText(row.email);
        const phone = optionalText(row.phone);
        return {
          side: row.side === '' ? undefined : row.side,
          name: row.name.trim(),
          role: row.role.trim(),
          ...(email ? { email } : {}),
          ...(phone ? { phone } : {}),
        };
      });
      return {
        input: {
          ...roles,
          ...(contacts.length > 0 ? { contacts } : {}),
          ...(members.length > 0 ? { members } : {}),
        },
        issues,
        rename: rtvbField,
      };
    },
    schema: steeringRolesSchema,
    explain: keyAt(rolesMessage),
  });
}
export const rolesSchema = rolesSchemaFor('nl-NL');

export function sameRoles(a: SteeringRoles, b: SteeringRoles): boolean {
  const normal = (r: SteeringRoles) => ({
    ...r,
    contacts: r.contacts?.length ? r.contacts : undefined,
    members: r.members?.length ? r.members : undefined,
  });
  return same(normal(a), normal(b));
}

/**
 * The portfolio holder that opdrachtgever and eigenaar share, if they do (SPEC §4.2), so the form can warn
 * before saving; the same comparison as the API's (`personKey` in core), which warns after saving.
 */
export function sharedPortfolioHolder(
  values: Pick<PersonRoles, 'opdrachtgever' | 'eigenaar'>,
): string | null {
  const client = values.opdrachtgever.portfolioHolder.trim();
  const owner = values.eigenaar.portfolioHolder.trim();
  return client && owner && personKey(client) === personKey(owner) ? client : null;
}
