// Which page: the login, the operator console, or the responder's phone page. No router library:
// three pages and the address bar are enough.
import type { Me } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { api } from '../api/http.js';
import { AdminPage } from '../admin/AdminPage.js';
import { AuditPage } from '../audit/AuditPage.js';
import { IndicatorsPage } from '../indicators/IndicatorsPage.js';
import { WallPage } from '../wall/WallPage.js';
import { LoginPage } from '../auth/LoginPage.js';
import { ResponderPage } from '../responder/ResponderPage.js';
import { useConsole } from '../store/console-store.js';
import { ConsolePage } from './ConsolePage.js';

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const path = window.location.pathname;

  useEffect(() => {
    api<Me>('GET', '/auth/me').then(setMe, () => setMe(null));
  }, []);

  useEffect(() => {
    useConsole.getState().setMe(me ?? null);
    if (me === null && path !== '/login') window.history.replaceState(null, '', `/login?next=${encodeURIComponent(path)}`);
  }, [me, path]);

  if (me === undefined) return <div className="loading">…</div>;
  if (me === null) return <LoginPage onLoggedIn={(m) => {
    const next = new URLSearchParams(window.location.search).get('next');
    window.history.replaceState(null, '', m.role === 'responder' ? '/responder' : next && next !== '/login' ? next : '/');
    setMe(m);
  }} />;
  if (me.role === 'responder' || path.startsWith('/responder')) return <ResponderPage me={me} />;
  if (path.startsWith('/audit')) return <AuditPage me={me} />;
  if (path.startsWith('/wall')) return <WallPage me={me} />;
  if (path.startsWith('/indicators')) return <IndicatorsPage me={me} />;
  if (path.startsWith('/admin')) return <AdminPage me={me} />;
  return <ConsolePage me={me} />;
}
