import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { loadRouters } from '@regie/api';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { type Call, MATRIX, type Target } from '../support/matrix.ts';
import { KOMPAS, WIJKRACHT } from '../support/two-providers.ts';

/**
 * SPEC §2 rule 6, the adversary is a co-party: on the seeded contract ERM-2026-JH02, which Kompas and Wijkracht
 * share, each provider delivers its own items (a report, a realisation, a KPI value with a comment, an escalation
 * it opens, its meeting score) and the municipality records a meeting with internal notes and an escalation about
 * each provider. Then every procedure of the router (the isolation matrix's calls, aimed at the shared contract,
 * plus calls naming the other party's own items) is called as every user of the other provider: nothing of the
 * other party's items, and nothing municipal-only, appears in any answer, and none of those items changes.
 */

const AGREEMENT: Target = {
  id: 'erm-jh-2026-samen',
  space: 'GM0233',
  reference: 'ERM-2026-JH02',
  kind: 'contract',
  status: 'active',
};
const MUNICIPAL_NOTES = 'GEHEIM-notulen-gemeente';

interface PartyItems {
  party: string;
  reporter: string;
  signer: string;
  /** Texts and ids only this party's items carry. */
  secrets: string[];
  realisationId: string;
  escalationId: string;
  /** The escalation the municipality opened about this party. */
  aboutId: string;
  reportPeriod: string;
}

