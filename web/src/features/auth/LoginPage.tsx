import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'wouter';
import { roleLabel } from '../../lib/agreements/labels';
import { getLogoutReason, login } from '../../lib/auth';
import type { CognitoConfig } from '../../lib/cognito';
import { PageHeading, usePageTitle } from '../../lib/page';
import { signInConfig } from '../../lib/runtime-config';
import { StatusLine } from '../../ui/StatusLine';
import { type DevUser, fetchDevToken, fetchDevUsers } from './dev-auth';
import { EmailSignIn } from './EmailSignIn';

/** Only same-app paths are followed after login (no open redirect). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/register';
}

/** Sign-in through the organisation's account: off to Cognito's managed page with PKCE, back on /auth/callback. */
function CognitoSignIn({ config, next }: { config: CognitoConfig; next: string | null }) {
  const { t } = useTranslation();
  const [leaving, setLeaving] = useState(false);
  async function go() {
    setLeaving(true);
    const { beginSignIn } = await import('../../lib/oidc');
    await beginSignIn(config, safeNext(next)).catch(() => setLeaving(false));
  }
  return (
    <section aria-label={t('signIn.button')}>
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <Button appearance="primary-action-button" busy={leaving} disabled={leaving} onClick={() => void go()}>
        {t('signIn.button')}
      </Button>
      <StatusLine>{leaving ? t('signIn.redirecting') : null}</StatusLine>
    </section>
  );
}

function UserButton({
  user,
  busy,
  disabled,
  onLogin,
}: {
  user: DevUser;
  busy: boolean;
  disabled: boolean;
  onLogin: (user: DevUser) => void;
}) {
  const { t } = useTranslation();
  return (
    <Button
      appearance="secondary-action-button"
      className="regie-login__user"
      data-testid={`login-${user.key}`}
      busy={busy}
      disabled={disabled}
      onClick={() => onLogin(user)}
    >
      <span className="regie-login__name">{user.name}</span>
      <span className="regie-login__meta">
        {user.organisation} · {user.roles.map((role) => roleLabel(t, role)).join(', ')}
      </span>
    </Button>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const [logoutReason] = useState(getLogoutReason);

  const config = useQuery({ queryKey: ['signInConfig'], queryFn: signInConfig, staleTime: Infinity });
  const users = useQuery({
    queryKey: ['dev', 'users'],
    queryFn: ({ signal }) => fetchDevUsers(signal),
    retry: false,
    enabled: config.data?.mode === 'dev',
  });
  const signIn = useMutation({
    mutationFn: (user: DevUser) => fetchDevToken(user.key),
    onSuccess: (token) => {
      login(token);
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  return (
    <div className="regie-login">
      <PageHeading>{t('login.title')}</PageHeading>
      {logoutReason === 'expired' ? (
        <Alert type="warning">{t('login.sessionExpired')}</Alert>
      ) : logoutReason === 'manual' ? (
        <Alert type="ok">{t('login.loggedOut')}</Alert>
      ) : null}

      {config.data?.mode === 'cognito' ? (
        <CognitoSignIn config={config.data} next={params.get('next')} />
      ) : null}

      <StatusLine>
        {config.data?.mode === 'dev' && users.isPending ? t('login.loading') : null}
        {signIn.isPending ? t('login.signingIn', { name: signIn.variables.name }) : null}
      </StatusLine>

      {users.isError ? (
        <Alert type="error">
          <Paragraph>{t('login.unreachable')}</Paragraph>
          <Button appearance="secondary-action-button" onClick={() => void users.refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      ) : null}

      {users.data?.available === false ? (
        <Alert type="info">
          <Heading2>{t('login.unavailableTitle')}</Heading2>
          <Paragraph>{t('login.unavailable')}</Paragraph>
          <Paragraph>{t('login.organisationLogin')}</Paragraph>
        </Alert>
      ) : null}

      {signIn.isError ? <Alert type="error">{t('login.failed')}</Alert> : null}

      {users.data?.available ? (
        <section aria-labelledby="login-users-heading">
          <Paragraph>{t('login.intro')}</Paragraph>
          <Heading2 id="login-users-heading">{t('login.usersLabel')}</Heading2>
          <ul className="regie-login__list">
            {users.data.users.map((user) => (
              <li key={user.key}>
                <UserButton
                  user={user}
                  busy={signIn.isPending && signIn.variables.key === user.key}
                  disabled={signIn.isPending}
                  onLogin={(u) => signIn.mutate(u)}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {users.data?.available ? (
        <EmailSignIn
          disabled={signIn.isPending}
          onToken={(token) => {
            login(token);
            navigate(safeNext(params.get('next')), { replace: true });
          }}
        />
      ) : null}
    </div>
  );
}
