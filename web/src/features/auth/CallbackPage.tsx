import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { login } from '../../lib/auth';
import { completeSignIn } from '../../lib/cognito';
import { PageHeading, usePageTitle } from '../../lib/page';
import { signInConfig } from '../../lib/runtime-config';
import { safeNext } from './LoginPage';

/** `/auth/callback`: Cognito sends the user back here with a code; exchanged once for the ID token. */
export function CallbackPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [, navigate] = useLocation();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // React's strict mode runs effects twice; a code is used once
    started.current = true;
    void (async () => {
      const config = await signInConfig();
      if (config.mode !== 'cognito') return setFailed(true);
      const result = await completeSignIn(
        config,
        window.location.origin,
        new URLSearchParams(window.location.search),
      );
      if (!result.ok) return setFailed(true);
      login(result.idToken);
      navigate(safeNext(result.next), { replace: true });
    })();
  }, [navigate]);
  return (
    <div className="regie-login">
      <PageHeading>{t('login.title')}</PageHeading>
      {failed ? (
        <Alert type="error">
          <Heading2>{t('signIn.failedTitle')}</Heading2>
          <Paragraph>{t('signIn.failed')}</Paragraph>
          <Paragraph>
            <Link href="/login" className="utrecht-link">
              {t('signIn.again')}
            </Link>
          </Paragraph>
        </Alert>
      ) : (
        <div role="status" aria-live="polite" className="regie-status">
          {t('signIn.checking')}
        </div>
      )}
    </div>
  );
}
