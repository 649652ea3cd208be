import { describe, expect, it } from 'vitest';
import { loggablePath } from './log-path.ts';

describe('loggablePath', () => {
  it('hides the secret of an iCal feed and keeps every other path', () => {
    const secret = 'a'.repeat(43);
    expect(loggablePath(`/ical/GM0233/${secret}.ics`)).toBe('/ical/GM0233/***');
    expect(loggablePath(`/ical/GM0233/${secret}.ics`)).not.toContain(secret);
    expect(loggablePath('/trpc/agreement.get')).toBe('/trpc/agreement.get');
    expect(loggablePath('/public/0233/register.json')).toBe('/public/0233/register.json');
  });
});
