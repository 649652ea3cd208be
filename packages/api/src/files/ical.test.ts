import type { DeadlineRow } from '@regie/db';
import { describe, expect, it } from 'vitest';
import { renderFeed } from './ical.ts';

const row = (over: Partial<DeadlineRow>): DeadlineRow => ({
  id: 'x',
  space: 'GM0233',
  kind: 'notice',
  key: 'notice',
  date: '2027-06-30',
  agreementId: 'erm-jh-2025',
  reference: 'ERM-2025-JH01',
  title: 'Jeugdhulp',
  label: 'notice',
  params: {},
  roles: ['contractmanager'],
  ...over,
});

describe('the iCal feed', () => {
  it('has one all-day event per deadline with a stable UID and a Dutch title', () => {
    const text = renderFeed(
      [
        row({}),
        row({
          kind: 'wgr',
          key: 'wgr-2027-budgetAdoption',
          label: 'wgr.budgetAdoption',
          params: { year: '2027' },
          date: '2026-07-01',
        }),
        row({ kind: 'awb', key: 'awb-settlement', label: 'awb.settlement_application', date: '2027-03-01' }),
        row({
          kind: 'report_due',
          key: 'report-q',
          label: 'report_due',
          params: { duty: 'Kwartaalrapportage' },
        }),
        // Each provider party owes its own report: the event names the party.
        row({
          kind: 'report_due',
          key: 'report-q-PV40123456',
          label: 'report_due',
          params: { duty: 'Kwartaalrapportage', party: 'Stichting Wijkracht' },
        }),
      ],
      { space: 'GM0233', appUrl: 'https://regie.example.nl' },
    ).replaceAll('\r\n ', ''); // unfold long lines (RFC 5545 §3.1)
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect(text).toContain('DTSTART;VALUE=DATE:20270630');
    expect(text).toContain('DTEND;VALUE=DATE:20270701');
    expect(text).toContain('UID:GM0233.erm-jh-2025.notice@regie');
    expect(text).toContain('SUMMARY:Laatste dag opzeggen: ERM-2025-JH01 Jeugdhulp');
    expect(text).toContain('SUMMARY:Vaststelling begroting (Wgr) 2027: ERM-2025-JH01 Jeugdhulp');
    expect(text).toContain('SUMMARY:Aanvraag tot vaststelling verwacht (Awb 4:44): ERM-2025-JH01 Jeugdhulp');
    expect(text).toContain('SUMMARY:Rapportage verwacht (Kwartaalrapportage): ERM-2025-JH01 Jeugdhulp');
    expect(text).toContain(
      'SUMMARY:Rapportage verwacht (Kwartaalrapportage\\, Stichting Wijkracht): ERM-2025-JH01 Jeugdhulp',
    );
    expect(text).toContain('URL;VALUE=URI:https://regie.example.nl/agreements/erm-jh-2025');
  });
});
