import {
  BatchGetCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type Agreement,
  activeRealisations,
  type BenchmarkKpi,
  benchmarkProducts,
  type Contribution,
  type ContributionRow,
  comparableKpiKey,
  DomainError,
  type Inhabitants,
  inhabitantsFrom,
  isSpace,
  type KpiResult,
  notFound,
  type ProductBenchmark,
  periodEndMonth,
  providerParties,
  type Realisation,
  restrictProducts,
  spaceKind,
} from '@regie/core';
import type { Db } from './client.ts';
import { queryCollection } from './collection.ts';
import { readSpace } from './directory.ts';
import { guard } from './errors.ts';
import { keys, SEP } from './keys.ts';
import { queryAll, stripKeys } from './query.ts';
import type { Scope } from './scope.ts';
import { listSpaces } from './space-registry.ts';
import { transact } from './transact.ts';

/*
 * The regional benchmark (issue 15 point 4), in two stages so that no request path reads across tenants and the
 * job's own credentials never read a member's partitions:
 *
 * 1. a participant's contribution: ONE space's aggregate per product code × provider, read with a database handle
 *    bound to that space only (`contributionOf`; in AWS a read-only session tagged with that space, see
 *    functions/jobs/benchmark.ts), and written into the region's benchmark partition by the job — for a member
 *    only while its opt-in marker is there (a condition in the same transaction);
 * 2. the region step: reads that one partition (`<region>#BENCH`) and writes the computed benchmark with its
 *    as-of date.
 *
 * A member opts in or out with `tenant.updateSettings {benchmarkOptIn}`: the setting, its audit event, the marker
 * (`OPTIN#<member>`) and, on opting out, the deletion of its contribution are one transaction (directory.ts).
 */

/** Agreement statuses whose terms were in force at some time: their tariffs and realisations count. */
const COUNTED_STATUSES = ['active', 'terminated', 'expired'] as const;

/** A stored contribution: what one participant gives (the region's own also carries the inhabitants). */
export interface StoredContribution extends Contribution {
  inhabitants?: Inhabitants | null;
}

/** Every agreement of one space in the counted statuses (the space's own status index partitions). */
async function countedAgreements(db: Db, space: string): Promise<Agreement[]> {
  const out: Agreement[] = [];
  for (const status of COUNTED_STATUSES) {
    const items = await queryAll(db, {
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': `${keys.registerIndex(space)}${SEP}STATUS${SEP}${status}` },
    });
    for (const item of items) {
      if (item.type !== undefined && item.type !== 'agreement') continue;
      const a = stripKeys<Agreement>(item);
      out.push({ ...a, parties: a.parties ?? [], productLines: a.productLines ?? [], kpis: a.kpis ?? [] });
    }
  }
  return out.sort((a, b) =>
    a.startDate !== b.startDate ? (a.startDate < b.startDate ? 1 : -1) : a.id < b.id ? -1 : 1,
  );
}

/**
 * One participant's aggregate, read only under its own key prefix with `db` (bound to that space): per product
 * code and provider, the tariff in force (of the running agreement that started last, on or before `asOf`), the
 * realised volume and spend of the as-of year up to the as-of month, and the latest KPI result per comparable
 * indicator. A realisation counts for a provider when it is labelled with that party, or — on an agreement with
 * one provider party — when it carries no label.
 */
