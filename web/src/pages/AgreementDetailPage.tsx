import { useQuery } from '@tanstack/react-query';
import { Alert, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { AuditSection } from '../features/agreements/AuditSection';
import { Cockpit } from '../features/agreements/Cockpit';
import { sectionsOf } from '../features/agreements/cockpit-model';
import { InPageNav } from '../features/agreements/InPageNav';
import { LinesSection } from '../features/agreements/LinesSection';
import { ServicesSection } from '../features/agreements/ServicesSection';
import { StatusSection } from '../features/agreements/StatusSection';
import {
  mayConfigureServiceLevels,
  mayReportServiceLevels,
} from '../features/agreements/service-levels-model';
import {
  AllocationSection,
  CallOffsSection,
  PartiesSection,
  TermsSection,
} from '../features/agreements/TermsSections';
import { VersionsSection } from '../features/agreements/VersionsSection';
import { BudgetSection } from '../features/budget/BudgetSection';
import { ProviderRealisationsSection } from '../features/budget/ProviderRealisationsSection';
import { DialogueSection } from '../features/dialogue/DialogueSection';
import { EscalationsSection } from '../features/escalations/EscalationsSection';
import { AuditExportButton } from '../features/exports/ExportButtons';
import { IncentivesSection } from '../features/incentives/IncentivesSection';
import { KpiSection } from '../features/kpis/KpiSection';
import { NotificationsSection } from '../features/notifications/NotificationsSection';
import { DeliveriesSection } from '../features/reports/DeliveriesSection';
import { DutiesSection } from '../features/reports/DutiesSection';
import { hasSigning } from '../features/signing/model';
import { SigningSection } from '../features/signing/SigningSection';
import { RelationPartySection } from '../features/steering/RelationPartySection';
import { SteeringSection } from '../features/steering/SteeringSection';
import { RecipientSubsidySection } from '../features/subsidy/RecipientSubsidySection';
import { SubsidySection } from '../features/subsidy/SubsidySection';
import { TakeupSection } from '../features/takeup/TakeupSection';
import { UsageSection } from '../features/usage/UsageSection';
import { WgrSection } from '../features/wgr/WgrSection';

// P&C content of a GR (issue 16 point 5): a chunk of its own, loaded when a GR's page shows it.
const PcSection = lazy(() => import('../features/pc/PcSection'));

import { kindLabel } from '../lib/agreements/labels';
import { canWriteAgreement, providerPartiesOf } from '../lib/agreements/model';
import { errorCode } from '../lib/errors';
import { localeFor } from '../lib/format';
import { PageHeading, usePageTitle } from '../lib/page';
import { steeringAccess } from '../lib/steering/model';
import { useTRPC } from '../lib/trpc';
import { StatusLine } from '../ui/StatusLine';

type Saved = 'terms' | 'amended' | 'steering' | 'report';

/**
 * `navigate(…, { state: { saved: true } })` after saving the terms, `{ saved: 'steering' }` after saving the
 * steering, `{ saved: 'report' }` after recording a report; read once so a reload does not repeat it.
 */
function useSavedNotice(): Saved | null {
  const [saved] = useState<Saved | null>(() => {
    const value = (window.history.state as { saved?: unknown } | null)?.saved;
    return value === true
      ? 'terms'
      : value === 'amended' || value === 'steering' || value === 'report'
        ? value
        : null;
  });
  useEffect(() => {
    if (saved) window.history.replaceState(null, '');
  }, [saved]);
  return saved;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <Link href="/register" className="utrecht-link">
        {t('agreementDetail.back')}
      </Link>
    </Paragraph>
  );
}

