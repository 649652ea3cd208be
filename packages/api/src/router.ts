import { agreementRouter } from './routers/agreement.ts';
import { benchmarkRouter } from './routers/benchmark.ts';
import { budgetRouter } from './routers/budget.ts';
import { deadlineRouter, icalRouter, inboxRouter } from './routers/deadline.ts';
import { escalationRouter } from './routers/escalation.ts';
import { incentiveRouter } from './routers/incentive.ts';
import { dialogueRouter, kpiRouter } from './routers/kpi.ts';
import { meRouter } from './routers/me.ts';
import { notificationRouter } from './routers/notification.ts';
import { organisationRouter } from './routers/organisation.ts';
import { pcRouter } from './routers/pc.ts';
import { reportRouter } from './routers/report.ts';
import { serviceRouter } from './routers/service.ts';
import { signingRouter } from './routers/signing.ts';
import { simulationRouter } from './routers/simulation.ts';
import { steeringRouter } from './routers/steering.ts';
import { subsidyRouter } from './routers/subsidy.ts';
import { takeupRouter } from './routers/takeup.ts';
import { tenantRouter } from './routers/tenant.ts';
import { usageRouter } from './routers/usage.ts';
import { userRouter } from './routers/user.ts';
import { wgrRouter } from './routers/wgr.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  me: meRouter,
  agreement: agreementRouter,
  deadline: deadlineRouter,
  inbox: inboxRouter,
  ical: icalRouter,
  organisation: organisationRouter,
  steering: steeringRouter,
  report: reportRouter,
  budget: budgetRouter,
  escalation: escalationRouter,
  notification: notificationRouter,
  kpi: kpiRouter,
  dialogue: dialogueRouter,
  tenant: tenantRouter,
  user: userRouter,
  signing: signingRouter,
  simulation: simulationRouter,
  incentive: incentiveRouter,
  benchmark: benchmarkRouter,
  wgr: wgrRouter,
  takeup: takeupRouter,
  usage: usageRouter,
  pc: pcRouter,
  subsidy: subsidyRouter,
  service: serviceRouter,
});

export type AppRouter = typeof appRouter;

/**
 * Builds every router, so that `appRouter._def.procedures` lists all procedures (tests, tools). Each router is
 * `lazy` (routers/*.ts): it is built on the first call of one of its procedures, not when the API is imported.
 */
export async function loadRouters(): Promise<typeof appRouter> {
  const lazyRouters = appRouter._def.lazy as Record<string, { load(): Promise<void> }>;
  while (Object.keys(lazyRouters).length > 0) {
    await Promise.all(Object.values(lazyRouters).map((loader) => loader.load()));
  }
  return appRouter;
}
