// Scene organisation of a major incident: the rendezvous point, the ambulances' holding area and
// the casualty clearing point, each set with one click in the map (drawn there for every console
// following the incident), and who leads on scene. Every change is timestamped in the log.
import { UpdateSceneRequest, type MajorIncidentDetail } from '@amk/contracts';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { contractResolver, Field, messageOf, messages } from '../lib/form-kit.js';
import { cancelPick, pickPoint, usePointPick } from '../store/point-pick.js';
import { useMajorIncidents } from '../store/major-incident-store.js';

const PLACES = ['rendezvous', 'holdingArea', 'casualtyClearing'] as const;
type Place = (typeof PLACES)[number];
const ROLES = ['operativLederHelse', 'fagLederHelse', 'innsatsleder'] as const;
const LeaderFields = UpdateSceneRequest.pick({ operativLederHelse: true, fagLederHelse: true, innsatsleder: true });
type Leaders = Record<(typeof ROLES)[number], string>;
// Six decimals: about 10 cm, finer than any click.
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function SceneSection({ incident, onError }: { incident: MajorIncidentDetail; onError(m: string | null): void }) {
  const t = useT();
  const owner = (what: Place) => `mi:${incident.id}:${what}`;
  const picking = usePointPick((s) => PLACES.find((p) => s.owner === owner(p)) ?? null);
  // A pick still pending when the operator leaves the incident is dropped, never applied elsewhere.
  useEffect(
    () => () => {
      for (const p of PLACES) cancelPick(`mi:${incident.id}:${p}`);
    },
    [incident.id],
  );

  const update = (body: z.input<typeof UpdateSceneRequest>) =>
    ok(
      client.PUT('/api/v1/major-incidents/{majorIncidentId}/scene', {
        params: { path: { majorIncidentId: incident.id } },
        body,
      }),
    ).then(
      (m) => {
        useMajorIncidents.getState().upsertIncident(m);
        onError(null);
      },
      (err) => onError(messageOf(err)),
    );
  async function place(what: Place) {
    const point = await pickPoint(owner(what));
    if (point) await update({ [what]: { lat: round(point.lat), lon: round(point.lon) } });
  }

  const current: Leaders = {
    operativLederHelse: incident.scene.operativLederHelse ?? '',
    fagLederHelse: incident.scene.fagLederHelse ?? '',
    innsatsleder: incident.scene.innsatsleder ?? '',
  };
  const { register, handleSubmit, formState } = useForm<Leaders, unknown, z.output<typeof LeaderFields>>({
    values: current,
    resetOptions: { keepDirtyValues: true },
    // An empty field clears the role (null); a filled one is checked by the contract.
    resolver: (values, context, options) =>
      contractResolver(LeaderFields, t)(
        Object.fromEntries(ROLES.map((r) => [r, values[r].trim() ? values[r] : null])) as never,
        context,
        options as never,
      ),
  });
  const errors = messages(formState.errors);
  const save = handleSubmit(async (body) => {
    const changed = Object.fromEntries(ROLES.filter((r) => (body[r] ?? '') !== current[r]).map((r) => [r, body[r] ?? null]));
    if (Object.keys(changed).length) await update(changed);
  });

  return (
    <details className="mi-scene" open>
      <summary>{t('mi.scene.title')}</summary>
      <ul className="mi-scene-places">
        {PLACES.map((what) => {
          const at = incident.scene[what];
          return (
            <li key={what} data-testid={`mi-scene-${what}`}>
              <span>{t(`mi.scene.${what}`)}: </span>
              <span>{at ? `${at.lat.toFixed(5)}, ${at.lon.toFixed(5)}` : t('mi.scene.notSet')}</span>
              {picking === what ? (
                <button type="button" className="small" onClick={() => cancelPick(owner(what))}>
                  {t('mi.scene.picking')}
                </button>
              ) : (
                <button type="button" className="small" onClick={() => void place(what)}>
                  {t('mi.scene.setInMap')}
                </button>
              )}
              {at && (
                <button type="button" className="small secondary" onClick={() => void update({ [what]: null })}>
                  {t('mi.scene.clear')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <form onSubmit={(e) => void save(e)} className="mi-leaders" aria-label={t('mi.scene.leaders')} noValidate>
        {ROLES.map((r) => (
          <Field key={r} label={t(`mi.scene.${r}`)} error={errors[r]}>
            <input {...register(r)} maxLength={200} placeholder={t('mi.scene.rolePlaceholder')} />
          </Field>
        ))}
        <button type="submit" disabled={formState.isSubmitting}>
          {t('mi.scene.save')}
        </button>
      </form>
    </details>
  );
}
