// What the first screen waits for, asked for as early as it can be and in the order it is needed.
// An operator starting a shift opens the console: the session check goes out before anything else
// the page fetches (the browser opens only six connections to a server, and a check queued behind
// a dozen script chunks kept the login form waiting); the console's script, the map's and the
// snapshot are fetched while the form is filled in and the login is checked, not after it.
import type { Me } from '@amk/contracts';
import type { ComponentType } from 'react';
import { client, ok } from '../api/client.js';
import { fetchSnapshot, type SnapshotAnswer } from '../api/snapshot.js';
import { lazyPage } from '../lib/lazy-page.js';

/** The session check, sent when the page's own script starts: a user, or null for "not logged in". */
export const sessionAtStart: Promise<Me | null> = ok(client.GET('/api/v1/auth/me')).catch(() => null);

/** The console page, its own chunk: drawn at once when preloaded (lib/lazy-page.tsx). */
export const consolePage = lazyPage((): Promise<ComponentType<{ me: Me }>> => import('./ConsolePage.js').then((m) => m.ConsolePage));

/**
 * The console page and the map library (most of its script), side by side, now. Resolves when the
 * console's chunk is in, or could not be had: a failure is not the page's, each asks again when it
 * renders.
 */
export function preloadConsole(): Promise<void> {
  import('../map/index.js').then(
    (m) => m.preloadMap(),
    () => {},
  );
  return consolePage.preload().then(
    () => {},
    () => {},
  );
}

/**
 * The same once the login form has been painted. Started from the form's own effect, Vite's
 * preload of the chunks (a link element per script it needs) ran in the task that drew the form,
 * and the form reached the screen about 60 ms later (a trace of the first load).
 */
export function preloadConsoleAfterPaint(): void {
  requestAnimationFrame(() => setTimeout(() => void preloadConsole(), 0));
}

let snapshotOnItsWay: Promise<SnapshotAnswer> | null = null;

/**
 * Asks for the snapshot now, for the console about to be shown, beside its scripts; and opens the
 * live connection meanwhile (its script is in the console's chunk, fetched already or on its way).
 */
export function prefetchSnapshotAndConnect(): void {
  snapshotOnItsWay ??= fetchSnapshot();
  // kept for the page that takes it; a failure is seen there (and that page asks again)
  snapshotOnItsWay.catch(() => {});
  import('../realtime/index.js').then(
    (m) => m.openConnectionEarly(),
    () => {},
  );
}

/**
 * The snapshot asked for by prefetchSnapshotAndConnect, once, else a new request. Taken once only: a page
 * that reloads it later (a resync, a retry) must have the server's state then, not this one.
 */
export function takeSnapshot(): Promise<SnapshotAnswer> {
  const pending = snapshotOnItsWay ?? fetchSnapshot();
  snapshotOnItsWay = null;
  return pending;
}