export async function contributionOf(
  db: Db,
  space: string,
  name: string,
  asOf: string,
): Promise<StoredContribution> {
  if (!isSpace(space) || spaceKind(space) === 'provider') throw new Error(`Not a member or region: ${space}`);
  const year = asOf.slice(0, 4);
  const month = asOf.slice(0, 7);
  const rows = new Map<string, ContributionRow & { startDate: string }>();
  const agreements = (await countedAgreements(db, space)).filter(
    (a) => a.startDate <= asOf && a.endDate >= `${year}-01-01`,
  );
  for (const agreement of agreements) {
    const lines = agreement.productLines.filter((l) => l.tariffCents !== undefined);
    const providers = providerParties(agreement);
    const kvkOf = new Map(agreement.parties.map((p) => [p.providerSpace, p]));
    if (lines.length === 0 || providers.length === 0) continue;
    const [realised, results] = await Promise.all([
      queryCollection<Realisation>(db, space, agreement.id, keys.realisationPrefix),
      queryCollection<KpiResult>(db, space, agreement.id, keys.kpiPrefix),
    ]);
    const counted = activeRealisations(realised).filter(
      (r) => r.period.startsWith(`${year}-`) && r.period <= month,
    );
    const single = providers.length === 1;
    for (const provider of providers) {
      const party = kvkOf.get(provider.party)!;
      const mine = (label?: string) => label === provider.party || (single && label === undefined);
      const kpis = new Map<string, BenchmarkKpi>();
      for (const r of results) {
        // A result counts once its period has ended by the as-of month; the latest period wins.
        if (!mine(r.party) || periodEndMonth(r.period) > month) continue;
        const kpi = agreement.kpis.find((k) => k.id === r.kpiId);
        if (!kpi) continue;
        const key = comparableKpiKey(kpi);
        const seen = kpis.get(key);
        if (seen && periodEndMonth(seen.period) >= periodEndMonth(r.period)) continue;
        kpis.set(key, {
          key,
          name: kpi.name,
          unit: kpi.unit,
          direction: kpi.direction,
          target: kpi.target,
          value: r.value,
          period: r.period,
          onTarget: r.onTarget,
        });
      }
      for (const line of lines) {
        const productCode = line.productCode.toUpperCase();
        const rowKey = `${productCode}${SEP}${party.kvkNumber}`;
        const entries = counted.filter((r) => r.productLineId === line.id && mine(r.party));
        const volume = entries.reduce((s, r) => s + (r.volume ?? 0), 0);
        const spentCents = entries.reduce((s, r) => s + r.amountCents, 0);
        const row = rows.get(rowKey);
        if (row) {
          // Another running agreement for the same code and provider: its figures add up; the tariff stays the
          // one of the agreement that started last (agreements come newest first).
          row.volume += volume;
          row.spentCents += spentCents;
          for (const k of kpis.values()) if (!row.kpis.some((x) => x.key === k.key)) row.kpis.push(k);
          continue;
        }
        rows.set(rowKey, {
          productCode,
          description: line.description ?? '',
          providerKvk: party.kvkNumber,
          providerName: party.name,
          tariffCents: line.tariffCents!,
          unit: line.unit ?? null,
          volume,
          spentCents,
          kpis: [...kpis.values()],
          startDate: agreement.startDate,
        });
      }
    }
  }
  return {
    space,
    name,
    asOf,
    rows: [...rows.values()]
      .map(({ startDate: _, ...row }) => ({
        ...row,
        kpis: row.kpis.sort((a, b) => (a.key < b.key ? -1 : 1)),
      }))
      .sort((a, b) => (a.productCode + a.providerKvk < b.productCode + b.providerKvk ? -1 : 1)),
  };
}

/** The region's inhabitants come from all its agreements with a key, not only the counted ones. */
async function regionInhabitants(db: Db, region: string): Promise<Inhabitants | null> {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.registerIndex(region) },
  });
  return inhabitantsFrom(
    region,
    items
      .filter((i) => i.type === undefined || i.type === 'agreement')
      .map((i) => ({
        reference: String(i.reference),
        allocationKey: (i.allocationKey as Agreement['allocationKey']) ?? null,
      })),
  );
}

/** How the job reaches one participant's own data: a handle bound to that space only, read-only. */
export type ReadAs = (space: string) => Promise<Db>;

/**
 * The local stand-in for the job's member session in AWS (a read-only role whose `dynamodb:LeadingKeys` is the
 * session's space tag, infra/lib/stacks/jobs-stack.ts): a handle that sends only Get, BatchGet and Query, and only
 * for partition keys of `space`; anything else is refused before it reaches the table. Used by the local job and
 * the seed, so a contribution that read outside its member fails locally as it would in AWS.
 */
