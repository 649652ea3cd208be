import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { login } from '../../lib/auth';
import { PageHeading, usePageTitle } from '../../lib/page';
import { signInConfig } from '../../lib/runtime-config';
import { StatusLine } from '../../ui/StatusLine';
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
      const { completeSignIn } = await import('../../lib/oidc');
      const result = await completeSignIn(config);
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
        <StatusLine>{t('signIn.checking')}</StatusLine>
      )}
    </div>
  );
}
