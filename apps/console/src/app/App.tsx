// Which page: the login, the operator console, or the responder's phone page. No router library:
// three pages and the address bar are enough. Every page shares one react-query cache for the reads
// that are cached and shared (centres, the triage catalogue, the admin lists).
import type { Me } from '@amk/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { createQueryClient } from '../api/client.js';
import { LoginPage } from '../auth/LoginPage.js';
import { useConsole } from '../store/console-store.js';
import { consolePage, preloadConsole, preloadConsoleAfterPaint, prefetchSnapshotAndConnect, sessionAtStart } from './first-screen.js';

// Each page is its own chunk, loaded when opened: the login screen loads only itself, a phone only
// the responder page, and the map library comes with the console or the wall that draws it.
const ConsolePage = consolePage.Page;
const AdminPage = lazy(() => import('../admin/AdminPage.js').then((m) => ({ default: m.AdminPage })));
const AuditPage = lazy(() => import('../audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const IndicatorsPage = lazy(() => import('../indicators/IndicatorsPage.js').then((m) => ({ default: m.IndicatorsPage })));
const RegionPage = lazy(() => import('../region/RegionPage.js').then((m) => ({ default: m.RegionPage })));
const WallPage = lazy(() => import('../wall/WallPage.js').then((m) => ({ default: m.WallPage })));
const MajorIncidentLogPage = lazy(() =>
  import('../major-incidents/MajorIncidentLogPage.js').then((m) => ({ default: m.MajorIncidentLogPage })),
);
const ResponderPage = lazy(() => import('../responder/ResponderPage.js').then((m) => ({ default: m.ResponderPage })));

const queryClient = createQueryClient();

// Where the console is what comes next (its own address, or the login page in front of it), its
// chunk and the map's are fetched while the operator types the password and the login is checked,
// once the form is on screen (not before: on a busy PC they would hold back the form itself). A
// phone opens /responder, and a login on its way there does not fetch the console.
function consoleComesNext(): boolean {
  const { pathname, search } = window.location;
  return pathname === '/' || (pathname === '/login' && (new URLSearchParams(search).get('next') ?? '/') === '/');
}

/**
 * A user is known (logged in already, or just now): what their page needs is asked for before it
 * renders, and the console's script is waited for, so the console is drawn at once instead of
 * suspending (lib/lazy-page.tsx). Resolves either way: if the script cannot be had, the page's
 * own lazy load tries again and says so.
 */
async function readyFor(me: Me): Promise<void> {
  if (me.role !== 'responder' && window.location.pathname === '/') {
    prefetchSnapshotAndConnect();
    await preloadConsole();
  }
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={<div className="loading">…</div>}>
        <Pages />
      </Suspense>
    </QueryClientProvider>
  );
}

function Pages() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const path = window.location.pathname;

  useEffect(() => {
    sessionAtStart.then(async (m) => {
      if (m) await readyFor(m);
      setMe(m);
    });
  }, []);

  useEffect(() => {
    useConsole.getState().setMe(me ?? null);
    if (me === null && path !== '/login') window.history.replaceState(null, '', `/login?next=${encodeURIComponent(path)}`);
    if (me === null && consoleComesNext()) preloadConsoleAfterPaint();
  }, [me, path]);

  if (me === undefined) return <div className="loading">…</div>;
  if (me === null)
    return (
      <LoginPage
        onLoggedIn={async (m) => {
          const next = new URLSearchParams(window.location.search).get('next');
          window.history.replaceState(null, '', m.role === 'responder' ? '/responder' : next && next !== '/login' ? next : '/');
          await readyFor(m);
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