describe('co-party matrix: each provider of a shared contract its own', () => {
  let api: TestApi;
  const parties: Record<string, PartyItems> = {};
  let meetingId = '';
  let calls = 0;

  const data = (response: { status: number; body: { result?: { data?: unknown } } }) => {
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.result?.data as Record<string, unknown> & { id: string; version: number };
  };

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    const manager = await api.token('ermelo.contractmanager');
    const id = AGREEMENT.id;
    // The seeded relation decision gets an internal note; each party asks a change with a reason of its own.
    const steering = data(await api.query('steering.get', { agreementId: id }, manager)) as unknown as {
      version: number;
      round: number;
      relation: Record<string, unknown>;
    };
    const { proposed: _proposed, ...relation } = steering.relation;
    data(
      await api.mutate(
        'steering.update',
        {
          agreementId: id,
          expectedVersion: steering.version,
          relation: { ...relation, internalNote: MUNICIPAL_NOTES } as never,
        },
        manager,
      ),
    );
    for (const [party, name] of [
      [KOMPAS, 'kompas'],
      [WIJKRACHT, 'wijkracht'],
    ] as const) {
      const reporter = await api.token(`${name}.reporter`);
      const secret = (what: string) => `GEHEIM-${party}-${what}`;
      data(
        await api.mutate(
          'steering.askChange',
          { agreementId: id, round: steering.round, reason: secret('relatie') },
          await api.token(`${name}.signer`),
        ),
      );
      const due = data(await api.query('report.due', { agreementId: id }, reporter)) as unknown as {
        dutyId: string;
        period: string;
      }[];
      const period = due.find((d) => d.dutyId === 'gb-kwartaal')!.period;
      data(
        await api.mutate(
          'report.submit',
          { agreementId: id, dutyId: 'gb-kwartaal', period, summary: secret('rapport') },
          reporter,
        ),
      );
      const realisation = data(
        await api.mutate(
          'budget.record',
          {
            agreementId: id,
            realisation: { period: '2026-06', amountCents: 12_345, note: secret('realisatie') },
          },
          reporter,
        ),
      ).realisation as { id: string };
      data(
        await api.mutate(
          'kpi.record',
          { agreementId: id, kpiId: 'kpi-gb-doel', period: '2026-Q2', value: 71.5, expectedVersion: 0 },
          reporter,
        ),
      );
      data(
        await api.mutate(
          'kpi.comment',
          { agreementId: id, kpiId: 'kpi-gb-doel', period: '2026-Q2', text: secret('kpi') },
          reporter,
        ),
      );
      const escalation = data(
        await api.mutate(
          'escalation.open',
          { agreementId: id, subject: secret('escalatie'), description: secret('toelichting') },
          reporter,
        ),
      );
      const about = data(
        await api.mutate(
          'escalation.open',
          { agreementId: id, party, subject: secret('over'), description: 'Zorgen over de wachtlijst' },
          manager,
        ),
      );
      parties[party] = {
        party,
        reporter: `${name}.reporter`,
        signer: `${name}.signer`,
        secrets: [
          secret('rapport'),
          secret('realisatie'),
          secret('kpi'),
          secret('escalatie'),
          secret('toelichting'),
          secret('over'),
          secret('relatie'),
          realisation.id,
          escalation.id,
          about.id,
        ],
        realisationId: realisation.id,
        escalationId: escalation.id,
        aboutId: about.id,
        reportPeriod: period,
      };
    }
    const meeting = data(
      await api.mutate(
        'dialogue.record',
        {
          agreementId: id,
          date: '2026-10-05',
          kind: 'evaluation',
          participants: ['Karim Contractmanager'],
          notes: MUNICIPAL_NOTES,
          score: 3,
        },
        manager,
      ),
    );
    meetingId = meeting.id;
    let version = meeting.version;
    for (const [party, score] of [
      [KOMPAS, 4],
      [WIJKRACHT, 2],
    ] as const) {
      const token = await api.token(parties[party]!.signer);
      version = data(
        await api.mutate(
          'dialogue.score',
          { agreementId: id, meetingId, score, expectedVersion: version },
          token,
        ),
      ).version;
    }
  });
  afterAll(async () => {
    await api.close();
    console.info(
      `co-party matrix: ${Object.keys(MATRIX).length} procedures × 4 provider users, ${calls} calls`,
    );
  });

  /** What of the agreement's collection belongs to `party` or to the municipality alone, as one comparable value. */
  async function guarded(party: string): Promise<string> {
    const out = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `GM0233#AGR#${AGREEMENT.id}` },
        ConsistentRead: true,
      }),
    );
    const kept = (out.Items ?? []).flatMap((item) => {
      if (item.party === party) return [item];
      // The municipality's meetings: their internal parts and this party's score.
      if (typeof item.sk === 'string' && item.sk.startsWith('MEET#') && item.party === undefined) {
        const { notes, participants, actions, scores, partyScores } = item as Record<string, unknown>;
        const theirs = ((partyScores ?? []) as { party: string }[]).filter((s) => s.party === party);
        return [
          {
            sk: item.sk,
            notes,
            participants,
            actions,
            municipality: (scores as { municipality?: unknown })?.municipality,
            theirs,
          },
        ];
      }
      return [];
    });
    expect(kept.length).toBeGreaterThanOrEqual(5);
    return JSON.stringify(kept);
  }

  /** Calls naming the other party's own items, besides the matrix's generic ones. */
  function aimedAt(other: PartyItems): Record<string, Call[]> {
    const id = AGREEMENT.id;
    return {
      'budget.correct': [1, 2].map((expectedVersion) => ({
        type: 'mutation' as const,
        input: {
          agreementId: id,
          realisationId: other.realisationId,
          expectedVersion,
          realisation: null,
          reason: 'x',
        },
      })),
      'budget.record': [
        {
          type: 'mutation',
          input: { agreementId: id, party: other.party, realisation: { period: '2026-06', amountCents: 1 } },
        },
      ],
      'report.submit': [
        {
          type: 'mutation',
          input: {
            agreementId: id,
            party: other.party,
            dutyId: 'gb-kwartaal',
            period: other.reportPeriod,
            summary: 'x',
          },
        },
      ],
      'kpi.record': [0, 1, 2].map((expectedVersion) => ({
        type: 'mutation' as const,
        input: {
          agreementId: id,
          party: other.party,
          kpiId: 'kpi-gb-doel',
          period: '2026-Q2',
          value: 1,
          expectedVersion,
        },
      })),
      'kpi.comment': [
        {
          type: 'mutation',
          input: { agreementId: id, party: other.party, kpiId: 'kpi-gb-doel', period: '2026-Q2', text: 'x' },
        },
      ],
      'escalation.open': [
        { type: 'mutation', input: { agreementId: id, party: other.party, subject: 'x', description: 'x' } },
      ],
      ...Object.fromEntries(
        ['escalation.resolve', 'escalation.escalate', 'escalation.respond'].map((path) => [
          path,
          [other.escalationId, other.aboutId].flatMap((escalationId) =>
            [1, 2].map((expectedVersion) => ({
              type: 'mutation' as const,
              input: { agreementId: id, escalationId, expectedVersion, note: 'x' },
            })),
          ),
        ]),
      ),
      'report.due': [
        { type: 'query', input: { agreementId: id } },
        { type: 'query', input: {} },
      ],
    };
  }

  it('covers every procedure of the router', async () => {
    expect(Object.keys((await loadRouters())._def.procedures).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [own, other] of [
    [KOMPAS, WIJKRACHT],
    [WIJKRACHT, KOMPAS],
  ] as const) {
    it(`gives ${own}'s users nothing of ${other}'s items or the municipality's notes, and changes none`, async () => {
      const target = parties[other]!;
      const secrets = [...target.secrets, MUNICIPAL_NOTES];
      const before = await guarded(other);
      for (const user of [parties[own]!.reporter, parties[own]!.signer]) {
        const token = await api.token(user);
        const extra = aimedAt(target);
        for (const [path, make] of Object.entries(MATRIX)) {
          for (const call of [...make(AGREEMENT), ...(extra[path] ?? [])]) {
            calls++;
            const response =
              call.type === 'query'
                ? await api.raw.query(path, call.input, token)
                : await api.raw.mutate(path, call.input, token);
            expect(response.status, `${user} ${path} answered ${response.status}`).toBeLessThan(500);
            const body = JSON.stringify(response.body);
            for (const secret of secrets)
              expect(
                body.includes(secret),
                `${user} ${path} ${JSON.stringify(call.input)} leaked ${secret}`,
              ).toBe(false);
          }
        }
      }
      expect(await guarded(other)).toEqual(before);
    }, 300_000);
  }

  it('shows the municipality both parties’ items, each labelled', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const reports = data(
      await api.query('report.list', { agreementId: AGREEMENT.id }, manager),
    ) as unknown as {
      party: string;
      summary: string;
    }[];
    for (const party of [KOMPAS, WIJKRACHT])
      expect(reports.find((r) => r.party === party)?.summary).toBe(`GEHEIM-${party}-rapport`);
    const escalations = JSON.stringify(
      data(await api.query('escalation.list', { agreementId: AGREEMENT.id }, manager)),
    );
    for (const party of [KOMPAS, WIJKRACHT]) expect(escalations).toContain(`GEHEIM-${party}-escalatie`);
    const meetings = JSON.stringify(
      data(await api.query('dialogue.list', { agreementId: AGREEMENT.id }, manager)),
    );
    expect(meetings).toContain(MUNICIPAL_NOTES);
    expect(meetingId).not.toBe('');
  });
});
