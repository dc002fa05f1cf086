import type { Me } from '@amk/contracts';
import { LanguageSwitch } from '../auth/LanguageSwitch.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { formatAge, useNow } from '../lib/use-now.js';
import { LogoutButton } from '../auth/LogoutButton.js';
import { RingSoundSwitch } from '../calls/RingSoundSwitch.js';

export function Header({ me, onNewCall }: { me: Me; onNewCall(): void }) {
  const t = useT();
  const now = useNow();
  const connection = useConsole((s) => s.connection);
  const lastEventAt = useConsole((s) => s.lastEventAt);
  const label = connection === 'live' ? t('conn.live') : connection === 'connecting' ? t('conn.connecting') : t('conn.offline');
  return (
    <header className="header">
      <h1 className="brand">
        <strong>{me.centre.name}</strong> <span className="muted">{me.centre.code}</span>
      </h1>
      <button type="button" className="primary" onClick={onNewCall}>
        {t('calls.new')}
      </button>
      <div className={`conn conn-${connection}`} role="status" aria-live="polite" data-testid="connection">
        <span className="dot" /> {label}
        {lastEventAt && <span className="muted"> · {t('conn.lastEvent', { age: formatAge(now - lastEventAt) })}</span>}
      </div>
      <span className="hotkeys muted" title={t('header.hotkeys')}>
        {t('header.hotkeyList')}
      </span>
      <div className="user">
        {me.displayName} <span className="muted">({t(`role.${me.role}`)})</span>
      </div>
      {['supervisor', 'admin'].includes(me.role) && (
        <a href="/wall" className="button">
          {t('header.wall')}
        </a>
      )}
      {me.role === 'supervisor' && me.centre.kind === 'AMK' && (
        <a href="/region" className="button">
          {t('header.region')}
        </a>
      )}
      {['supervisor', 'admin'].includes(me.role) && (
        <a href="/indicators" className="button">
          {t('header.indicators')}
        </a>
      )}
      {['supervisor', 'admin', 'auditor'].includes(me.role) && (
        <a href="/audit" className="button">
          {t('header.audit')}
        </a>
      )}
      {['supervisor', 'admin'].includes(me.role) && (
        <a href="/admin" className="button">
          {t('header.admin')}
        </a>
      )}
      <RingSoundSwitch />
      <LanguageSwitch />
      <LogoutButton />
    </header>
  );
}