export function readOnlyFor(db: Db, space: string): Db {
  if (!isSpace(space)) throw new Error(`Invalid space ${JSON.stringify(space)}`);
  const prefix = `${space}${SEP}`;
  const own = (pk: unknown) => {
    if (typeof pk !== 'string' || !pk.startsWith(prefix)) {
      throw new Error(`A ${space} benchmark read may not touch ${JSON.stringify(pk)}`);
    }
  };
  const send = (async (command: unknown) => {
    if (command instanceof GetCommand) own(command.input.Key?.pk);
    else if (command instanceof QueryCommand) {
      const values = command.input.ExpressionAttributeValues ?? {};
      if (!/^(pk|gsi[1-4]pk) = :pk( |$)/.test(command.input.KeyConditionExpression ?? '')) {
        throw new Error('A benchmark read queries one partition by `:pk`');
      }
      own(values[':pk']);
    } else if (command instanceof BatchGetCommand) {
      for (const request of Object.values(command.input.RequestItems ?? {})) {
        for (const key of request.Keys ?? []) own(key.pk);
      }
    } else throw new Error('A benchmark read only gets and queries');
    return db.doc.send(command as never);
  }) as DynamoDBDocumentClient['send'];
  return { doc: { send } as DynamoDBDocumentClient, tableName: db.tableName };
}

export interface BenchmarkRunResult {
  regions: number;
  contributions: number;
  /** Contributions of members no longer opted in, removed by this run. */
  removed: number;
  products: number;
}

async function partition(db: Db, region: string, prefix: string): Promise<Record<string, unknown>[]> {
  return queryAll(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.benchmark(region), ':prefix': prefix },
    ConsistentRead: true,
  });
}

/**
 * The scheduled benchmark job for one day: for every region, the region's own contribution and that of each
 * opted-in member (each read through `readAs(space)`), then the benchmark from the contributions in the region's
 * partition. `db` is the job's own handle: it reads the platform's list of spaces, region records and the regions'
 * benchmark partitions, and writes only the latter. Deterministic for a given `asOf`; safe to run twice.
 */
export async function runBenchmark(
  db: Db,
  readAs: ReadAs,
  asOf: string,
  only?: readonly string[],
): Promise<BenchmarkRunResult> {
  const regions = (only ?? (await listSpaces(db))).filter((s) => isSpace(s) && spaceKind(s) === 'region');
  const result: BenchmarkRunResult = { regions: regions.length, contributions: 0, removed: 0, products: 0 };
  for (const region of regions) {
    const record = await readSpace(db, region);
    if (!record) continue;
    // Stage 1: the region's own contribution (its own agreements and its allocation key's inhabitants) ...
    const regionDb = await readAs(region);
    const own = await contributionOf(regionDb, region, record.name, asOf);
    own.inhabitants = await regionInhabitants(regionDb, region);
    await guard(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.benchmarkSource(region, region), type: 'benchmarkSource', ...own },
        }),
      ),
    );
    result.contributions += 1;
    // ... and each opted-in member's, written only while its marker is there (an opt-out meanwhile wins).
    const optedIn = (await partition(db, region, `OPTIN${SEP}`))
      .map((i) => String(i.member))
      .filter((m) => (record.members ?? []).includes(m));
    for (const member of optedIn) {
      const contribution = await contributionOf(
        await readAs(member),
        member,
        record.memberNames?.[member] ?? member,
        asOf,
      );
      try {
        await transact(
          db,
          [
            {
              ConditionCheck: {
                TableName: db.tableName,
                Key: keys.benchmarkOptIn(region, member),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            {
              Put: {
                TableName: db.tableName,
                Item: { ...keys.benchmarkSource(region, member), type: 'benchmarkSource', ...contribution },
              },
            },
          ],
          new DomainError('CONFLICT', 'benchmark.optedOut', { message: 'The member opted out meanwhile' }),
        );
        result.contributions += 1;
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'CONFLICT') throw error;
      }
    }
    // Stage 2: the region step, from the region's partition only.
    const markers = new Set((await partition(db, region, `OPTIN${SEP}`)).map((i) => String(i.member)));
    const sources: StoredContribution[] = [];
    for (const item of await partition(db, region, `SRC${SEP}`)) {
      const source = stripKeys<StoredContribution>(item, ['type']);
      if (source.space === region || markers.has(source.space)) sources.push(source);
      else {
        // A contribution left by a member that is no longer opted in (or no longer a member): removed.
        await guard(() =>
          db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: { pk: item.pk, sk: item.sk } })),
        );
        result.removed += 1;
      }
    }
    const inhabitants = sources.find((s) => s.space === region)?.inhabitants ?? null;
    const products = benchmarkProducts(sources, inhabitants);
    const before = await partition(db, region, `RESULT${SEP}`);
    for (const product of products) {
      await guard(() =>
        db.doc.send(
          new PutCommand({
            TableName: db.tableName,
            Item: {
              ...keys.benchmarkProduct(region, product.productCode),
              type: 'benchmarkProduct',
              asOf,
              ...product,
            },
          }),
        ),
      );
    }
    for (const stale of before) {
      if (products.some((p) => keys.benchmarkProduct(region, p.productCode).sk === stale.sk)) continue;
      await guard(() =>
        db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: { pk: stale.pk, sk: stale.sk } })),
      );
    }
    await guard(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: {
            ...keys.benchmarkResult(region),
            type: 'benchmarkResult',
            region,
            name: record.name,
            asOf,
            computedAt: new Date().toISOString(),
            inhabitants,
            participants: sources.map((s) => ({ space: s.space, name: s.name })),
          },
        }),
      ),
    );
    result.products += products.length;
  }
  return result;
}

