import type { Agreement, AgreementStatus } from './agreement.ts';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, DOMAINS } from './agreement.ts';
import type { Share } from './allocation.ts';
import { z } from './schema.ts';
import { EXECUTION_VARIANTS, FREQUENCIES, PARTY_ROLES, UNITS } from './terms.ts';

/**
 * What a provider's users may see of an agreement they are party to (SPEC §2 rule 4): the agreed terms,
 * their own party entry and the owner's name. Never: other parties, the allocation key between
 * municipalities, who drafted or changed it internally, approvals, internal notes or budget reserves.
 *
 * The schema is an explicit allow-list: parsing strips every field it does not name.
 */
export const partyViewSchema = z.object({
  id: z.string(),
  view: z.literal('party'),
  ownerSpace: z.string(),
  ownerName: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  version: z.int(),
  domain: z.enum(DOMAINS),
  startDate: z.string(),
  endDate: z.string(),
  noticePeriodMonths: z.nullable(z.int()),
  valueCeilingCents: z.nullable(z.int()),
  party: z.object({
    organisationId: z.string(),
    name: z.string(),
    role: z.enum(PARTY_ROLES),
    kvkNumber: z.string(),
  }),
  productLines: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      productCode: z.string(),
      description: z.optional(z.string()),
      variant: z.enum(EXECUTION_VARIANTS),
      unit: z.optional(z.enum(UNITS)),
      frequency: z.optional(z.enum(FREQUENCIES)),
      tariffCents: z.optional(z.int()),
      volumeCeiling: z.optional(z.int()),
      moneyCeilingCents: z.optional(z.int()),
      lumpSumCents: z.optional(z.int()),
      population: z.optional(z.string()),
    }),
  ),
  renewal: z.nullable(z.object({ options: z.int(), monthsEach: z.int(), used: z.int() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PartyView = z.infer<typeof partyViewSchema>;

/** The party view of one provider party of an agreement. */
export function toPartyView(
  agreement: Agreement,
  ownerName: string,
  providerSpace: string,
): PartyView | null {
  const party = agreement.parties.find((p) => p.providerSpace === providerSpace);
  if (!party) return null;
  return partyViewSchema.parse({
    ...agreement,
    view: 'party',
    ownerSpace: agreement.space,
    ownerName,
    party: {
      organisationId: party.organisationId,
      name: party.name,
      role: party.role,
      kvkNumber: party.kvkNumber,
    },
  });
}

/** The internal view adds each member's share for a region-owned agreement with an allocation key. */
export type InternalView = Agreement & {
  view: 'internal';
  shares: Share[] | null;
  /** The statuses the caller may move it to now (for the UI; the server checks again on every move). */
  transitions: AgreementStatus[];
};
