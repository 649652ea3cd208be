import { describe, expect, it } from 'vitest';
import { canFile, canRespond, readFigures } from './model';

describe('notification figures', () => {
  it('drops empty rows, reads a decimal comma and keeps the unit only when given', () => {
    expect(
      readFigures([
        { label: 'Wachtenden', value: '12', unit: 'cliënten' },
        { label: '', value: '', unit: '' },
        { label: 'Wachttijd', value: '9,5', unit: '' },
      ]),
    ).toEqual({
      figures: [
        { label: 'Wachtenden', value: 12, unit: 'cliënten' },
        { label: 'Wachttijd', value: 9.5 },
      ],
      errors: [],
    });
  });
  it('names each half-filled field', () => {
    expect(readFigures([{ label: '', value: 'veel', unit: '' }]).errors).toEqual([
      { row: 0, field: 'label' },
      { row: 0, field: 'value' },
    ]);
  });
  it('lets a provider file and the owner respond', () => {
    expect(canFile({ roles: ['provider_reporter'] })).toBe(true);
    expect(canFile({ roles: ['contractmanager'] })).toBe(false);
    expect(canRespond({ roles: ['inkoper'] })).toBe(true);
    expect(canRespond({ roles: ['provider_signer'] })).toBe(false);
  });
});
