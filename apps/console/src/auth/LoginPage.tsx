// The login page: a button per identity provider the server is set up with (single sign-on, issue
// 18; none in the demo), and username and password, checked in the form by the server's own
// LoginRequest schema (an empty field is named before anything is sent), the refusal in words.
import { LoginRequest, type Me } from '@amk/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { $api, ApiError, client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { contractResolver, Field, messages } from '../lib/form-kit.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { ErrorLine } from '../lib/ErrorLine.js';

type Fields = z.input<typeof LoginRequest>;

export function LoginPage({ onLoggedIn }: { onLoggedIn(me: Me): Promise<void> }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Fields, unknown, z.output<typeof LoginRequest>>({
    defaultValues: { username: '', password: '' },
    resolver: contractResolver(LoginRequest, t, { username: 'login.err.username', password: 'login.err.password' }),
  });
  const errors = messages(formState.errors);
  const providers = $api.useQuery('get', '/api/v1/auth/oidc/providers').data?.providers ?? [];
  const submit = handleSubmit(async (body) => {
    setError(null);
    try {
      // awaited: the button stays disabled until the page that comes next is ready to draw
      await onLoggedIn(await ok(client.POST('/api/v1/auth/login', { body })));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('login.failed'));
    }
  });

  return (
    <main className="login">
      <form onSubmit={(e) => void submit(e)} className="login-card" noValidate>
        <h1>{t('app.title')}</h1>
        <h2>{t('login.heading')}</h2>
        {providers.length > 0 && (
          <div className="login-sso">
            {providers.map((p) => (
              // A plain link: the browser itself goes to the provider and comes back signed in.
              <a key={p.id} className="button primary" href={p.startUrl}>
                {t('login.sso', { label: p.label })}
              </a>
            ))}
            <p className="muted small">{t('login.or')}</p>
          </div>
        )}
        <Field label={t('login.username')} error={errors.username}>
          {/* biome-ignore lint/a11y/noAutofocus: the login form is the whole page; the first field is where every user starts */}
          <input autoFocus autoComplete="username" {...register('username')} />
        </Field>
        <Field label={t('login.password')} error={errors.password}>
          <input type="password" autoComplete="current-password" {...register('password')} />
        </Field>
        <ErrorLine error={error} />
        <button type="submit" disabled={formState.isSubmitting}>
          {t('login.submit')}
        </button>
        <p className="hint">{t('login.demo')}</p>
        <LanguageSwitch />
      </form>
    </main>
  );
}
