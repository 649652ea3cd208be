import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { PageHeading, usePageTitle } from '../../lib/page';

export type UpcomingArea = 'signing' | 'deadlines' | 'admin';

/** An area that is not built yet says so plainly, with what it will hold; nothing on it is pretend. */
export function ComingSoonPage({ area }: { area: UpcomingArea }) {
  const { t } = useTranslation();
  usePageTitle(t(`nav.${area}`));
  return (
    <div className="regie-coming-soon">
      <PageHeading>{t(`nav.${area}`)}</PageHeading>
      <Paragraph appearance="lead">{t('comingSoon.text')}</Paragraph>
      <Paragraph>{t(`comingSoon.${area}`)}</Paragraph>
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFoundTitle'));
  return (
    <div>
      <PageHeading>{t('app.notFoundTitle')}</PageHeading>
      <Paragraph>{t('app.notFoundText')}</Paragraph>
      <Paragraph>
        <Link href="/register" className="utrecht-link">
          {t('app.toRegister')}
        </Link>
      </Paragraph>
    </div>
  );
}
