import { agreementRouter } from './routers/agreement.ts';
import { budgetRouter } from './routers/budget.ts';
import { escalationRouter } from './routers/escalation.ts';
import { dialogueRouter, kpiRouter } from './routers/kpi.ts';
import { meRouter } from './routers/me.ts';
import { organisationRouter } from './routers/organisation.ts';
import { reportRouter } from './routers/report.ts';
import { steeringRouter } from './routers/steering.ts';
import { tenantRouter } from './routers/tenant.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  me: meRouter,
  agreement: agreementRouter,
  organisation: organisationRouter,
  steering: steeringRouter,
  report: reportRouter,
  budget: budgetRouter,
  escalation: escalationRouter,
  kpi: kpiRouter,
  dialogue: dialogueRouter,
  tenant: tenantRouter,
});

export type AppRouter = typeof appRouter;
