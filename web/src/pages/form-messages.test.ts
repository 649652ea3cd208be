import { describe, expect, it } from 'vitest';
import { correctionMessage, realisationMessage, yearCeilingMessage } from '../features/budget/budget-form';
import { organisationMessage } from '../features/organisations/organisation-form';
import { reportMessage } from '../features/reports/report-form';
import { decisionMessage, rolesMessage } from '../features/steering/steering-form';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';

/** A dotted i18n key's text in one language's resources, or undefined. */
function text(resources: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources);
}

const CODES = ['too_small', 'too_big', 'invalid_type', 'invalid_value', 'invalid_format', 'custom'];

describe('the forms’ messages', () => {
  it('name a Dutch and an English text for every issue a form can show', () => {
    const cases: [(issue: { path: string; code: string; value: unknown }) => string, string[]][] = [
      [organisationMessage, ['kind', 'name', 'kvkNumber', 'agbCode', 'iban', 'space']],
      [
        ({ path }) => realisationMessage(path),
        ['period', 'amountCents', 'volume', 'productLineId', 'note', ''],
      ],
      [correctionMessage, ['reason', 'realisation.amountCents', 'realisation.note']],
      [yearCeilingMessage, ['yearCeilings', 'yearCeilings.0.year', 'yearCeilings.0.cents']],
      [reportMessage, ['summary', 'figures', 'figures.0.label', 'figures.0.value', 'period']],
      [
        decisionMessage,
        [
          'answers.complexity',
          'chosen',
          'motivation',
          'governance.reportingFrequency',
          'governance.informationDuties.0',
          'governance.escalationLadder',
          'governance.escalationLadder.0.level',
          'governance.escalationLadder.0.days',
          'expectedVersion',
        ],
      ],
      [
        rolesMessage,
        [
          'opdrachtgever.name',
          'eigenaar.portfolioHolder',
          'contacts',
          'contacts.0.side',
          'contacts.0.name',
          'contacts.0.role',
          'contacts.0.email',
          'contacts.0.phone',
          '',
        ],
      ],
    ];
    for (const [message, paths] of cases)
      for (const path of paths)
        for (const code of CODES) {
          const key = message({ path, code, value: undefined });
          expect(typeof text(nl, key), `nl ${key}`).toBe('string');
          expect(typeof text(en, key), `en ${key}`).toBe('string');
        }
  });
});
