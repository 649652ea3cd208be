import { type LevelHistory, type ServiceCorrectInput, serviceCorrectSchema } from '@regie/core/browser';
import { formSchema, optionalText } from '../../lib/form-schema';
import { type AppLocale, parseDecimal } from '../../lib/format';

/** A period as `service.report` takes it: `2026-10` (month), `2026-Q4` (quarter) or `2026` (year). */
export function checkPeriod(period: string): boolean {
  return /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/.test(period);
}

/**
 * The filled fields of the report form as values to send (in catalogue order), and the levels whose field holds
 * no number ≥ 0; an empty field is not reported.
 */
export function parseLevelValues(
  levels: readonly Pick<LevelHistory, 'serviceId' | 'levelId'>[],
  fields: Record<string, string>,
  parse: (s: string) => number | null,
): { values: { serviceId: string; levelId: string; value: number }[]; invalid: string[] } {
  const values: { serviceId: string; levelId: string; value: number }[] = [];
  const invalid: string[] = [];
  for (const l of levels) {
    const text = (fields[l.levelId] ?? '').trim();
    if (text === '') continue;
    const value = parse(text);
    if (value === null || value < 0 || value > 1_000_000) invalid.push(l.levelId);
    else values.push({ serviceId: l.serviceId, levelId: l.levelId, value });
  }
  return { values, invalid };
}

type Caller = { roles: readonly string[]; space: string } | undefined;

/**
 * Whether the caller is offered the report form (core `serviceReporter` decides on the server): a provider party's
 * reporter in its party view; where no provider party has a portal (a joint body), the owner's own contract manager
 * or coordinator — on a region's agreement the region's users, not a member's.
 */
export function mayReportServiceLevels(
  me: Caller,
  a: { view: 'internal' | 'party'; space?: string; providerParties: number },
): boolean {
  if (!me) return false;
  if (a.view === 'party') return me.roles.includes('provider_reporter');
  return (
    a.providerParties === 0 &&
    me.space === a.space &&
    me.roles.some((r) => r === 'contractmanager' || r === 'coordinator')
  );
}

/** Whether the caller may set the agreement's threshold: the owner's own users with a writing role. */
export function mayConfigureServiceLevels(
  me: Caller,
  a: { view: 'internal' | 'party'; space?: string },
): boolean {
  return (
    !!me &&
    a.view === 'internal' &&
    me.space === a.space &&
    me.roles.some((r) => r === 'contractmanager' || r === 'inkoper' || r === 'coordinator')
  );
}

// ——— Correcting one reported value (`service.correct`) ———

/** The correction form as typed: the new value in the user's number format and an optional reason. */
export interface CorrectionValues {
  value: string;
  note: string;
}
export const CORRECTION_FIELDS = ['value', 'note'] as const;

/** The reported value the form corrects: where it sits and the version it was read at. */
export interface CorrectionTarget {
  agreementId: string;
  serviceId: string;
  levelId: string;
  period: string;
  expectedVersion: number;
}

const CORRECT_ERRORS = 'services.correct.errors';

/**
 * `service.correct`'s input from what was typed, checked with the API's own schema (`serviceCorrectSchema`):
 * a value that is no number goes to the schema as typed (it refuses it at `value`); an empty reason is absent.
 * Issues are i18n keys under `services.correct.errors`; the target's own fields are not typed, so an issue there
 * is about the form as a whole.
 */
export function correctionSchema(target: CorrectionTarget, locale: AppLocale) {
  return formSchema<CorrectionValues, ServiceCorrectInput>({
    schema: serviceCorrectSchema,
    read: (values) => {
      const text = values.value.trim();
      const note = optionalText(values.note);
      return {
        input: {
          ...target,
          value: text === '' ? '' : (parseDecimal(text, locale) ?? text),
          ...(note ? { note } : {}),
        },
      };
    },
    explain: (_issue, field) =>
      (CORRECTION_FIELDS as readonly string[]).includes(field)
        ? { field, key: `${CORRECT_ERRORS}.${field}` }
        : { field: 'root', key: `${CORRECT_ERRORS}.rejected` },
  });
}

/** The value shown in the form at first: the reported one, in the user's number format without grouping. */
export function correctionDefaults(value: number, locale: AppLocale): CorrectionValues {
  return { value: locale === 'nl-NL' ? String(value).replace('.', ',') : String(value), note: '' };
}
