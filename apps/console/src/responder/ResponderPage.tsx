// The akutthjelper's phone page: stays reachable (live socket, installable), shows an alert's
// event type and distance, the place only after accepting; shares the phone's position while on
// the mission, marks arrival, and stays with the responder on scene (the place, what to do, what
// the ambulance is doing) until the mission is over. Earlier alerts are listed with their times.
import { useDecimal } from '../i18n/numbers.js';
import type { ClientToServerEvents, EventEnvelope, Me, ResponderAlert, ServerToClientEvents } from '@amk/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { ApiError, client, ok } from '../api/client.js';
import { LanguageSwitch, LogoutButton } from '../auth/index.js';
import { useT } from '../i18n/i18n.js';
import { clock } from '../lib/clock.js';
import { TestAlertBox } from './TestAlertBox.js';
import { useMarkSeen } from './use-mark-seen.js';
import { ErrorLine } from '../lib/ErrorLine.js';

interface ResponderMe {
  memberId: string;
  name: string;
  unitName: string;
  onDuty: boolean;
  trainingValidUntil: string | null;
  isLeader: boolean;
  alerts: ResponderAlert[];
}

/** Shown in full until the mission is over: also after arrival, when the responder is working on scene. */
const ACTIVE = new Set(['PENDING', 'DELIVERED', 'SEEN', 'ACCEPTED', 'ARRIVED']);

