import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, focusSoon } from '../../lib/form';
import { StatusLine } from '../../ui/StatusLine';
import { fetchDevToken } from './dev-auth';

const FIELD = 'login-email';

/**
 * Local sign-in with an e-mail address (issue 13): a person invited in the app has no seed button; the dev issuer
 * knows its e-mail (`POST /dev/token {user: email}`) and refuses an unknown or disabled one. Only offered where the
 * server has dev sign-in. The address is checked by the server, not here: the first page loads no schemas.
 */
export function EmailSignIn({ disabled, onToken }: { disabled: boolean; onToken: (token: string) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  const failedRef = useRef<HTMLDivElement>(null);
  const signIn = useMutation({
    mutationFn: (address: string) => fetchDevToken(address),
    onSuccess: onToken,
    onError: () => focusSoon(() => failedRef.current),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const address = email.trim().toLowerCase();
    if (!address.includes('@')) {
      setError(t('signIn.email.required'));
      focusSoon(() => inputRef.current);
      return;
    }
    setError(undefined);
    signIn.mutate(address);
  }
  return (
    <section aria-labelledby="login-email-heading" className="regie-login__email">
      <Heading2 id="login-email-heading">{t('signIn.email.title')}</Heading2>
      <Paragraph>{t('signIn.email.intro')}</Paragraph>
      <div ref={failedRef} tabIndex={-1} className="regie-outcome" aria-live="polite">
        {signIn.isError ? (
          <Alert type="error" data-testid="login-email-failed">
            <Paragraph>{t('signIn.email.failed')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <form className="regie-form" noValidate onSubmit={submit}>
        <Field id={FIELD} label={t('signIn.email.label')} error={error}>
          {(props) => (
            <Textbox
              {...props}
              ref={inputRef}
              type="email"
              name="email"
              autoComplete="email"
              spellCheck={false}
              className="regie-input--name"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <StatusLine>{signIn.isPending ? t('login.signingIn', { name: email.trim() }) : null}</StatusLine>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={signIn.isPending}
          disabled={disabled || signIn.isPending}
        >
          {t('signIn.email.submit')}
        </Button>
      </form>
    </section>
  );
}
