// A map a dispatcher can read: units at one spot (a station's yard) each keep a readable call sign,
// a unit on a mission is labelled even zoomed out, calls carry their urgency as a letter, and a
// legend says what every mark means. Checked through what MapLibre really drew (rendered features).
import { expect, type Page } from '@playwright/test';
import { SELECTED_COLOUR } from '../apps/console/src/map/layers.js';
import { baseURL, integrationKey, live, loginAs, test } from './support.js';

interface UnitRow {
  id: string;
  callSign: string;
  lat: number | null;
  lon: number | null;
  centreId: string;
  status: string;
  kind: string;
  crewOk: boolean;
}

interface MapWindow {
  __amk: {
    store: { getState(): { units: Record<string, UnitRow>; centre: { id: string } | null; selectedCallId: string | null } };
    map: {
      once(event: string, fn: () => void): void;
      on(event: string, fn: (e: { dataType?: string; sourceId?: string; tile?: unknown }) => void): void;
      project(at: [number, number]): { x: number; y: number };
      getZoom(): number;
      queryRenderedFeatures(at: [number, number], o: { layers: string[] }): { properties: Record<string, unknown> }[];
      jumpTo(o: { center: [number, number]; zoom: number }): void;
      triggerRepaint(): void;
      getCanvas(): HTMLCanvasElement;
      queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, unknown>; state: Record<string, unknown> }[];
    } | null;
  };
}

/** Two of the own centre's free ambulance cars whose crews pass § 11. */
async function twoFreeCars(page: Page): Promise<[UnitRow, UnitRow]> {
  const cars = await page.evaluate(() => {
    const { units, centre } = (window as unknown as MapWindow).__amk.store.getState();
    return Object.values(units).filter(
      (u) => u.centreId === centre?.id && u.kind === 'AMBULANCE_CAR' && u.status.startsWith('AVAILABLE') && u.crewOk,
    );
  });
  expect(cars.length).toBeGreaterThanOrEqual(2);
  return [cars[0]!, cars[1]!];
}

/** A unit terminal reports where the unit is. */
async function reportPosition(callSign: string, lat: number, lon: number) {
  const res = await fetch(`${baseURL}/api/v1/integrations/units/${callSign}/position`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${integrationKey()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ lat, lon, at: new Date().toISOString() }),
  });
  expect(res.status).toBe(200);
}

/** Moves the map, waits until it is drawn, and returns the text of the features drawn in `layers`. */
async function drawnTexts(page: Page, at: { lon: number; lat: number; zoom: number }, layers: string[], key = 'label') {
  return page.evaluate(
    async ({ at, layers, key }) => {
      const map = (window as unknown as MapWindow).__amk.map!;
      // Not map.loaded(): it stays false while any source is reloading, and 'load' fires only once.
      const idle = new Promise<void>((done) => map.once('idle', () => done()));
      map.jumpTo({ center: [at.lon, at.lat], zoom: at.zoom });
      map.triggerRepaint(); // the camera may already be there: a frame is drawn all the same, then idle
      await idle;
      return map.queryRenderedFeatures({ layers }).map((f) => String(f.properties[key]));
    },
    { at, layers, key },
  );
}

const LABEL_LAYERS = ['unit-labels', 'unit-labels-busy'];

/**
 * The colour MapLibre drew `dy` CSS pixels north of a place, read from the frame it has just drawn
 * (in its 'render' event, before the browser takes the frame away).
 */
