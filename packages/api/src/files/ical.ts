import { addDays, type DeadlineKind, isSpace } from '@regie/core';
import {
  createSpaceRegistry,
  type Db,
  type DeadlineRow,
  ICAL_SECRET,
  readFeed,
  type SpaceRegistry,
} from '@regie/db';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { publicRefusal } from '../errors.ts';

/** Event titles in Dutch: a calendar feed has no language switch, and the product is Dutch first. */
const KIND_TITLES: Record<DeadlineKind, string> = {
  notice: 'Laatste dag opzeggen',
  renewal_decision: 'Besluit over verlenging',
  end: 'Einddatum',
  report_due: 'Rapportage verwacht',
  awb: 'Awb-termijn',
  wgr: 'P&C-cyclus (Wgr)',
  escalation: 'Termijn escalatie',
  budget_threshold: 'Budgetsignaal',
  action: 'Afgesproken actie',
  notification: 'Melding beantwoorden',
  meeting: 'Overleg opdrachtnemer (sturing)',
};

/** Titles of particular deadlines, where the kind alone says too little. */
const LABEL_TITLES: Record<string, string> = {
  'awb.decision': 'Beslissen op de subsidieaanvraag (Awb 4:13)',
  'awb.settlement_application': 'Aanvraag tot vaststelling verwacht (Awb 4:44)',
  'wgr.kaderbrief': 'Kaderbrief naar de raden (Wgr)',
  'wgr.draftBudgetToCouncils': 'Ontwerpbegroting naar de raden (Wgr)',
  'wgr.councilOpinions': 'Zienswijzen van de raden binnen (Wgr)',
  'wgr.budgetAdoption': 'Vaststelling begroting (Wgr)',
  'wgr.budgetToProvince': 'Begroting naar Gedeputeerde Staten (Wgr)',
  'wgr.provisionalAccountsToCouncils': 'Voorlopige jaarrekening naar de raden (Wgr)',
  'wgr.accountsAdoption': 'Vaststelling jaarrekening (Wgr)',
  'wgr.accountsToProvince': 'Jaarrekening naar Gedeputeerde Staten (Wgr)',
  provider_action: 'Actie aanbieder',
};

/**
 * A personal calendar (RFC 5545) of the dated things for a user's roles: one all-day event per deadline,
 * with a stable UID so a calendar app updates an event when its date moves instead of adding a second one.
 */
export function renderFeed(
  events: readonly DeadlineRow[],
  options: { space: string; appUrl?: string },
): string {
  const calendar = ical({
    name: `Regie – termijnen ${options.space}`,
    prodId: { company: 'Regie', product: 'termijnen', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const e of events) {
    const what = LABEL_TITLES[e.label] ?? KIND_TITLES[e.kind] ?? e.kind;
    const detail =
      e.kind === 'report_due' && e.params.duty
        ? ` (${e.params.duty}${e.params.party ? `, ${e.params.party}` : ''})`
        : e.kind === 'wgr' && e.params.year
          ? ` ${e.params.year}`
          : e.kind === 'escalation' && e.params.subject
            ? ` (${e.params.level}) "${e.params.subject}"`
            : e.kind === 'action' && e.params.text
              ? `: ${e.params.text} (${e.params.owner})`
              : e.kind === 'notification' && e.params.duty
                ? ` (${e.params.duty}, ${e.params.party})`
                : '';
    calendar.createEvent({
      id: `${e.space}.${e.agreementId}.${e.key}@regie`,
      start: new Date(`${e.date}T00:00:00Z`),
      end: new Date(`${addDays(e.date, 1)}T00:00:00Z`),
      allDay: true,
      summary: `${what}${detail}: ${e.reference} ${e.title}`,
      description: `${what}${detail} voor ${e.reference} – ${e.title}.`,
      url: options.appUrl ? `${options.appUrl}/agreements/${e.agreementId}` : undefined,
    });
  }
  return calendar.toString();
}

export interface IcalDeps {
  db: Db;
  /** In AWS: credentials that only reach the named space (the feed has no token, only its secret). */
  feedDbFor?: (space: string) => Promise<Db>;
  /** Whether a space exists, asked before `feedDbFor` (an unknown space assumes no role); by default a cached read of `db`. */
  spaceRegistry?: SpaceRegistry;
  /** The web app's address, for links in calendar events. */
  appUrl?: string;
}

/**
 * The personal iCal feeds (SPEC §5.3), mounted at `/ical`: `GET /ical/<space>/<secret>.ics`. Public — the secret
 * in the path is the credential; unknown or revoked → 404. Served by the files function in AWS (the iCal library
 * stays out of the API bundle) and next to the API locally.
 */
export function createIcalApp(deps: IcalDeps): Hono {
  const app = new Hono();
  app.use('*', secureHeaders());
  const notFound = { error: { code: 'NOT_FOUND', message: 'Not found' } };
  const registry = deps.spaceRegistry ?? createSpaceRegistry(deps.db);
  app.get('/:space/:file', async (c) => {
    const space = c.req.param('space');
    const file = c.req.param('file');
    const secret = file.endsWith('.ics') ? file.slice(0, -4) : '';
    if (!isSpace(space) || !ICAL_SECRET.test(secret)) return c.json(notFound, 404);
    // An unknown space ends here: one cached registry read, no role assumed, no client opened.
    const known = await registry.has(space).catch((error: unknown) => publicRefusal(c, error));
    if (known instanceof Response) return known;
    if (!known) return c.json(notFound, 404);
    const feed = await readFeed(
      deps.feedDbFor ? await deps.feedDbFor(space) : deps.db,
      space,
      secret,
      new Date().toISOString().slice(0, 10),
    ).catch((error: unknown) => publicRefusal(c, error));
    if (feed instanceof Response) return feed;
    if (!feed) return c.json(notFound, 404);
    c.header('content-type', 'text/calendar; charset=utf-8');
    c.header('cache-control', 'private, max-age=300');
    c.header('referrer-policy', 'no-referrer');
    return c.body(renderFeed(feed.events, { space, appUrl: deps.appUrl }));
  });
  app.notFound((c) => c.json(notFound, 404));
  return app;
}
