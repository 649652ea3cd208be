import '../../i18n/pc-load';
import type { IndicatorRow, PcView } from '@regie/core/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../lib/agreements/model';
import { Field } from '../../lib/form';
import { type AppLocale, formatDate, formatMoney, formatNumber, localeFor } from '../../lib/format';
import { MutationErrorAlert, useMutationError } from '../../lib/mutation-error';
import { useOutcome } from '../../lib/outcome';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { paragraphDefaultYear } from './model';
import { FinancialsForm, IndicatorsForm, ProfileForm } from './PcForms';
import { ValuesForm } from './ValuesForm';

/**
 * "Indicatoren (P&C-inhoud)" on a GR's page (issue 16 point 5): the one indicator set with its baseline, the draft
 * budget's target and the annual accounts' realised value for a budget year; how many members agreed to the current
 * version (and, for a member, its own agreement with a button to give it); for a member its own contribution and
 * its council's opinion next to the indicators; for the region a form to record values, and the forms to edit the
 * indicator set, the verbonden-partij profile and the year's figures (PcForms.tsx).
 */
export default function PcSection({ agreementId, me }: { agreementId: string; me: Me | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const [year, setYear] = useState(() => paragraphDefaultYear());
  const query = useQuery(trpc.pc.get.queryOptions({ agreementId, year }));
  const view = query.data;
  const ownMember = me && view ? view.members.find((m) => m.space === me.space) : undefined;
  const base = paragraphDefaultYear();
  const { announce, outcome } = useOutcome('pc-forms-outcome');
  return (
    <Section id="pc" title={t('pc.section.title')}>
      <Paragraph>{t('pc.section.intro')}</Paragraph>
      <div className="regie-form">
        <Field id="pc-year" label={t('pc.section.year')} error={undefined}>
          {(props) => (
            <Select
              {...props}
              name="year"
              value={String(year)}
              onChange={(e) => setYear(Number(e.target.value))}
            >
              {[base - 1, base, base + 1, base + 2].map((y) => (
                <SelectOption key={y} value={String(y)}>
                  {y}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <QueryState query={query} loading={t('pc.section.loading')} error={t('pc.section.error')} />
      {view && view.indicators.length === 0 ? <Paragraph>{t('pc.section.none')}</Paragraph> : null}
      {view && view.indicators.length > 0 ? (
        <>
          <Agreement view={view} />
          {ownMember ? (
            <MemberView agreementId={agreementId} year={year} member={ownMember.space} locale={locale} />
          ) : null}
          <IndicatorTable rows={view.indicators} locale={locale} />
          {view.canEdit ? <ValuesForm view={view} onSaved={() => void query.refetch()} /> : null}
        </>
      ) : null}
      {view?.canEdit ? (
        <>
          {/* Each form starts afresh from what is stored when the version it edits moves on. */}
          <IndicatorsForm
            key={`ind-${view.version}`}
            view={view}
            onReload={() => void query.refetch()}
            onDone={announce}
          />
          <ProfileForm
            key={`profile-${view.version}`}
            view={view}
            onReload={() => void query.refetch()}
            onDone={announce}
          />
          <FinancialsForm
            key={`fin-${view.year}-${view.yearVersion}`}
            view={view}
            onReload={() => void query.refetch()}
            onDone={announce}
          />
          {outcome}
        </>
      ) : null}
    </Section>
  );
}

function Agreement({ view }: { view: PcView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const failure = useMutationError();
  const { announce, outcome } = useOutcome('pc-agree-outcome');
  const agree = useMutation({
    mutationFn: (member: string) =>
      client.pc.agree.mutate({
        agreementId: view.agreementId,
        member,
        setVersion: view.setVersion,
        expectedVersion: view.version,
      }),
    onSuccess: async () => {
      failure.reset();
      announce(t('pc.section.agreedDone'));
      await queryClient.invalidateQueries({ queryKey: trpc.pc.pathKey() });
    },
    onError: failure.onError,
  });
  return (
    <div data-testid="pc-agreement">
      <Paragraph>
        {t('pc.section.setVersion', { version: view.setVersion })}.{' '}
        {view.agreedByAll
          ? t('pc.section.agreedAll')
          : t('pc.section.agreed', { agreed: view.agreedCount, total: view.memberCount })}
      </Paragraph>
      <ul className="regie-plain-list">
        {view.members.map((m) => (
          <li key={m.space}>
            {t('pc.section.memberState', { name: m.name, state: t(`pc.states.${m.state}`) })}{' '}
            {m.state === 'pending' && view.canAgreeFor.includes(m.space) ? (
              <Button
                appearance="secondary-action-button"
                busy={agree.isPending}
                disabled={agree.isPending}
                onClick={() => agree.mutate(m.space)}
              >
                {t('pc.section.agree', { version: view.setVersion, name: m.name })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <MutationErrorAlert failure={failure} />
      {outcome}
    </div>
  );
}

function MemberView({
  agreementId,
  year,
  member,
  locale,
}: {
  agreementId: string;
  year: number;
  member: string;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.pc.member.queryOptions({ agreementId, year, member }));
  const v = query.data;
  if (!v) return null;
  return (
    <div data-testid="pc-member">
      <h3 className="regie-subheading">{t('pc.section.memberTitle', { name: v.name })}</h3>
      <dl className="regie-data-list regie-data-list--compact">
        <dt>{t('pc.section.contribution')}</dt>
        <dd>
          {v.contributionCents === null
            ? t('pc.section.noContribution')
            : formatMoney(v.contributionCents, locale)}
        </dd>
        <dt>{t('pc.section.opinion')}</dt>
        <dd>
          {v.opinion?.outcome
            ? `${t(`pc.opinionOutcomes.${v.opinion.outcome as 'agrees'}`)}${
                v.opinion.opinionSubmitted ? ` (${formatDate(v.opinion.opinionSubmitted, locale)})` : ''
              }${v.opinion.summary ? `: ${v.opinion.summary}` : ''}`
            : t('pc.section.noOpinion')}
        </dd>
      </dl>
    </div>
  );
}

function IndicatorTable({ rows, locale }: { rows: IndicatorRow[]; locale: AppLocale }) {
  const { t } = useTranslation();
  const num = (v: number | null | undefined) =>
    v === null || v === undefined ? '' : formatNumber(v, locale);
  const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take keyboard focus (WCAG 2.1.1)
    <section className="regie-table-scroll" tabIndex={0} aria-label={t('pc.section.caption')}>
      <Table className="regie-table" data-testid="pc-indicators">
        <TableCaption className="regie-visually-hidden">{t('pc.section.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('pc.section.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.section.type')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.section.unit')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.section.baseline')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.section.target')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.section.realised')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('pc.section.outcome')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid={`pc-${r.id}`}>
              <TableHeaderCell scope="row">{r.name}</TableHeaderCell>
              <TableCell>{t(`pc.types.${r.type}`)}</TableCell>
              <TableCell>{r.unit}</TableCell>
              <TableCell className={numeric}>
                {r.baseline ? `${num(r.baseline.value)} (${r.baseline.year})` : ''}
              </TableCell>
              <TableCell className={numeric}>{num(r.target)}</TableCell>
              <TableCell className={numeric}>{num(r.realised)}</TableCell>
              <TableCell>{r.outcome ? t(`pc.outcomes.${r.outcome}`) : ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