async function drawnColourNorthOf(page: Page, at: { lon: number; lat: number; zoom: number }, dy: number) {
  return page.evaluate(
    async ({ at, dy }) => {
      const map = (window as unknown as MapWindow).__amk.map!;
      const idle = new Promise<void>((done) => map.once('idle', () => done()));
      map.jumpTo({ center: [at.lon, at.lat], zoom: at.zoom });
      map.triggerRepaint();
      await idle;
      const canvas = map.getCanvas();
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
      const { x, y } = map.project([at.lon, at.lat]);
      const ratio = canvas.width / canvas.clientWidth;
      return new Promise<number[]>((done) => {
        map.once('render', () => {
          const pixel = new Uint8Array(4);
          gl.readPixels(Math.round(x * ratio), Math.round(canvas.height - (y - dy) * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
          done([...pixel.slice(0, 3)]);
        });
        map.triggerRepaint();
      });
    },
    { at, dy },
  );
}

/** Whether two colours are the same to the eye (a channel off by antialiasing at most). */
const looksLike = (rgb: number[], hex: string) =>
  rgb.every((c, i) => Math.abs(c - Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16)) <= 40);

/** Ids of the features MapLibre drew in `layers` around `at` with their `selected` feature-state on. */
async function drawnSelected(page: Page, at: { lon: number; lat: number; zoom: number }, layers: string[]) {
  return page.evaluate(
    async ({ at, layers }) => {
      const map = (window as unknown as MapWindow).__amk.map!;
      const idle = new Promise<void>((done) => map.once('idle', () => done()));
      map.jumpTo({ center: [at.lon, at.lat], zoom: at.zoom });
      map.triggerRepaint();
      await idle;
      return map
        .queryRenderedFeatures({ layers })
        .filter((f) => f.state.selected === true)
        .map((f) => String(f.properties.id));
    },
    { at, layers },
  );
}

test('units at one spot are each labelled; a unit on a mission keeps its label zoomed out; a legend explains', async ({ browser }) => {
  const amk = await loginAs(browser, 'amk.bergen');
  await live(amk);

  // Two cars meet at one spot (a station's yard, a hospital's door), as terminals report.
  const stack = await twoFreeCars(amk);
  const spot = { lat: 60.3602, lon: 5.3301, zoom: 12 };
  for (const u of stack) await reportPosition(u.callSign, spot.lat, spot.lon);
  await expect
    .poll(() =>
      amk.evaluate(
        (ids) => ids.map((id) => (window as unknown as MapWindow).__amk.store.getState().units[id]?.lat),
        stack.map((u) => u.id),
      ),
    )
    .toEqual([spot.lat, spot.lat]);

  // Street zoom over the spot: every unit there has its own label, none hidden by another.
  await expect.poll(() => drawnTexts(amk, spot, LABEL_LAYERS)).toEqual(expect.arrayContaining(stack.map((u) => u.callSign)));
  // The offline outline map says it has no streets to show here, rather than look empty. (Each
  // try moves the map there again: the console frames its own area once, when its stations load.)
  await expect
    .poll(async () => {
      await drawnTexts(amk, spot, LABEL_LAYERS);
      return amk.getByRole('note').allInnerTexts();
    })
    .toEqual([expect.stringContaining('Oversiktskartet har ingen gater')]);

  // A call nearby; the operator sends one of the two cars.
  const [sent] = stack;
  await amk.keyboard.press('F2');
  await amk.getByLabel('Innringers navn').fill(`Kart ${Date.now()}`);
  await amk.getByLabel('Adresse').fill('Ved stasjonen');
  await amk.getByLabel('Breddegrad').fill(String(spot.lat + 0.002));
  await amk.getByLabel('Lengdegrad').fill(String(spot.lon));
  await amk.getByLabel(/A – Akutt/).check();
  await amk.keyboard.press('Enter');
  await amk.getByRole('button', { name: `Send ${sent.callSign}`, exact: true }).click();
  await expect(amk.getByText(`Oppdrag: ${sent.callSign} (Varslet)`)).toBeVisible();

  // The call open in the console stands out on the map, with the car sent to it and the line between
  // them; the car left at the station does not.
  const callId = await amk.evaluate(() => (window as unknown as MapWindow).__amk.store.getState().selectedCallId);
  expect(callId).not.toBeNull();
  await expect.poll(() => drawnSelected(amk, spot, ['calls'])).toEqual([callId]);
  await expect.poll(() => drawnSelected(amk, spot, ['units'])).toEqual([sent.id]);
  await expect.poll(() => drawnSelected(amk, spot, ['links'])).toEqual([expect.stringMatching(new RegExp(`:${sent.id}$`))]);
  // …drawn with a turquoise ring: 13.5 px north of the call's centre (away from the cars south of it)
  // is the middle of its ring while it is selected (radius 13 px, a 4 px ring on that edge), and
  // outside the call when it is not (10 px, ring 2 px).
  const call = { lat: spot.lat + 0.002, lon: spot.lon, zoom: 12 };
  await expect.poll(async () => looksLike(await drawnColourNorthOf(amk, call, 13.5), SELECTED_COLOUR)).toBe(true);

  // Zoomed out to the whole region (clusters for free units), the alerted unit is still named…
  await expect.poll(() => drawnTexts(amk, { ...spot, zoom: 7 }, LABEL_LAYERS)).toContain(sent.callSign);
  await expect(amk.locator('.map-wrap')).toHaveAttribute('data-street-zoom', 'false');
  await expect(amk.getByRole('note')).toHaveCount(0); // zoomed out, nothing is missing
  // …and the places are named at that zoom too.
  await expect.poll(() => drawnTexts(amk, { ...spot, zoom: 7 }, ['kommune-names'], 'kommunenavn')).toContain('Bergen');
  // …and at the spot both the alerted car and the free one keep their labels.
  await expect.poll(() => drawnTexts(amk, spot, LABEL_LAYERS)).toEqual(expect.arrayContaining(stack.map((u) => u.callSign)));
  // The call is marked with its urgency as a letter, not by colour alone.
  await expect.poll(() => drawnTexts(amk, spot, ['call-letters'], 'urgency')).toContain('A');

  // The legend names what the colours and rings mean.
  const legend = amk.getByRole('group').filter({ hasText: 'Tegnforklaring' });
  await legend.getByText('Tegnforklaring').click();
  await expect(legend.getByText('A – akutt', { exact: true })).toBeVisible();
  await expect(legend.getByText('Varslet / på vei', { exact: true })).toBeVisible();
  await expect(legend.getByText(/flere enheter på samme sted/)).toBeVisible();
  await expect(legend.getByText(/Turkis: den åpne henvendelsen/)).toBeVisible();
  await legend.getByText('Tegnforklaring').click();

  // The unit goes home again, so later tests find it free.
  const close = amk.getByRole('form', { name: 'Avslutt oppdrag med utfall' });
  // Closing is not the form's primary action, and it names the unit still out that it will release.
  await expect(close.getByTestId('units-out')).toContainText(`${sent.callSign} – varslet`);
  await expect(close.getByRole('button', { name: 'Avslutt oppdraget' })).not.toHaveClass(/primary/);
  await close.getByLabel('Utfall').selectOption({ label: 'Behandlet på stedet' });
  await close.getByRole('button', { name: 'Avslutt oppdraget' }).click();
  await expect(amk.getByRole('status').filter({ hasText: 'Oppdraget avsluttet' })).toBeVisible();
  // Closed in the console, the call is no longer highlighted on the map.
  await amk.getByRole('region', { name: 'Henvendelse' }).getByRole('button', { name: 'Lukk' }).first().click();
  await expect.poll(() => drawnSelected(amk, spot, ['calls', 'units', 'links'])).toEqual([]);
  expect(looksLike(await drawnColourNorthOf(amk, call, 13.5), SELECTED_COLOUR)).toBe(false);
});

test('a unit that moves is drawn at its new place in one frame, once its tiles are rebuilt', async ({ browser }) => {
  const amk = await loginAs(browser, 'amk.bergen');
  await live(amk);
  // The console frames its own area once its stations are in; from then on the camera is the test's.
  await expect.poll(() => amk.evaluate(() => (window as unknown as MapWindow).__amk.map?.getZoom() ?? 7)).not.toBe(7);
  const [car] = await twoFreeCars(amk);
  const from = { lat: 60.3802, lon: 5.3501 };
  const to = { lat: from.lat + 0.0003, lon: from.lon + 0.0003 }; // some 60 px away at zoom 16
  const drawnAt = (at: { lat: number; lon: number }) =>
    amk.evaluate(
      ({ at }) => {
        const map = (window as unknown as MapWindow).__amk.map!;
        const { x, y } = map.project(at);
        return map.queryRenderedFeatures([x, y], { layers: ['units'] }).map((f) => String(f.properties.id));
      },
      { at: [at.lon, at.lat] as [number, number] },
    );
  await reportPosition(car.callSign, from.lat, from.lon);
  await expect.poll(() => drawnTexts(amk, { ...from, zoom: 16 }, ['units'], 'id')).toContain(car.id);

  // Every frame the map draws from here on, and every tile MapLibre's worker hands back.
  await amk.evaluate(() => {
    const map = (window as unknown as MapWindow).__amk.map!;
    const log: string[] = [];
    (window as unknown as { __frames: string[] }).__frames = log;
    map.on('render', () => log.push('frame'));
    map.on('data', (e) => {
      if (e.dataType === 'source' && e.tile) log.push(`tile:${e.sourceId}`);
    });
  });
  await reportPosition(car.callSign, to.lat, to.lon);

  // The unit is drawn where its terminal says it is now, and no longer where it was…
  await expect.poll(() => drawnAt(to)).toContain(car.id);
  expect(await drawnAt(from)).not.toContain(car.id);
  // …and no frame was drawn with nothing new in it: not while the worker took in the move, and not
  // after the tiles came back (a frame costs hundreds of ms on a PC without a graphics card). A
  // frame MapLibre still wanted would be drawn within the next two animation frames.
  const log = await amk.evaluate(
    () =>
      new Promise<string[]>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => done((window as unknown as { __frames: string[] }).__frames))),
      ),
  );
  expect(log).toContain('tile:units');
  const emptyFrames = log.filter((e, i) => e === 'frame' && (i === 0 || log[i - 1] === 'frame'));
  expect({ log, emptyFrames: emptyFrames.length }).toEqual({ log, emptyFrames: 0 });
});

