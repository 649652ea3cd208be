import * as z from 'zod/mini';
import { type Agreement, type AgreementCreateInput, agreementCreateInput } from './agreement.ts';
import { DomainError } from './errors.ts';
import { idSchema } from './schema.ts';
import type { ServiceInput } from './services.ts';
import type { TakeupRecord } from './takeup.ts';

/**
 * A member's own DVO under a regional arrangement (issue 16 point 3): created in the member's own register as a
 * child of the region's service agreement (`parentId`), its catalogue pre-filled with the member's take-up — the
 * services it takes, with their levels and price models, and its own quantities in place of the region's.
 */

/** Who creates a member's own DVO: its own users who draft agreements. */
export const TAKEUP_CHILD_ROLES = ['inkoper', 'contractmanager'] as const;

export const takeupChildSchema = z.strictObject({
  agreementId: idSchema(),
  reference: agreementCreateInput.shape.reference,
  title: z.optional(agreementCreateInput.shape.title),
});
export type TakeupChildInput = z.infer<typeof takeupChildSchema>;

/**
 * Whether `parent` may have a child agreement of `kind` in `space` as a member's own DVO: a region's service
 * agreement (not itself a child) and a service agreement in a municipality's register. That the municipality is
 * a member is the reach's business: only a member reaches the region's agreement.
 */
export function isRegionalChild(
  parent: Pick<Agreement, 'kind' | 'space' | 'parentId'>,
  kind: string,
  space: string,
): boolean {
  return (
    parent.kind === 'service_agreement' &&
    parent.space.startsWith('RG') &&
    !parent.parentId &&
    kind === 'service_agreement' &&
    space.startsWith('GM')
  );
}

/**
 * The create input of a member's own DVO: the parent's domain and end, starting when the member's take-up starts
 * (not before the parent), and the services of its take-up in catalogue order with their levels and ids; a service
 * priced per unit carries the member's quantity. Refused when the member has no take-up.
 */
export function childDvoInput(
  parent: Pick<Agreement, 'id' | 'title' | 'domain' | 'startDate' | 'endDate' | 'services'>,
  takeup: Pick<TakeupRecord, 'startDate' | 'modules'> | null,
  input: { reference: string; title?: string; memberName: string },
): AgreementCreateInput {
  if (!takeup || takeup.modules.length === 0)
    throw new DomainError('BAD_REQUEST', 'takeup.noTakeup', {
      field: 'agreementId',
      message: 'This municipality has no take-up under the regional agreement',
    });
  const taken = new Map(takeup.modules.map((m) => [m.serviceId, m]));
  const services: ServiceInput[] = parent.services
    .filter((s) => taken.has(s.id))
    .map((s) => {
      const quantity = taken.get(s.id)?.quantity;
      const price = s.price.model === 'fixed' || quantity === undefined ? s.price : { ...s.price, quantity };
      return { ...s, levels: s.levels.map((l) => ({ ...l })), price };
    });
  const startDate = takeup.startDate > parent.startDate ? takeup.startDate : parent.startDate;
  return {
    kind: 'service_agreement',
    reference: input.reference,
    title: input.title ?? `${parent.title} – ${input.memberName}`.slice(0, 200),
    domain: parent.domain,
    startDate,
    endDate: parent.endDate < startDate ? startDate : parent.endDate,
    parentId: parent.id,
    services,
  };
}
