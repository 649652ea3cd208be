import * as z from 'zod/mini';

/**
 * Every party its own (SPEC §2 rule 6): what one provider party of an agreement delivers or writes carries that
 * party (its `providerSpace`) and, for display, its name. The others never read or change it; the owner sees all.
 */
export interface PartyLabel {
  /** The provider party's space (`PV81234567`). */
  party: string;
  partyName: string;
}

/** The provider parties of an agreement that have a portal, each once, in the order of the agreement. */
export function providerParties(agreement: {
  parties: readonly { providerSpace: string | null; name: string }[];
}): PartyLabel[] {
  const out: PartyLabel[] = [];
  for (const p of agreement.parties) {
    if (p.providerSpace && !out.some((o) => o.party === p.providerSpace))
      out.push({ party: p.providerSpace, partyName: p.name });
  }
  return out;
}

/**
 * The optional `party` input of a municipal user acting on behalf of a provider party: required where the
 * agreement has more than one provider party. A provider's own requests always act for its own party.
 */
export const onBehalfOfSchema = () =>
  z.optional(z.string().check(z.regex(/^PV\d{8}$/, 'A party is named by its provider space (PV + KvK)')));

/**
 * The rows of a party list that repeat an earlier organisation in the same role (each pair once, SPEC §2): the
 * web form marks them, `assertTerms` refuses a list with any.
 */
export function repeatedParties(parties: readonly { organisationId: string; role: string }[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  parties.forEach((party, i) => {
    const pair = `${party.organisationId}/${party.role}`;
    if (seen.has(pair)) repeated.push(i);
    seen.add(pair);
  });
  return repeated;
}
