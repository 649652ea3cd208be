import type { nlDashboard } from './dashboard';

/**
 * English texts of the steering dashboard. Loaded with the English language (english.ts), not in the first
 * load.
 */
export const enDashboard: typeof nlDashboard = {
  title: 'Steering dashboard',
  intro: 'What needs attention per register. Each row leads to the agreement behind it.',
  loading: 'Loading dashboard…',
  error: 'The dashboard could not be loaded.',
  relationTypes: 'Relation types',
  relationLabel: 'Agreements per relation type: boss {{boss}}, customer {{customer}}, partner {{partner}}.',
  overdueDuties: 'Overdue information duties',
  ceilingsAtRisk: 'Ceilings at risk',
  openEscalations: 'Open escalations',
  roleConflicts: 'Role conflicts',
  tileTitle: '{{title}} ({{count}})',
  none: 'None.',
  dutyRow: '{{duty}}, {{period}}, due {{date}}',
  ceilingRow: '{{threshold}}% of the ceiling reached',
  escalationRow: '“{{subject}}” at level {{level}}, deadline {{date}}',
  overdue: 'overdue',
  conflictRow: 'portfolio holder {{holder}}',
};
