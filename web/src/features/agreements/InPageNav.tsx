import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionId } from './cockpit-model';

/** A section's name in the navigation: the heading it carries on the page. */
export function sectionTitle(t: TFunction, id: SectionId): string {
  switch (id) {
    case 'terms':
      return t('agreementDetail.sections.terms');
    case 'parties':
      return t('agreementDetail.sections.parties');
    case 'lines':
      return t('agreementDetail.sections.lines');
    case 'services':
      return t('services.section.title');
    case 'takeup':
      return t('services.takeup.title');
    case 'usage':
      return t('usage.title');
    case 'call-offs':
      return t('agreementDetail.sections.callOffs');
    case 'allocation':
      return t('agreementDetail.sections.allocation');
    case 'wgr':
      return t('wgr.title');
    case 'duties':
      return t('agreementDetail.sections.duties');
    case 'deliveries':
      return t('deliveries.title');
    case 'signing':
      return t('signing.section.title');
    case 'subsidy':
      return t('subsidy.section.title');
    case 'budget':
      return t('agreementDetail.sections.budget');
    case 'realisations':
      return t('bounds.provider.title');
    case 'kpis':
      return t('kpis.title');
    case 'incentives':
      return t('incentives.title');
    case 'escalations':
      return t('escalations.title');
    case 'notifications':
      return t('notifications.title');
    case 'dialogue':
      return t('dialogue.title');
    case 'relation':
      return t('relation.title');
    case 'steering':
      return t('steering.sectionTitle');
    case 'status':
      return t('agreementDetail.sections.status');
    case 'versions':
      return t('agreementDetail.sections.versions');
    case 'audit':
      return t('agreementDetail.sections.audit');
  }
}

/**
 * "Op deze pagina": a navigation landmark with a link to every section the page shows, so each is one Tab and
 * Enter away rather than a long scroll. Plain anchors: the address gets the section's `#id`, back returns.
 */
export function InPageNav({ ids }: { ids: readonly SectionId[] }) {
  const { t } = useTranslation();
  useScrollToHash(ids);
  return (
    <nav className="regie-page-nav" aria-labelledby="page-nav-label" data-testid="page-nav">
      <p id="page-nav-label" className="regie-page-nav__label">
        {t('cockpit.onThisPage')}
      </p>
      <ul className="regie-page-nav__list">
        {ids.map((id) => (
          <li key={id}>
            <a href={`#${id}`} className="utrecht-link">
              {sectionTitle(t, id)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** An address with `#budget` opened directly: the section exists only once the agreement has loaded. */
function useScrollToHash(ids: readonly SectionId[]) {
  const ready = ids.length > 0;
  useEffect(() => {
    if (!ready) return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    const target = document.getElementById(id);
    if (target?.classList.contains('regie-section')) target.scrollIntoView();
  }, [ready]);
}
