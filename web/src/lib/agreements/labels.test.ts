import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { actionLabel } from './labels';

/** A `t` over one language's messages: the key's dotted path, or the key when it leads nowhere. */
const translate = (messages: object) =>
  ((key: string) => {
    const found = key
      .split('.')
      .reduce<unknown>((at, part) => (at as Record<string, unknown>)?.[part], messages);
    return typeof found === 'string' ? found : key;
  }) as unknown as TFunction;

describe('the history’s action labels', () => {
  it('names an imported agreement’s event in Dutch and English', () => {
    expect(actionLabel(translate(nl), 'agreement.import')).toBe('Geïmporteerd');
    expect(actionLabel(translate(en), 'agreement.import')).toBe('Imported');
  });

  it('names the other actions and shows an unknown one as it is', () => {
    expect(actionLabel(translate(nl), 'create')).toBe('Aangemaakt');
    expect(actionLabel(translate(en), 'transition')).toBe('Status changed');
    expect(actionLabel(translate(nl), 'something.new')).toBe('something.new');
  });
});
