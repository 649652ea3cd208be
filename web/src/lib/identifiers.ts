/**
 * Dutch identifier checks for forms, so a person hears what is wrong before anything is sent. They mirror the
 * API's checks (packages/core/src/identifiers.ts); the server checks again regardless.
 */

/** Spaces (also non-breaking ones) and dots people type in numbers: `8123 4567`, `NL20 INGB …`. */
function compact(value: string): string {
  return value.replace(/[\s\u00a0\u202f.]/g, '');
}

/** KvK-nummer: always 8 digits. */
export function isKvkNumber(value: string): boolean {
  return /^\d{8}$/.test(value);
}

/** AGB-code: 8 digits; 41… for an organisation (onderneming/vestiging), 91… for a care professional. */
export function isAgbCode(value: string): boolean {
  return /^(41|91)\d{6}$/.test(value);
}

/** An IBAN as the API stores it: no spaces, upper case. */
export function normaliseIban(value: string): string {
  return compact(value).toUpperCase();
}

/**
 * IBAN, ISO 13616 mod-97: move the first four characters to the end, letters to numbers (A=10 … Z=35), and the
 * remainder by 97 must be 1. A Dutch IBAN is 18 characters: NL, 2 check digits, a 4-letter bank code, 10 digits.
 */
export function isIban(input: string): boolean {
  const value = normaliseIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value)) return false;
  if (value.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(value)) return false;
  const rearranged = value.slice(4) + value.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** `NL20INGB0001234567` → `NL20 INGB 0001 2345 67`, the way an IBAN is read aloud and printed. */
export function formatIban(value: string): string {
  return normaliseIban(value)
    .replace(/(.{4})/g, '$1 ')
    .trim();
}

/** Digits as typed, without the spaces and dots people add (`8123 4567` → `81234567`). */
export function digitsOnly(value: string): string {
  return compact(value);
}
