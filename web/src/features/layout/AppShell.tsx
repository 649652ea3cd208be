import { useQuery } from '@tanstack/react-query';
import { Button, PageHeader, SkipLink } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { areasFor } from '../../lib/areas';
import { logout } from '../../lib/auth';
import { logoutUrl } from '../../lib/cognito';
import { signInConfig } from '../../lib/runtime-config';
import { useTRPC } from '../../lib/trpc';
import { LanguageSwitch } from './LanguageSwitch';

/** A report form: part of the provider's "Te leveren", not of the register. */
const REPORT_FORM = /^\/agreements\/[^/]+\/report\//;

/** Whether the location is the page at `path` or a page inside it. */
const within = (path: string, location: string) => location === path || location.startsWith(`${path}/`);

/**
 * `page` for the area's own page, `true` for a page inside it (an agreement belongs to the register) — unless
 * another area of the navigation lives inside it and holds the location (Beheer → Mensen is its own entry).
 */
function currentFor(
  path: string,
  location: string,
  provider: boolean,
  paths: readonly string[],
): 'page' | 'true' | undefined {
  if (paths.some((other) => other !== path && other.startsWith(`${path}/`) && within(other, location)))
    return undefined;
  const reportForm = provider && REPORT_FORM.test(location);
  if (path === '/register') {
    if (location === '/' || location === '/register') return 'page';
    return location.startsWith('/agreements/') && !reportForm ? 'true' : undefined;
  }
  if (path === '/deliver' && reportForm) return 'true';
  if (location === path) return 'page';
  return location.startsWith(`${path}/`) ? 'true' : undefined;
}

/** Ends the session here, and with Cognito's sign-in pages too when the app signs in through them. */
async function signOut() {
  const config = await signInConfig();
  if (config.mode === 'cognito') {
    const { endSession } = await import('../../lib/oidc');
    await endSession(config);
    logout('manual', true);
    window.location.assign(logoutUrl(config, window.location.origin));
  } else {
    logout('manual');
  }
}

function UserBox() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  return (
    <div className="regie-user">
      {me.data ? (
        <p className="regie-user__who">
          <span className="regie-user__organisation">{me.data.organisation.name}</span>
          <span className="regie-user__name">{me.data.name}</span>
        </p>
      ) : me.isError ? (
        <p className="regie-user__who" role="alert">
          {t('app.meError')}
        </p>
      ) : null}
      <Button appearance="secondary-action-button" onClick={() => void signOut()}>
        {t('app.logout')}
      </Button>
    </div>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const provider = me.data?.organisation.kind === 'provider';
  const areas = areasFor(me.data?.roles ?? []);
  return (
    <nav className="regie-nav utrecht-nav-bar" aria-label={t('app.mainNav')}>
      <div className="utrecht-nav-bar__content">
        <ul className="utrecht-nav-list">
          {areas.map((area) => {
            const current = currentFor(
              area.path,
              location,
              provider,
              areas.map((a) => a.path),
            );
            return (
              <li key={area.key} className="utrecht-nav-list__item">
                <Link
                  href={area.path}
                  className={`utrecht-link utrecht-nav-list__link${current ? ' regie-nav__link--current' : ''}`}
                  aria-current={current}
                >
                  {t(`nav.${area.key}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}

/** The page frame: skip link, header (product, organisation and user, language, log-out), navigation, main. */
export function AppShell({ authenticated, children }: { authenticated: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="regie-app utrecht-document">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <PageHeader className="regie-header">
        <div className="regie-header__inner">
          <p className="regie-brand">
            <Link href={authenticated ? '/register' : '/login'} className="regie-brand__link">
              {t('app.name')}
            </Link>
            <span className="regie-brand__tagline">{t('app.tagline')}</span>
          </p>
          <div className="regie-header__tools">
            <LanguageSwitch />
            {authenticated ? <UserBox /> : null}
          </div>
        </div>
      </PageHeader>
      {authenticated ? <MainNav /> : null}
      <main id="main" className="regie-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
