import { isSpace } from '@regie/core';

/**
 * The key scheme. Every partition key, of the table and of every index, is `<space>#<rest>`, so a
 * caller bound to a space can only ever name its own items, and the AWS deployment's IAM condition
 * `dynamodb:LeadingKeys` = `<space>#*` (infra/lib/tenant-policy.ts) matches exactly what is written here.
 */
export const SEP = '#';

function spaced(space: string, ...parts: string[]): string {
  if (!isSpace(space)) throw new Error(`Invalid space ${JSON.stringify(space)}`);
  return [space, ...parts].join(SEP);
}

/** The prefix every key of a space starts with. */
export const spacePrefix = (space: string) => spaced(space, '');

export const keys = {
  space: (space: string) => ({ pk: spaced(space, 'SPACE'), sk: 'SPACE' }),
  /** An event of the space's own audit chain (settings, organisations); the head is on the space record. */
  spaceEvent: (space: string, seq: number) => ({
    pk: spaced(space, 'SPACE'),
    sk: `EV${SEP}${String(seq).padStart(9, '0')}`,
  }),
  /** Marks a completely loaded local seed (written last). */
  seedMarker: (space: string) => ({ pk: spaced(space, 'SEED'), sk: 'SEED' }),
  user: (space: string, key: string) => ({ pk: spaced(space, 'USER', key), sk: 'USER' }),
  usersIndex: (space: string) => spaced(space, 'USERS'),
  /** Claims an e-mail address inside a space (one user per address); holds the user's key. */
  userEmail: (space: string, email: string) => ({ pk: spaced(space, 'USEREMAIL', email), sk: 'USEREMAIL' }),
  organisation: (space: string, id: string) => ({ pk: spaced(space, 'ORG', id), sk: 'ORG' }),
  organisationsIndex: (space: string) => spaced(space, 'ORGS'),
  agreement: (space: string, id: string) => ({ pk: spaced(space, 'AGR', id), sk: 'AGR' }),
  /** The register of a space on gsi1–gsi4 (all, by kind, by status, by end date). */
  registerIndex: (space: string) => spaced(space, 'REG'),
  reference: (space: string, reference: string) => ({
    pk: spaced(space, 'REF', reference.toUpperCase()),
    sk: 'REF',
  }),
  /** gsi1 of reference items: the space's references in order. */
  referencesIndex: (space: string) => spaced(space, 'REFS'),
  /** A provider's party view of an agreement, projected into the provider's own space. */
  partyView: (providerSpace: string, agreementId: string) => ({
    pk: spaced(providerSpace, 'AGR', agreementId),
    sk: 'VIEW',
  }),
  /** Links from a party organisation to the agreements it is party to, per owning space. */
  partyLink: (space: string, organisationId: string, sortKey: string) => ({
    pk: spaced(space, 'PARTY', organisationId),
    sk: sortKey,
  }),
  partyLinks: (space: string, organisationId: string) => spaced(space, 'PARTY', organisationId),
  /**
   * The next report due under one duty of an agreement from one provider party (one item per duty and party,
   * advanced on submission); without a party where no party has a portal.
   */
  due: (space: string, agreementId: string, dutyId: string, party?: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: party ? `DUE${SEP}${dutyId}${SEP}${party}` : `DUE${SEP}${dutyId}`,
  }),
  duePrefix: 'DUE#',
  /** gsi1 of due items: what a space expects, by due date (overdue = due date before today). */
  dueIndex: (space: string) => spaced(space, 'DUE'),
  /** A submitted report of one provider party (none where no party has a portal), in the agreement's collection. */
  report: (space: string, agreementId: string, dutyId: string, period: string, party?: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: party ? `REPORT${SEP}${dutyId}${SEP}${period}${SEP}${party}` : `REPORT${SEP}${dutyId}${SEP}${period}`,
  }),
  reportPrefix: 'REPORT#',
  /** A measured value of one service level for one period (and provider party), in the agreement's collection. */
  serviceLevelValue: (
    space: string,
    agreementId: string,
    levelId: string,
    period: string,
    party?: string,
  ) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: party ? `SLV${SEP}${levelId}${SEP}${period}${SEP}${party}` : `SLV${SEP}${levelId}${SEP}${period}`,
  }),
  serviceLevelValuePrefix: 'SLV#',
  /** An agreement's service-level settings (signal threshold) and active signals, in its collection. */
  serviceLevelSummary: (space: string, agreementId: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: 'SLSUM',
  }),
  /** gsi1 of service-level summaries with an active signal (sparse): the dashboard's service-level block. */
  serviceLevelSignals: (space: string) => spaced(space, 'SLSIG'),
  /** A realisation (amount/volume in a month) and the running budget totals, in the agreement's collection. */
  realisation: (space: string, agreementId: string, period: string, id: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `REAL${SEP}${period}${SEP}${id}`,
  }),
  realisationPrefix: 'REAL#',
  budget: (space: string, agreementId: string) => ({ pk: spaced(space, 'AGR', agreementId), sk: 'BUDGET' }),
  /** A signal (threshold crossed, …) in the agreement's collection, and on the space's signal index (gsi1). */
  signal: (space: string, agreementId: string, key: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `SIGNAL${SEP}${key}`,
  }),
  signalIndex: (space: string) => spaced(space, 'SIGNALS'),
  /** An escalation in the agreement's collection; while open also on the space's index by deadline (gsi1). */
  escalation: (space: string, agreementId: string, id: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `ESC${SEP}${id}`,
  }),
  escalationPrefix: 'ESC#',
  openEscalations: (space: string) => spaced(space, 'ESCOPEN'),
  /** A provider's event notification in the agreement's collection; while unanswered on the space's index (gsi1). */
  notification: (space: string, agreementId: string, id: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `NOTIF${SEP}${id}`,
  }),
  notificationPrefix: 'NOTIF#',
  openNotifications: (space: string) => spaced(space, 'NOTIFOPEN'),
  /** A KPI result of one period and provider party, and a meeting of the dialogue log, in the agreement's collection. */
  kpiResult: (space: string, agreementId: string, kpiId: string, period: string, party?: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: party ? `KPI${SEP}${kpiId}${SEP}${period}${SEP}${party}` : `KPI${SEP}${kpiId}${SEP}${period}`,
  }),
  kpiPrefix: 'KPI#',
  /** A settled incentive period of one provider party (none where no party has a portal), in the collection. */
  incentiveSettlement: (space: string, agreementId: string, period: string, party?: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: party ? `INCSET${SEP}${period}${SEP}${party}` : `INCSET${SEP}${period}`,
  }),
  incentiveSettlementPrefix: 'INCSET#',
  meeting: (space: string, agreementId: string, date: string, id: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `MEET${SEP}${date}${SEP}${id}`,
  }),
  meetingPrefix: 'MEET#',
  /** The collaboration monitor's summary of an agreement (latest averages, active signals), in its collection. */
  collaboration: (space: string, agreementId: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: 'COLLAB',
  }),
  /** gsi1 of collaboration summaries with an active signal (sparse): the dashboard's "Samenwerking" block. */
  collaborationSignals: (space: string) => spaced(space, 'COLLABSIG'),
  /** Signing (SPEC §5.2), in the agreement's collection: the head (current document), documents, signatures. */
  signing: (space: string, agreementId: string) => ({ pk: spaced(space, 'AGR', agreementId), sk: 'SIGN' }),
  document: (space: string, agreementId: string, documentId: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `DOC${SEP}${documentId}`,
  }),
  documentPrefix: 'DOC#',
  /** One signature per slot (`SignerSlot.id`): the key itself keeps an organisation from filling a slot twice. */
  signature: (space: string, agreementId: string, documentId: string, slotId: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `SIG${SEP}${documentId}${SEP}${slotId}`,
  }),
  /** A deadline of an agreement (deadline engine, SPEC §5.3), and on the space's deadline index by date (gsi1). */
  deadline: (space: string, agreementId: string, key: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `DL${SEP}${key}`,
  }),
  deadlinePrefix: 'DL#',
  deadlineIndex: (space: string) => spaced(space, 'DEADLINES'),
  /** gsi2 of meeting deadlines not yet held (governance.ts): the dashboard's missed meetings by date. */
  openMeetings: (space: string) => spaced(space, 'MEETOPEN'),
  /** Signals for everyone with a role in a space (the inbox), newest first by sort key `<date>#<signal>`. */
  inbox: (space: string, role: string) => spaced(space, 'INBOX', role),
  /** That one user has read a signal. */
  inboxRead: (space: string, userKey: string, signal: string) => ({
    pk: spaced(space, 'INBOXREAD', userKey),
    sk: signal,
  }),
  /** A personal iCal feed, found by the hash of its secret. */
  icalFeed: (space: string, secretHash: string) => ({ pk: spaced(space, 'ICAL', secretHash), sk: 'ICAL' }),
  /**
   * The regional benchmark's partition of a region (issue 15): `OPTIN#<member>` (written with the member's audited
   * opt-in), `SRC#<space>` (one participant's aggregate, by the benchmark job), `RESULT` and `RESULT#<product code>`
   * (the computed benchmark). The job's own IAM role reaches exactly `RG*#BENCH` (infra/lib/stacks/jobs-stack.ts).
   */
  benchmark: (region: string) => spaced(region, 'BENCH'),
  benchmarkOptIn: (region: string, member: string) => ({
    pk: spaced(region, 'BENCH'),
    sk: `OPTIN${SEP}${member}`,
  }),
  benchmarkSource: (region: string, space: string) => ({
    pk: spaced(region, 'BENCH'),
    sk: `SRC${SEP}${space}`,
  }),
  benchmarkResult: (region: string) => ({ pk: spaced(region, 'BENCH'), sk: 'RESULT' }),
  benchmarkProduct: (region: string, productCode: string) => ({
    pk: spaced(region, 'BENCH'),
    sk: `RESULT${SEP}${productCode}`,
  }),
  /** The last day the deadline job created signals for a space. */
  jobRun: (space: string) => ({ pk: spaced(space, 'JOB', 'deadlines'), sk: 'JOB' }),
  /** The public Woo register of a space: one record per published agreement, public fields only. */
  publicRecord: (space: string, reference: string) => ({
    pk: spaced(space, 'PUB'),
    sk: reference.toUpperCase(),
  }),
  publicRegister: (space: string) => spaced(space, 'PUB'),
  /** Running counts per space for the steering dashboard (relation types), updated with each change. */
  stats: (space: string) => ({ pk: spaced(space, 'STATS'), sk: 'STATS' }),
  /** Steering data of an agreement (relation, roles), in the agreement's item collection. */
  steering: (space: string, agreementId: string) => ({ pk: spaced(space, 'AGR', agreementId), sk: 'STEER' }),
  /** The Wgr planning & control calendar of a GR for one budget year, in the agreement's item collection. */
  wgrCalendar: (space: string, agreementId: string, year: number) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `WGR${SEP}${year}`,
  }),
  /** One member's take-up of a region's service agreement (issue 16), in the agreement's item collection. */
  takeup: (space: string, agreementId: string, member: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `TAKEUP${SEP}${member}`,
  }),
  /** The region's take-up setting of a service agreement (sharing details with members), in its item collection. */
  takeupSharing: (space: string, agreementId: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: 'TAKEUPSHARE',
  }),
  /** One member's measured usage of one month (issue 16 point 4), in the agreement's item collection. */
  usage: (space: string, agreementId: string, period: string, member: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `USAGE${SEP}${period}${SEP}${member}`,
  }),
  /** A GR's indicator set, its members' agreements and its verbonden-partij profile (issue 16 point 5). */
  pcSet: (space: string, agreementId: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `PC${SEP}SET`,
  }),
  /** A GR's indicator targets, realised values and party figures of one budget year (issue 16 point 5). */
  pcYear: (space: string, agreementId: string, year: number) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `PC${SEP}YEAR${SEP}${year}`,
  }),
  /** gsi1 of steering items whose opdrachtgever and eigenaar share a portfolio holder. */
  roleConflicts: (space: string) => spaced(space, 'ROLECONFLICT'),
  /** gsi2 (as opdrachtgever) and gsi3 (as eigenaar) of steering items, per portfolio holder. */
  portfolioHolder: (space: string, holderKey: string) => spaced(space, 'PH', holderKey),
  /** gsi4 of steering and member-roles items: every eigenaar with a portfolio holder in a space, by holder. */
  roleOwners: (space: string) => spaced(space, 'PHOWNERS'),
  /**
   * A GR's roles of one participating municipality, in the GR's own collection (so whoever may write the GR's
   * steering writes it, under the same leading key), indexed on gsi2/gsi3/gsi4 under the member's space: its
   * portfolio holders sit beside the member's own agreements' and are found from there.
   */
  memberRoles: (grSpace: string, agreementId: string, member: string) => ({
    pk: spaced(grSpace, 'AGR', agreementId),
    sk: `GRROLES${SEP}${member}`,
  }),
  /** Links from a framework agreement to its call-offs (deelovereenkomsten). */
  childLink: (space: string, parentId: string, sortKey: string) => ({
    pk: spaced(space, 'CHILD', parentId),
    sk: sortKey,
  }),
  childLinks: (space: string, parentId: string) => spaced(space, 'CHILD', parentId),
  /** A subsidy regulation (subsidieregeling, Awb 4:23) with its ceiling and running granted total. */
  regulation: (space: string, id: string) => ({ pk: spaced(space, 'REGL', id), sk: 'REGL' }),
  /** gsi1 of regulations: a space's regulations by budget year. */
  regulationsIndex: (space: string) => spaced(space, 'REGLS'),
  /** An audit event of a regulation's own chain, in its collection. */
  regulationEvent: (space: string, id: string, seq: number) => ({
    pk: spaced(space, 'REGL', id),
    sk: `EV${SEP}${String(seq).padStart(9, '0')}`,
  }),
  /** Search words, bucketed by their first two characters; sort key `<word>#<createdAt>#<id>`. */
  words: (space: string, bucket: string) => spaced(space, 'WORD', bucket),
  auditEvent: (space: string, agreementId: string, seq: number) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `EV${SEP}${String(seq).padStart(9, '0')}`,
  }),
  auditPrefix: 'EV#',
  /** The copy of the latest signed anchor of an agreement's chain (audit-anchors.ts; the original is in S3). */
  auditAnchor: (space: string, agreementId: string) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: 'ANCHOR',
  }),
  termsPrefix: 'TERMS#',
  termsVersion: (space: string, agreementId: string, version: number) => ({
    pk: spaced(space, 'AGR', agreementId),
    sk: `TERMS${SEP}${String(version).padStart(9, '0')}`,
  }),
  idempotency: (space: string, actor: string, key: string) => ({
    pk: spaced(space, 'IDEM', actor, key),
    sk: 'IDEM',
  }),
};

/**
 * The one key outside every space: the platform's list of spaces, read only by the scheduled deadline job
 * (functions/jobs) to know which spaces to visit. It holds space codes and nothing else; `PLATFORM` matches
 * no space pattern, so tenant-scoped credentials (LeadingKeys `<space>#*`) can never read or write it.
 */
export const platformKeys = {
  spaces: 'PLATFORM#SPACES',
  space: (space: string) => ({ pk: 'PLATFORM#SPACES', sk: space }),
  /**
   * Local only (the dev issuer's stand-in for Cognito's user directory): an e-mail login → the user's space and
   * key. Written by the local Accounts adapter; never in AWS, where Cognito holds the logins.
   */
  login: (email: string) => ({ pk: 'PLATFORM#LOGINS', sk: email }),
};

/** Sort-key prefixes that depend on a value (the partition keys above never do without a space). */
export const sortKeyPrefixes = {
  /** The signatures on one document of an agreement (one per slot). */
  signature: (documentId: string) => `SIG${SEP}${documentId}${SEP}`,
};
