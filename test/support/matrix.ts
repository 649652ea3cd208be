import type { ProcedurePath } from './api.ts';
import { agreement } from './matrix/agreement.ts';
import { benchmark } from './matrix/benchmark.ts';
import { budget } from './matrix/budget.ts';
import { deadline } from './matrix/deadline.ts';
import { dialogue } from './matrix/dialogue.ts';
import { escalation } from './matrix/escalation.ts';
import { ical } from './matrix/ical.ts';
import { inbox } from './matrix/inbox.ts';
import { incentive } from './matrix/incentive.ts';
import { kpi } from './matrix/kpi.ts';
import { me } from './matrix/me.ts';
import { notification } from './matrix/notification.ts';
import { organisation } from './matrix/organisation.ts';
import { pc } from './matrix/pc.ts';
import { report } from './matrix/report.ts';
import { service } from './matrix/service.ts';
import { signing } from './matrix/signing.ts';
import { simulation } from './matrix/simulation.ts';
import { steering } from './matrix/steering.ts';
import { subsidy } from './matrix/subsidy.ts';
import { takeup } from './matrix/takeup.ts';
import { tenant } from './matrix/tenant.ts';
import type { Call, Target } from './matrix/types.ts';
import { usage } from './matrix/usage.ts';
import { user } from './matrix/user.ts';
import { wgr } from './matrix/wgr.ts';

export type { Call, Target } from './matrix/types.ts';

/**
 * The procedure matrix shared by the isolation matrix (test/integration/isolation-matrix-*.integration.test.ts,
 * run by test/support/isolation.ts) and the co-party matrix (test/integration/co-party-matrix.integration.test.ts).
 *
 * For one procedure: the calls that try to reach an object (or space) the caller may not touch — a foreign one in
 * the isolation matrix, a shared one in the co-party matrix. Every procedure of the router has an entry, in the
 * file of its router (`test/support/matrix/<router>.ts`, typed with exactly that router's procedures): a procedure
 * added, renamed or removed fails tsc as well as the coverage check, and a router missing here fails tsc on the
 * type below. The inputs are sent raw (`api.raw`): the matrices walk every procedure by name.
 */
export const MATRIX: Record<ProcedurePath, (target: Target) => Call[]> = {
  ...me,
  ...agreement,
  ...organisation,
  ...steering,
  ...simulation,
  ...benchmark,
  ...report,
  ...service,
  ...budget,
  ...escalation,
  ...notification,
  ...takeup,
  ...usage,
  ...wgr,
  ...pc,
  ...kpi,
  ...incentive,
  ...dialogue,
  ...tenant,
  ...user,
  ...deadline,
  ...inbox,
  ...ical,
  ...signing,
  ...subsidy,
};
