import type { AppRouter } from '@regie/api';
import { useQuery } from '@tanstack/react-query';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import {
  Alert,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { addBenchmarkTexts } from '../../i18n/benchmark';
import { errorReason } from '../../lib/errors';
import { type AppLocale, formatDateLong, formatMoney, formatNumber, localeFor } from '../../lib/format';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC } from '../../lib/trpc';
import { Chart } from '../../ui/Chart';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';

addBenchmarkTexts();

type Benchmark = inferOutput<TRPCOptionsProxy<AppRouter>['benchmark']['region']>;
type Product = Benchmark['products'][number];
type Provider = Product['providers'][number];

const BAR_HEIGHT = 22;
const WIDTH = 480;
const LABEL = 150;

/** Each member's tariff as a bar from zero, with the median as a line: what the table says, drawn. */
function TariffChart({
  product,
  provider,
  locale,
}: {
  product: Product;
  provider: Provider;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const max = Math.max(...provider.members.map((m) => m.tariffCents), 1);
  const x = (cents: number) => LABEL + ((WIDTH - LABEL - 10) * cents) / max;
  const height = provider.members.length * BAR_HEIGHT + 10;
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <Chart
      label={t('benchmark.chartLabel', {
        code: product.productCode,
        provider: provider.name,
        min: money(provider.tariff.minCents),
        median: money(provider.tariff.medianCents),
        max: money(provider.tariff.maxCents),
      })}
      width={WIDTH}
      height={height}
      testId={`benchmark-chart-${product.productCode}-${provider.kvk}`}
      alternativeSummary={t('benchmark.chartSummary')}
      alternative={
        <UnorderedList>
          {provider.members.map((m) => (
            <UnorderedListItem key={m.space}>
              {m.name}: {money(m.tariffCents)}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      }
    >
      {provider.members.map((m, i) => (
        <g key={m.space}>
          <text x={LABEL - 6} y={i * BAR_HEIGHT + 20} textAnchor="end" className="regie-chart__label">
            {m.name}
          </text>
          <rect
            x={LABEL}
            y={i * BAR_HEIGHT + 8}
            width={x(m.tariffCents) - LABEL}
            height={BAR_HEIGHT - 8}
            className="regie-chart__bar"
          />
        </g>
      ))}
      <line
        x1={x(provider.tariff.medianCents)}
        x2={x(provider.tariff.medianCents)}
        y1={2}
        y2={height}
        className="regie-chart__ceiling"
      />
    </Chart>
  );
}

function kpiText(t: TFunction, m: Provider['members'][number], locale: AppLocale) {
  if (m.kpis.length === 0) return t('benchmark.noKpis');
  return m.kpis
    .map((k) =>
      t('benchmark.kpi', {
        name: k.name,
        value: formatNumber(k.value, locale),
        unit: k.unit,
        period: k.period,
        verdict: k.onTarget ? t('benchmark.onTarget') : t('benchmark.offTarget'),
      }),
    )
    .join('; ');
}

function ProviderTable({
  product,
  provider,
  locale,
}: {
  product: Product;
  provider: Provider;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const money = (cents: number) => formatMoney(cents, locale);
  const none = t('benchmark.none');
  const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
  const numericHeader = 'utrecht-table__header-cell--numeric-column';
  return (
    <div data-testid={`benchmark-${product.productCode}-${provider.kvk}`}>
      <Paragraph>{t('benchmark.provider', { name: provider.name, kvk: provider.kvk })}</Paragraph>
      <Paragraph data-testid={`benchmark-spread-${product.productCode}`}>
        {t('benchmark.spread', {
          min: money(provider.tariff.minCents),
          median: money(provider.tariff.medianCents),
          max: money(provider.tariff.maxCents),
        })}
      </Paragraph>
      <div className="regie-table-scroll">
        <Table className="regie-table">
          <TableCaption className="regie-table__caption">
            {t('benchmark.caption', { code: product.productCode, provider: provider.name })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('benchmark.participant')}</TableHeaderCell>
              <TableHeaderCell scope="col" className={numericHeader}>
                {t('benchmark.tariff')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={numericHeader}>
                {t('benchmark.volume')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={numericHeader}>
                {t('benchmark.perThousand')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className={numericHeader}>
                {t('benchmark.perInhabitant')}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('benchmark.kpis')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {provider.members.map((m) => (
              <TableRow key={m.space}>
                <TableHeaderCell scope="row">{m.name}</TableHeaderCell>
                <TableCell className={numeric}>{money(m.tariffCents)}</TableCell>
                <TableCell className={numeric}>{formatNumber(m.volume, locale)}</TableCell>
                <TableCell className={numeric}>
                  {m.volumePer1000 === null ? none : formatNumber(m.volumePer1000, locale)}
                </TableCell>
                <TableCell className={numeric}>
                  {m.spendPerInhabitantCents === null ? none : money(m.spendPerInhabitantCents)}
                </TableCell>
                <TableCell>{kpiText(t, m, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <TariffChart product={product} provider={provider} locale={locale} />
    </div>
  );
}

/** `/regions/:space/benchmark`: the region's benchmark as the daily job computed it (issue 15 point 4). */
export function BenchmarkPage({ space }: { space: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  // Asked only where it can answer: the region's own users, and a member that shares its figures (its own setting);
  // anyone else is told so without a refused request.
  const me = useQuery(trpc.me.get.queryOptions());
  const member = me.data
    ? me.data.space.startsWith('GM') && me.data.reach.some((r) => r.space === space)
    : false;
  const settings = useQuery({ ...trpc.tenant.settings.queryOptions(), enabled: member });
  const inRegion = me.data?.space === space;
  const mayRead = inRegion || (member && settings.data?.benchmarkOptIn === true);
  const benchmark = useQuery({
    ...trpc.benchmark.region.queryOptions({ space }),
    retry: false,
    enabled: mayRead,
  });
  const data = benchmark.data;
  usePageTitle(data ? t('benchmark.titleOf', { region: data.name }) : t('benchmark.title'));
  const notOptedIn =
    (member && settings.data?.benchmarkOptIn === false) ||
    errorReason(benchmark.error)?.reason === 'benchmark.notOptedIn';
  const outside = me.data !== undefined && !inRegion && !member;
  const pending = me.isPending || (member && settings.isPending) || (mayRead && benchmark.isPending);
  return (
    <div className="regie-benchmark">
      <Paragraph>
        <Link href="/regions" className="utrecht-link">
          {t('benchmark.back')}
        </Link>
      </Paragraph>
      <PageHeading>{data ? t('benchmark.titleOf', { region: data.name }) : t('benchmark.title')}</PageHeading>
      <Paragraph appearance="lead">{t('benchmark.intro')}</Paragraph>
      <Paragraph>{t('benchmark.formula')}</Paragraph>
      <StatusLine>{pending ? t('benchmark.loading') : null}</StatusLine>
      {notOptedIn ? (
        <Alert type="info">
          <Paragraph>{t('benchmark.notOptedIn')}</Paragraph>
        </Alert>
      ) : outside ? (
        <Paragraph className="regie-empty">{t('benchmark.outside')}</Paragraph>
      ) : benchmark.isError || me.isError || settings.isError ? (
        <Alert type="error">
          <Paragraph>{t('benchmark.error')}</Paragraph>
        </Alert>
      ) : null}
      {data ? (
        <>
          <Paragraph data-testid="benchmark-as-of">
            {data.asOf
              ? t('benchmark.asOf', { date: formatDateLong(data.asOf, locale) })
              : t('benchmark.notComputed')}
          </Paragraph>
          <Paragraph data-testid="benchmark-inhabitants">
            {data.inhabitants
              ? t('benchmark.inhabitants', {
                  source: data.inhabitants.source,
                  date: formatDateLong(data.inhabitants.referenceDate, locale),
                  reference: data.inhabitants.agreementReference,
                })
              : t('benchmark.noInhabitants')}
          </Paragraph>
          {data.participants.length > 0 ? (
            <Paragraph data-testid="benchmark-participants">
              {t('benchmark.participants', { list: data.participants.map((p) => p.name).join(', ') })}
            </Paragraph>
          ) : null}
          {data.products.length === 0 ? (
            <Paragraph className="regie-empty">{t('benchmark.empty')}</Paragraph>
          ) : null}
          {data.products.map((product) => (
            <Section
              key={product.productCode}
              id={`benchmark-${product.productCode}`}
              title={`${t('benchmark.product', { code: product.productCode })}${product.description ? ` — ${product.description}` : ''}`}
            >
              {product.providers.map((provider) => (
                <ProviderTable key={provider.kvk} product={product} provider={provider} locale={locale} />
              ))}
            </Section>
          ))}
        </>
      ) : null}
    </div>
  );
}
