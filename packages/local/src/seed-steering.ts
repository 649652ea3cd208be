import { governanceDefaults } from '@regie/core';
import { createRepositories, type Db } from '@regie/db';
import { scopeOf } from './seed.ts';

/**
 * The first wave's steering on the seeded agreements: a relation decision (SPEC §4.1), an escalation the provider
 * raised and the municipality took a level up (§4.6), a KPI result with both sides' comments and a scored meeting
 * (§4.7), and a GR whose opdrachtgever and eigenaar share a wethouder (§4.2). Issue 14's parts follow in
 * seed-relation.ts, seed-rtvb.ts and seed-notifications.ts.
 */
export async function seedSteering(db: Db): Promise<void> {
  // Steering: a relation decision, and a GR whose opdrachtgever and eigenaar share a wethouder (SPEC §4.2).
  const steering = createRepositories(db, scopeOf('ermelo.inkoper')).steering;
  await steering.update('erm-hh-2026', 0, {
    relation: {
      answers: { complexity: 'medium', controlWhat: 'high', controlHow: 'low', alignment: 'partial' },
      chosen: 'customer',
      governance: governanceDefaults('customer'),
    },
    roles: {
      opdrachtgever: { name: 'Team Wmo', portfolioHolder: 'Wethouder J. Mulder' },
      eigenaar: { name: 'College van B&W', portfolioHolder: 'Wethouder S. de Boer' },
      opdrachtnemer: { name: 'Stichting Wijkracht Noord-Veluwe' },
      ambtelijkOpdrachtgever: { name: 'Regisseur Wmo' },
      contacts: [
        {
          side: 'contractor',
          name: 'Fatima el Amrani',
          role: 'Accountmanager',
          email: 'f.elamrani@wijkracht.example',
        },
      ],
    },
  });
  // An escalation the provider raised and the municipality took one level up (SPEC §4.6).
  const raised = await createRepositories(db, scopeOf('kompas.signer')).escalations.open({
    agreementId: 'erm-jh-2025',
    subject: 'Wachttijd ambulante jeugdhulp boven de norm',
    description:
      'De wachttijd voor intake loopt op naar 9 weken; wij vragen om extra inzet binnen het plafond.',
  });
  await createRepositories(db, scopeOf('ermelo.contractmanager')).escalations.escalate({
    agreementId: 'erm-jh-2025',
    escalationId: raised.id,
    expectedVersion: raised.version,
    note: 'Geen oplossing op werkniveau; naar de regisseur.',
  });
  // Joint accountability: a KPI result with a comment from each side, and a meeting with both scores.
  const provider = createRepositories(db, scopeOf('kompas.reporter')).accountability;
  const manager = createRepositories(db, scopeOf('ermelo.contractmanager')).accountability;
  await provider.recordKpi({
    agreementId: 'erm-jh-2025',
    kpiId: 'kpi-wachttijd',
    period: '2026-Q2',
    value: 7.5,
  });
  await provider.commentKpi({
    agreementId: 'erm-jh-2025',
    kpiId: 'kpi-wachttijd',
    period: '2026-Q2',
    text: 'Twee behandelaars met ziekteverlof.',
  });
  await manager.commentKpi({
    agreementId: 'erm-jh-2025',
    kpiId: 'kpi-wachttijd',
    period: '2026-Q2',
    text: 'Graag een plan van aanpak in het volgende overleg.',
  });
  const meeting = await manager.recordMeeting({
    agreementId: 'erm-jh-2025',
    date: '2026-10-08',
    kind: 'meeting',
    participants: ['Karim Contractmanager', 'Kees Ondertekenaar'],
    notes: 'Wachttijden en personeelsinzet besproken.',
    actions: [
      {
        text: 'Plan van aanpak wachttijd',
        owner: 'Jeugdhulp Kompas B.V.',
        due: '2026-11-01',
        side: 'provider',
      },
    ],
    score: 3,
  });
  await createRepositories(db, scopeOf('kompas.signer')).accountability.scoreMeeting({
    agreementId: 'erm-jh-2025',
    meetingId: meeting.id,
    score: 4,
  });
  // The region's GR is the region's to steer: its coordinator writes it (docs/region-rules.md).
  await createRepositories(db, scopeOf('noordveluwe.coordinator')).steering.update('rnv-gr-01', 0, {
    roles: {
      opdrachtgever: {
        name: 'Ambtelijk opdrachtgever sociaal domein',
        portfolioHolder: 'Wethouder M. Bakker',
      },
      eigenaar: { name: 'Lid algemeen bestuur', portfolioHolder: 'Wethouder M. Bakker' },
      opdrachtnemer: { name: 'Sociaal Domein Noord-Veluwe' },
    },
  });
}
