/**
 * Dutch identifier checks (DOMAIN.md §d). Pure functions; each returns true for a valid value.
 */

/** KvK-nummer: always 8 digits (Logius OIN-stelsel, Bijlage A). */
export function isKvkNumber(value: string): boolean {
  return /^\d{8}$/.test(value);
}

/** AGB-code: 8 digits; 41… for an onderneming/vestiging, 91… for a zorgverlener (Vektis). */
export function isAgbCode(value: string): boolean {
  return /^(41|91)\d{6}$/.test(value);
}

/** CBS gemeentecode with the GM prefix as CBS datasets write it (GM0233 = Ermelo). */
export function isCbsMunicipalityCode(value: string): boolean {
  return /^GM\d{4}$/.test(value);
}

/**
 * An IBAN as stored and compared: upper case, without the separators people type or paste. Whitespace of every
 * kind (also the non-breaking and narrow non-breaking spaces banking apps copy) and dots are dropped: neither can
 * be part of an IBAN, so dropping them never turns one IBAN into another. Decided here once for the API, the
 * database and the web app.
 */
export function normaliseIban(value: string): string {
  return value.replace(/[\s\u00a0\u202f.]/g, '').toUpperCase();
}

/**
 * IBAN, ISO 13616 mod-97 check (of the normalised value). Dutch IBANs are 18 characters: NL + 2 check digits + 4-letter bank
 * code + 10 digits; other countries' lengths are accepted within 15..34 characters.
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