export function ResponderPage({ me }: { me: Me }) {
  const t = useT();
  const decimal = useDecimal();
  const [profile, setProfile] = useState<ResponderMe | null>(null);
  const [alerts, setAlerts] = useState<Record<string, ResponderAlert>>({});
  const [live, setLive] = useState(false);
  const [msg, setMsg] = useState<string | null>(null);
  const acked = useRef(new Set<string>());

  const upsert = useCallback((a: ResponderAlert) => {
    setAlerts((all) => ({ ...all, [a.id]: a }));
    // The page has it: tell AMK it was delivered (once), and buzz the phone for a new alert.
    if (a.state === 'PENDING' && !acked.current.has(a.id)) {
      acked.current.add(a.id);
      navigator.vibrate?.([400, 200, 400]);
      void ok(
        client.POST('/api/v1/responder/alerts/{alertId}/{action}', { params: { path: { alertId: a.id, action: 'delivered' } } }),
      ).then(
        (x) => setAlerts((all) => ({ ...all, [x.id]: x })),
        () => acked.current.delete(a.id),
      );
    }
  }, []);

  const reload = useCallback(async () => {
    const p = await ok(client.GET('/api/v1/responder/me'));
    setProfile(p);
    p.alerts.forEach(upsert);
  }, [upsert]);

  useEffect(() => {
    void navigator.serviceWorker?.register('/sw.js').catch(() => {});
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: '/socket.io', transports: ['websocket'] });
    // After every (re)connect the page reloads its alerts: nothing sent while it was away is lost.
    socket.on('live', () => {
      setLive(true);
      void reload();
    });
    socket.on('disconnect', () => setLive(false));
    const take = (e: EventEnvelope) => e.type === 'responder.alert' && upsert(e.data);
    socket.on('event', take);
    socket.on('events', (list) => list.forEach(take));
    return () => void socket.disconnect();
  }, [reload, upsert]);

  const active = Object.values(alerts)
    .filter((a) => ACTIVE.has(a.state) && !a.missionClosed)
    .sort((a, b) => b.alertedAt.localeCompare(a.alertedAt));
  const onMission = active.some((a) => a.state === 'ACCEPTED' || a.state === 'ARRIVED');
  useMarkSeen(active, upsert);

  // While on a mission, share the phone's position with AMK (at most every 10 s).
  useEffect(() => {
    if (!onMission || !navigator.geolocation) return;
    let last = 0;
    const id = navigator.geolocation.watchPosition(
      (p) => {
        if (Date.now() - last < 10_000) return;
        last = Date.now();
        void ok(client.PUT('/api/v1/responder/position', { body: { lat: p.coords.latitude, lon: p.coords.longitude } })).catch(() => {});
      },
      () => {},
      { enableHighAccuracy: true },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [onMission]);

  async function act(a: ResponderAlert, action: 'seen' | 'accept' | 'decline' | 'arrived') {
    try {
      upsert(await ok(client.POST('/api/v1/responder/alerts/{alertId}/{action}', { params: { path: { alertId: a.id, action } } })));
      setMsg(null);
    } catch (e) {
      setMsg(e instanceof ApiError ? e.message : String(e));
    }
  }
  async function toggleDuty() {
    if (!profile) return;
    await ok(client.PUT('/api/v1/responder/duty', { body: { onDuty: !profile.onDuty } }));
    await reload();
  }

  return (
    <main className="responder">
      <header>
        <h1>{t('responder.heading')}</h1>
        <span className={`conn conn-${live ? 'live' : 'offline'}`} data-testid="connection">
          <span className="dot" /> {live ? t('conn.live') : t('conn.connecting')}
        </span>
      </header>
      {profile && (
        <p className="muted">
          {profile.name} · {profile.unitName}{' '}
          <button type="button" onClick={toggleDuty} aria-pressed={profile.onDuty}>
            {profile.onDuty ? t('responder.onDuty') : t('responder.offDuty')}
          </button>
        </p>
      )}
      {active.length === 0 && <p className="idle">{t('responder.noAlerts')}</p>}
      {active.map((a) => (
        <article key={a.id} className={`responder-alert state-${a.state}`} aria-label={a.eventLabel}>
          <h2>{a.eventType ? t(`event.${a.eventType}`) : a.eventLabel}</h2>
          {a.distanceKm !== null && <p className="distance">{t('responder.distance', { km: decimal(a.distanceKm) })}</p>}
          {a.arrivedAt && (
            <p className="ok-text" role="status">
              {t('responder.youArrived', { at: clock(a.arrivedAt) })}
            </p>
          )}
          {a.state === 'ARRIVED' && a.eventType && <p className="todo">{t(`responder.todo.${a.eventType}`)}</p>}
          {a.ambulance && !a.ambulanceOnScene && (
            <p data-testid="ambulance">
              {t('responder.ambulance', { unit: a.ambulance.callSign, status: t(`status.${a.ambulance.status}`) })}
            </p>
          )}
          {a.ambulanceOnScene && (
            <p className="ok-text" role="status">
              {t('responder.ambulanceOnScene')}
            </p>
          )}
          {a.place && (
            <div className="place">
              <p>
                {t('responder.address')}: <strong>{a.place.addressText ?? `${a.place.lat.toFixed(5)}, ${a.place.lon.toFixed(5)}`}</strong>
              </p>
              <a href={`geo:${a.place.lat},${a.place.lon}`} className="button">
                {t('responder.openMap')}
              </a>
              <p className="muted">{t('responder.sharing')}</p>
            </div>
          )}
          <div className="actions">
            {a.state !== 'ACCEPTED' && a.state !== 'ARRIVED' && (
              <>
                <button type="button" className="primary big" onClick={() => act(a, 'accept')}>
                  {t('responder.accept')}
                </button>
                <button type="button" className="big" onClick={() => act(a, 'decline')}>
                  {t('responder.decline')}
                </button>
              </>
            )}
            {a.state === 'ACCEPTED' && (
              <button type="button" className="primary big" onClick={() => act(a, 'arrived')}>
                {t('responder.arrived')}
              </button>
            )}
          </div>
        </article>
      ))}
      {Object.values(alerts)
        .filter((a) => !active.includes(a))
        .sort((a, b) => b.alertedAt.localeCompare(a.alertedAt))
        .slice(0, 3)
        .map((a) => (
          <p key={a.id} className="muted" data-testid="history">
            {clock(a.alertedAt)} · {a.eventType ? t(`event.${a.eventType}`) : a.eventLabel}:{' '}
            {a.missionClosed ? t('responder.cancelled') : t(`alertState.${a.state}`)}
            {a.ambulanceOnScene ? ` · ${t('responder.ambulanceOnScene')}` : ''}
          </p>
        ))}
      <ErrorLine error={msg} />
      {profile?.isLeader && <TestAlertBox />}
      <footer>
        <span className="muted">{me.displayName}</span> <LanguageSwitch />
        <LogoutButton />
      </footer>
    </main>
  );
}
