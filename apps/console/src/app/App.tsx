// Which page: the login, the operator console, or the responder's phone page. No router library:
// three pages and the address bar are enough. Every page shares one react-query cache for the reads
// that are cached and shared (centres, the triage catalogue, the admin lists).
import type { Me } from '@amk/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { client, createQueryClient, ok } from '../api/client.js';
import { AdminPage } from '../admin/AdminPage.js';
import { AuditPage } from '../audit/AuditPage.js';
import { IndicatorsPage } from '../indicators/IndicatorsPage.js';
import { RegionPage } from '../region/RegionPage.js';
import { WallPage } from '../wall/WallPage.js';
import { LoginPage } from '../auth/LoginPage.js';
import { MajorIncidentLogPage } from '../major-incidents/MajorIncidentLogPage.js';
import { ResponderPage } from '../responder/ResponderPage.js';
import { useConsole } from '../store/console-store.js';
import { ConsolePage } from './ConsolePage.js';

const queryClient = createQueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Pages />
    </QueryClientProvider>
  );
}

function Pages() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const path = window.location.pathname;

  useEffect(() => {
    ok(client.GET('/api/v1/auth/me')).then(setMe, () => setMe(null));
  }, []);

  useEffect(() => {
    useConsole.getState().setMe(me ?? null);
    if (me === null && path !== '/login') window.history.replaceState(null, '', `/login?next=${encodeURIComponent(path)}`);
  }, [me, path]);

  if (me === undefined) return <div className="loading">…</div>;
  if (me === null)
    return (
      <LoginPage
        onLoggedIn={(m) => {
          const next = new URLSearchParams(window.location.search).get('next');
          window.history.replaceState(null, '', m.role === 'responder' ? '/responder' : next && next !== '/login' ? next : '/');
          setMe(m);
        }}
      />
    );
  if (me.role === 'responder' || path.startsWith('/responder')) return <ResponderPage me={me} />;
  if (path.startsWith('/audit')) return <AuditPage me={me} />;
  if (path.startsWith('/wall')) return <WallPage me={me} />;
  if (path.startsWith('/indicators')) return <IndicatorsPage me={me} />;
  if (path.startsWith('/region')) return <RegionPage me={me} />;
  if (path.startsWith('/admin')) return <AdminPage me={me} />;
  const logOf = /^\/major-incidents\/([0-9a-f-]{36})\/log$/.exec(path);
  if (logOf) return <MajorIncidentLogPage majorIncidentId={logOf[1]!} />;
  return <ConsolePage me={me} />;
}