test('a unit’s call sign on the unit board finds it on the map: the map goes there and rings it', async ({ browser }) => {
  const amk = await loginAs(browser, 'amk.bergen');
  await live(amk);
  // The console frames its own area once its stations are in; from then on the camera is the operator's.
  await expect.poll(() => amk.evaluate(() => (window as unknown as MapWindow).__amk.map?.getZoom() ?? 7)).not.toBe(7);
  const [, car] = await twoFreeCars(amk);
  const at = { lat: 60.4202, lon: 5.2501, zoom: 13 };
  await reportPosition(car.callSign, at.lat, at.lon);
  await expect
    .poll(() => amk.evaluate((id) => (window as unknown as MapWindow).__amk.store.getState().units[id]?.lat, car.id))
    .toBe(at.lat);

  const button = amk.getByRole('region', { name: 'Enheter' }).getByRole('button', { name: `Vis ${car.callSign} i kartet` });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  // The map flies to it…
  await expect
    .poll(() =>
      amk.evaluate(() => {
        const c = (window as unknown as { __amk: { map: { getCenter(): { lat: number; lng: number } } } }).__amk.map.getCenter();
        return [Number(c.lat.toFixed(3)), Number(c.lng.toFixed(3))];
      }),
    )
    .toEqual([Number(at.lat.toFixed(3)), Number(at.lon.toFixed(3))]);
  // …and rings it in the selection colour (6.5 px north of its centre is the middle of its ring at
  // this zoom: radius 7 px, a 2.5 px ring on that edge), and only this unit is drawn selected.
  await expect.poll(() => drawnSelected(amk, at, ['units'])).toEqual([car.id]);
  await expect.poll(async () => looksLike(await drawnColourNorthOf(amk, at, 6.5), SELECTED_COLOUR)).toBe(true);

  // Asked again, it lets the unit go.
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => drawnSelected(amk, at, ['units'])).toEqual([]);
  expect(looksLike(await drawnColourNorthOf(amk, at, 6.5), SELECTED_COLOUR)).toBe(false);
});