export interface RegionBenchmark {
  region: string;
  name: string;
  /** The day the figures were computed for; null before the job's first run. */
  asOf: string | null;
  computedAt: string | null;
  inhabitants: (Omit<Inhabitants, 'perSpace'> & { perSpace: Record<string, number> }) | null;
  /** Who the figures are of: the region and the members opted in now that the job has counted. */
  participants: { space: string; name: string }[];
  products: ProductBenchmark[];
}

/**
 * The benchmark read (`benchmark.region`): the region's own users, and users of a member that is opted in. One
 * query on the region's benchmark partition (markers, header and product items sort together) or, for one product
 * code, that query bounded to the header plus one get. Never reads outside the region's partition.
 */
export function benchmarkRepository(db: Db, scope: Scope) {
  return {
    async region(input: { space: string; productCode?: string }): Promise<RegionBenchmark> {
      const region = input.space;
      if (!isSpace(region) || spaceKind(region) !== 'region' || !scope.reach.includes(region)) {
        throw notFound('Space');
      }
      const code = input.productCode?.toUpperCase();
      const [head, one] = await Promise.all([
        guard(() =>
          db.doc.send(
            new QueryCommand({
              TableName: db.tableName,
              KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
              ExpressionAttributeValues: {
                ':pk': keys.benchmark(region),
                ':from': `OPTIN${SEP}`,
                ':to': code ? 'RESULT' : `RESULT${SEP}~`,
              },
              ConsistentRead: true,
            }),
          ),
        ),
        code
          ? guard(() =>
              db.doc.send(
                new GetCommand({
                  TableName: db.tableName,
                  Key: keys.benchmarkProduct(region, code),
                  ConsistentRead: true,
                }),
              ),
            )
          : Promise.resolve(null),
      ]);
      // A query page holds 1 MB: a region's markers, header and product items fit (each product item is a few KB).
      const items = head.Items ?? [];
      const optedIn = new Set(
        items.filter((i) => String(i.sk).startsWith(`OPTIN${SEP}`)).map((i) => String(i.member)),
      );
      if (scope.space !== region && !optedIn.has(scope.space)) {
        throw new DomainError('FORBIDDEN', 'benchmark.notOptedIn', {
          message: 'Your municipality does not share figures with the region; an administrator can opt in',
        });
      }
      const header = items.find((i) => i.sk === 'RESULT');
      const stored = (
        code ? (one?.Item ? [one.Item] : []) : items.filter((i) => String(i.sk).startsWith(`RESULT${SEP}`))
      ).map((i) => stripKeys<ProductBenchmark>(i, ['type', 'asOf']));
      const participants = new Set([region, ...optedIn]);
      const inhabitants = (header?.inhabitants as Inhabitants | null | undefined) ?? null;
      return {
        region,
        name: (header?.name as string | undefined) ?? region,
        asOf: (header?.asOf as string | undefined) ?? null,
        computedAt: (header?.computedAt as string | undefined) ?? null,
        inhabitants: inhabitants
          ? {
              ...inhabitants,
              perSpace: Object.fromEntries(
                Object.entries(inhabitants.perSpace).filter(([s]) => participants.has(s)),
              ),
            }
          : null,
        participants: ((header?.participants as { space: string; name: string }[] | undefined) ?? []).filter(
          (p) => participants.has(p.space),
        ),
        products: restrictProducts(stored, participants),
      };
    },
  };
}
