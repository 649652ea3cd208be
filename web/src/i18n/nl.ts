import { nlAdmin } from './admin';
import { nlAgreementDetail } from './agreement-detail';
import { nlAgreementForm } from './agreement-form';
import { nlApp } from './app';
import { nlBounds } from './bounds';
import { nlBudget } from './budget';
import { nlCockpit } from './cockpit';
import { nlCollaboration } from './collaboration';
import { nlConflicts } from './conflicts';
import { nlDashboard } from './dashboard';
import { nlDeadlines } from './deadlines';
import { nlDeliveries } from './deliveries';
import { nlDialogue } from './dialogue';
import { nlEscalations } from './escalations';
import { nlExports } from './exports';
import { nlGovernance } from './governance';
import { nlHistory } from './history';
import { nlImport } from './import';
import { nlKpis } from './kpis';
import { nlLabels } from './labels';
import { nlNotifications } from './notifications';
import { nlOrganisations } from './organisations';
import { nlParties } from './parties';
import { nlPeople } from './people';
import { nlRegions } from './regions';
import { nlRegister } from './register';
import { nlRelation } from './relation';
import { nlReports } from './reports';
import { nlRtvb } from './rtvb';
import { nlSignIn } from './signin';
import { nlSigning } from './signing';
import { nlSimulation } from './simulation';
import { nlSteering } from './steering';
import { nlSubsidy } from './subsidy';
import { nlTermLabels } from './term-labels';
import { nlUi } from './ui';
import { nlWgr } from './wgr';

/** Dutch: the product's first language. The English file must have exactly these keys (checked by types). */
export const nl = {
  deadlines: nlDeadlines,
  parties: nlParties,
  people: nlPeople,
  cockpit: nlCockpit,
  simulation: nlSimulation,
  collaboration: nlCollaboration,
  conflicts: nlConflicts,
  governance: nlGovernance,
  relation: nlRelation,
  rtvb: nlRtvb,
  exports: nlExports,
  registerImport: nlImport,
  signIn: nlSignIn,
  signing: nlSigning,
  ui: nlUi,
  ...nlApp,
  ...nlLabels,
  ...nlRegister,
  agreementForm: nlAgreementForm,
  ...nlAgreementDetail,
  ...nlHistory,
  ...nlTermLabels,
  ...nlRegions,
  organisations: nlOrganisations,
  steering: nlSteering,
  reports: nlReports,
  budget: nlBudget,
  escalations: nlEscalations,
  dashboard: nlDashboard,
  kpis: nlKpis,
  dialogue: nlDialogue,
  admin: nlAdmin,
  bounds: nlBounds,
  notifications: nlNotifications,
  deliveries: nlDeliveries,
  wgr: nlWgr,
  subsidy: nlSubsidy,
};
