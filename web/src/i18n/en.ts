import { enAdmin } from './admin-en';
import { enAgreementDetail } from './agreement-detail-en';
import { enAgreementForm } from './agreement-form-en';
import { enApp } from './app-en';
import { enBounds } from './bounds';
import { enBudget } from './budget-en';
import { enCockpit } from './cockpit';
import { enCollaboration } from './collaboration';
import { enConflicts } from './conflicts';
import { enDashboard } from './dashboard-en';
import { enDeadlines } from './deadlines';
import { enDeliveries } from './deliveries';
import { enDialogue } from './dialogue-en';
import { enEscalations } from './escalations-en';
import { enExports } from './exports';
import { enGovernance } from './governance';
import { enHistory } from './history-en';
import { enImport } from './import';
import type { Messages } from './index';
import { enKpis } from './kpis-en';
import { enLabels } from './labels-en';
import { enNotifications } from './notifications';
import { enOrganisations } from './organisations-en';
import { enParties } from './parties';
import { enPeople } from './people';
import { enRegions } from './regions-en';
import { enRegister } from './register-en';
import { enRelation } from './relation';
import { enReports } from './reports-en';
import { enRtvb } from './rtvb';
import { enSignIn } from './signin';
import { enSigning } from './signing';
import { enSimulation } from './simulation';
import { enSteering } from './steering-en';
import { enSubsidy } from './subsidy';
import { enTermLabels } from './term-labels-en';
import { enUi } from './ui';
import { enWgr } from './wgr';

export const en: Messages = {
  deadlines: enDeadlines,
  parties: enParties,
  people: enPeople,
  cockpit: enCockpit,
  simulation: enSimulation,
  collaboration: enCollaboration,
  conflicts: enConflicts,
  governance: enGovernance,
  relation: enRelation,
  rtvb: enRtvb,
  exports: enExports,
  registerImport: enImport,
  signIn: enSignIn,
  signing: enSigning,
  ui: enUi,
  ...enApp,
  ...enLabels,
  ...enRegister,
  agreementForm: enAgreementForm,
  ...enAgreementDetail,
  ...enHistory,
  ...enTermLabels,
  ...enRegions,
  organisations: enOrganisations,
  steering: enSteering,
  reports: enReports,
  budget: enBudget,
  escalations: enEscalations,
  dashboard: enDashboard,
  kpis: enKpis,
  dialogue: enDialogue,
  admin: enAdmin,
  bounds: enBounds,
  notifications: enNotifications,
  deliveries: enDeliveries,
  wgr: enWgr,
  subsidy: enSubsidy,
};
