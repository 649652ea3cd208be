/**
 * Spaces are the unit of tenancy (SPEC §2). Every stored key starts with `<space>#`.
 * - municipality: its CBS code, `GM0233`
 * - region: `RG` + a short upper-case name, `RGNOORDVELUWE`
 * - provider: `PV` + KvK number, `PV12345678`
 */
export type SpaceKind = 'municipality' | 'region' | 'provider';

export const SPACE_PATTERN = /^(GM\d{4}|RG[A-Z0-9]{2,30}|PV\d{8})$/;

export function isSpace(value: string): boolean {
  return SPACE_PATTERN.test(value);
}

export function spaceKind(space: string): SpaceKind {
  if (space.startsWith('GM')) return 'municipality';
  if (space.startsWith('RG')) return 'region';
  return 'provider';
}

export const providerSpace = (kvk: string) => `PV${kvk}`;