export function AgreementDetailPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const saved = useSavedNotice();
  const me = useQuery(trpc.me.get.queryOptions());
  const agreement = useQuery(trpc.agreement.get.queryOptions({ id }));
  const a = agreement.data;
  usePageTitle(a ? `${a.reference} ${a.title}` : t('agreementDetail.loading'));

  if (!a) {
    const notFound = agreement.isError && errorCode(agreement.error) === 'NOT_FOUND';
    return (
      <div className="regie-detail">
        <StatusLine>{agreement.isPending ? t('agreementDetail.loading') : null}</StatusLine>
        {agreement.isError ? (
          <Alert type={notFound ? 'warning' : 'error'}>
            {notFound ? t('agreementDetail.notFound') : t('agreementDetail.error')}
          </Alert>
        ) : null}
        <BackLink />
      </div>
    );
  }

  const internal = a.view === 'internal' ? a : null;
  const editable = internal !== null && canWriteAgreement(me.data, internal);
  // One rule decides which sections the page shows and which the in-page navigation lists.
  const sections = sectionsOf(internal ?? a, hasSigning(a));
  const shows = (section: (typeof sections)[number]) => sections.includes(section);
  return (
    <div className="regie-detail">
      {saved ? (
        <Alert type={saved === 'amended' ? 'warning' : 'ok'}>
          {saved === 'steering'
            ? t('steering.saved')
            : saved === 'report'
              ? t('reports.savedHere')
              : saved === 'amended'
                ? t('agreementDetail.amended')
                : t('agreementDetail.saved')}
        </Alert>
      ) : null}
      <p className="regie-pre-heading">
        {kindLabel(t, a.kind)} · {a.reference}
      </p>
      <div className="regie-page-top">
        <PageHeading>{a.title}</PageHeading>
        {editable ? (
          <Link href={`/agreements/${encodeURIComponent(a.id)}/edit`} asChild>
            <ButtonLink appearance="secondary-action-button">{t('agreementDetail.edit')}</ButtonLink>
          </Link>
        ) : null}
      </div>
      <Cockpit a={a} />
      <InPageNav ids={sections} />
      <TermsSection a={a} me={me.data} locale={locale} />
      <PartiesSection a={a} />
      <LinesSection
        lines={a.productLines}
        locale={locale}
        simulateHref={internal ? `/agreements/${encodeURIComponent(a.id)}/simulation` : undefined}
      />
      {shows('services') ? (
        <ServicesSection
          agreementId={a.id}
          services={a.services}
          locale={locale}
          me={me.data}
          provider={a.view === 'party'}
          mayReport={mayReportServiceLevels(me.data, {
            view: a.view,
            space: internal?.space,
            providerParties: providerPartiesOf(a).length,
          })}
          mayConfigure={mayConfigureServiceLevels(me.data, { view: a.view, space: internal?.space })}
        />
      ) : null}
      {shows('takeup') ? (
        <TakeupSection
          agreementId={a.id}
          services={a.services}
          memberSpace={
            me.data?.space.startsWith('GM') &&
            me.data.roles.some((r) => r === 'inkoper' || r === 'contractmanager')
              ? me.data.space
              : undefined
          }
        />
      ) : null}
      {shows('usage') ? <UsageSection agreementId={a.id} services={a.services} /> : null}
      {internal && shows('call-offs') ? <CallOffsSection a={internal} /> : null}
      {internal && shows('allocation') ? (
        <AllocationSection a={internal} me={me.data} locale={locale} />
      ) : null}
      {internal && shows('wgr') ? <WgrSection a={internal} me={me.data} /> : null}
      {internal && shows('wgr') ? (
        <Suspense fallback={null}>
          <PcSection agreementId={internal.id} me={me.data} />
        </Suspense>
      ) : null}
      <DutiesSection a={a} me={me.data} />
      {shows('deliveries') ? <DeliveriesSection agreementId={a.id} provider={a.view === 'party'} /> : null}
      {shows('signing') ? <SigningSection agreementId={a.id} me={me.data} /> : null}
      {internal && shows('subsidy') ? <SubsidySection a={internal} me={me.data} /> : null}
      {a.view === 'party' && shows('subsidy') ? <RecipientSubsidySection a={a} /> : null}
      {internal && shows('budget') ? <BudgetSection a={internal} me={me.data} /> : null}
      {a.view === 'party' && shows('realisations') ? (
        <ProviderRealisationsSection a={a} me={me.data} />
      ) : null}
      <KpiSection agreementId={a.id} parties={providerPartiesOf(a)} duties={a.duties} me={me.data} />
      {shows('incentives') ? <IncentivesSection a={a} me={me.data} /> : null}
      <EscalationsSection agreementId={a.id} parties={providerPartiesOf(a)} me={me.data} />
      <NotificationsSection agreementId={a.id} duties={a.duties} me={me.data} />
      <DialogueSection agreementId={a.id} parties={providerPartiesOf(a)} me={me.data} />
      {a.view === 'party' && shows('relation') ? (
        <RelationPartySection agreementId={a.id} me={me.data} />
      ) : null}
      {internal ? (
        <>
          <SteeringSection
            agreementId={internal.id}
            access={steeringAccess(me.data, internal)}
            me={me.data}
          />
          <StatusSection a={internal} canRenew={editable} />
          <VersionsSection id={internal.id} version={internal.version} />
          <AuditSection
            key={internal.version}
            id={internal.id}
            exportButton={<AuditExportButton agreementId={internal.id} />}
          />
        </>
      ) : null}
      <BackLink />
    </div>
  );
}
