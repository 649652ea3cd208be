import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  agreementCreateInput,
  agreementTermsPatch,
  DOMAINS,
  idSchema,
  isSpace,
  MUNICIPAL_ROLES,
  text,
  z,
} from '@regie/core';
import { mutationProcedure, procedure, router } from '../trpc.ts';

const READ = MUNICIPAL_ROLES;
const WRITE = ['inkoper', 'contractmanager'] as const;

const version = () => z.int().check(z.gte(1), z.lte(1_000_000_000));

export const agreementFindInput = z.strictObject({
  kind: z.optional(z.enum(AGREEMENT_KINDS)),
  status: z.optional(z.enum(AGREEMENT_STATUSES)),
  domain: z.optional(z.enum(DOMAINS)),
  space: z.optional(z.string().check(z.refine(isSpace, 'Invalid space'))),
  cursor: z.optional(text(2048, 1)),
  limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
});

const byId = z.strictObject({ id: idSchema() });

export const agreementRouter = router({
  find: procedure
    .meta({ roles: READ })
    .input(z.optional(agreementFindInput))
    .query(({ ctx, input }) => ctx.repos.agreements.find({ ...input, limit: input?.limit ?? 50 })),

  get: procedure
    .meta({ roles: READ })
    .input(byId)
    .query(({ ctx, input }) => ctx.repos.agreements.get(input.id)),

  create: mutationProcedure
    .meta({ roles: WRITE })
    .input(agreementCreateInput)
    .mutation(({ ctx, input }) => ctx.repos.agreements.create(input)),

  update: mutationProcedure
    .meta({ roles: WRITE })
    .input(z.strictObject({ id: idSchema(), expectedVersion: version(), data: agreementTermsPatch }))
    .mutation(({ ctx, input }) => ctx.repos.agreements.update(input.id, input.expectedVersion, input.data)),

  transition: mutationProcedure
    .meta({ roles: ['inkoper', 'contractmanager', 'approver'] })
    .input(
      z.strictObject({
        id: idSchema(),
        expectedVersion: version(),
        to: z.enum(AGREEMENT_STATUSES),
        note: z.optional(text(1000)),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.repos.agreements.transition(input.id, input.expectedVersion, input.to, input.note),
    ),

  history: procedure
    .meta({ roles: READ })
    .input(byId)
    .query(({ ctx, input }) => ctx.repos.agreements.history(input.id)),

  verifyAudit: procedure
    .meta({ roles: READ })
    .input(byId)
    .query(({ ctx, input }) => ctx.repos.agreements.verify(input.id)),
});
