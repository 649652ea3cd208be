// TEMPORARY stand-in for @regie/api while it is being written; deleted before handing back.
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';

const t = initTRPC.create();
const kind = z.enum(['contract', 'subsidy', 'joint_arrangement', 'service_agreement']);
const domain = z.enum(['youth', 'wmo', 'participation', 'ict', 'other']);
const summary = z.object({
  id: z.string(),
  space: z.string(),
  kind,
  reference: z.string(),
  title: z.string(),
  status: z.string(),
  domain,
  startDate: z.string(),
  endDate: z.string(),
  valueCeilingCents: z.number().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
const agreement = summary.extend({ description: z.string(), createdAt: z.string(), createdBy: z.string() });
type Agreement = z.infer<typeof agreement>;
declare const a: Agreement;

export const appRouter = t.router({
  me: t.router({
    get: t.procedure.query(() => ({
      key: 'x',
      name: 'x',
      organisation: { id: 'x', name: 'x', kind: 'municipality' as 'municipality' | 'region' | 'provider' | 'joint_body' },
      space: 'x',
      roles: ['inkoper'] as string[],
      reach: [] as { space: string; name: string; kind: string }[],
    })),
  }),
  agreement: t.router({
    find: t.procedure
      .input(
        z.object({
          kind: kind.optional(),
          status: z.string().optional(),
          domain: domain.optional(),
          cursor: z.string().optional(),
          limit: z.number().int().min(1).max(100).optional(),
        }),
      )
      .query(() => ({ items: [] as z.infer<typeof summary>[], nextCursor: null as string | null })),
    get: t.procedure.input(z.object({ id: z.string() })).query(() => a),
    create: t.procedure
      .input(
        z.object({
          kind,
          reference: z.string().min(1).max(50),
          title: z.string().min(1).max(200),
          description: z.string().max(5000).optional(),
          domain,
          startDate: z.string(),
          endDate: z.string(),
          valueCeilingCents: z.number().int().min(0).optional(),
        }),
      )
      .mutation((): Agreement => {
        throw new TRPCError({ code: 'CONFLICT' });
      }),
  }),
});
export type AppRouter = typeof appRouter;
