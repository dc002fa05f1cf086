import type { Me } from '@amk/contracts';
import { useState, type FormEvent } from 'react';
import { ApiError, client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function LoginPage({ onLoggedIn }: { onLoggedIn(me: Me): void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await ok(client.POST('/api/v1/auth/login', { body: { username, password } })));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('login.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form onSubmit={submit} className="login-card">
        <h1>{t('app.title')}</h1>
        <h2>{t('login.heading')}</h2>
        <label>
          {t('login.username')}
          {/* biome-ignore lint/a11y/noAutofocus: the login form is the whole page; the first field is where every user starts */}
          <input autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {t('login.password')}
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
        <p className="hint">{t('login.demo')}</p>
        <LanguageSwitch />
      </form>
    </main>
  );
}
