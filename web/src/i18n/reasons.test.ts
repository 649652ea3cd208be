import { REASON_KEYS, REASONS, type Reason } from '@regie/core/browser';
import { describe, expect, it } from 'vitest';
import { nlReasons, type ReasonFormat, reasonText, setEnglishReasons } from './reasons';
import { enReasons } from './reasons-en';

// In the app the English texts arrive with the English chunk (index.ts `loadLanguage`).
setEnglishReasons(enReasons);

// i18n builds on nothing of the app's: the formats here are plain Intl, as lib/format.ts does them.
const format = (language: 'nl' | 'en'): ReasonFormat => ({
  language,
  label: (key, fallback) => (key === 'statuses.signed' ? 'SIGNED-LABEL' : fallback),
  money: (cents) =>
    new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      style: 'currency',
      currency: 'EUR',
    }).format(cents / 100),
  date: (value) => value.split('-').reverse().join('-'),
});

/** Sample params for a key: every name it lists, money and dates in their own form. */
function sample(reason: Reason): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const name of REASONS[reason] as readonly string[]) {
    params[name] = name.endsWith('Cents') ? 123_456 : name.endsWith('Date') ? '2026-03-04' : `«${name}»`;
  }
  return params;
}

describe('the texts of the API’s reason keys', () => {
  for (const [language, table] of [
    ['nl', nlReasons],
    ['en', enReasons],
  ] as const) {
    it(`has a ${language} text for every key of core's registry, and none for a key core no longer has`, () => {
      const missing = REASON_KEYS.filter((key) => !table[key]);
      const extra = Object.keys(table).filter((key) => !(REASON_KEYS as string[]).includes(key));
      expect(missing).toEqual([]);
      expect(extra).toEqual([]);
    });

    it(`uses in ${language} only the parameters a key has, and fills them all in`, () => {
      for (const key of REASON_KEYS) {
        const text = table[key];
        if (typeof text === 'string') {
          const used = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
          for (const name of used)
            expect(REASONS[key] as readonly string[], `${key} uses {{${name}}}`).toContain(name);
        }
        const shown = reasonText(key, sample(key), format(language));
        expect(shown, key).not.toMatch(/\{\{|undefined|NaN/);
        expect(shown.length, key).toBeGreaterThan(5);
      }
    });
  }

  it('says money and dates in Dutch formats, and statuses by their label', () => {
    const nl = format('nl');
    expect(reasonText('mandate.approvalRequired', { to: 'signed', thresholdCents: 123_456 }, nl)).toMatch(
      /€\s1\.234,56/,
    );
    expect(reasonText('mandate.approvalRequired', { to: 'signed', thresholdCents: 1 }, nl)).toContain(
      'SIGNED-LABEL',
    );
    expect(reasonText('subsidy.exOfficioTooEarly', { dueDate: '2026-03-04' }, nl)).toContain('04-03-2026');
    expect(reasonText('validation.too_big', { maximum: 200, origin: 'string' }, nl)).toBe(
      'Maximaal 200 tekens.',
    );
    expect(reasonText('validation.too_big', { maximum: 200, origin: 'string' }, format('en'))).toBe(
      'At most 200 characters.',
    );
  });

  it('labels the governance warnings’ domain values, a list item by item, and says when no KPI has a level', () => {
    const labelled: ReasonFormat = { ...format('nl'), label: (key, fallback) => `[${key}|${fallback}]` };
    expect(
      reasonText(
        'governance.executionVariantDiffers',
        { preferred: 'output', variants: 'effort, task' },
        labelled,
      ),
    ).toBe(
      'De gewenste uitvoeringsvariant is [variants.output|output], maar productregels zijn [variants.effort|effort], [variants.task|task].',
    );
    expect(
      reasonText(
        'governance.kpiDepthNotReached',
        { expectedDepth: 'outcome', reachedDepth: 'none' },
        format('nl'),
      ),
    ).toBe("De relatie vraagt KPI's op niveau outcome, maar geen afgesproken KPI heeft een niveau.");
    expect(
      reasonText(
        'governance.kpiDepthNotReached',
        { expectedDepth: 'outcome', reachedDepth: 'input' },
        labelled,
      ),
    ).toContain('niet verder dan [steering.kpiDepths.input|input]');
  });
});
