/// <reference lib="dom" />
// BENCH_LAYER_COST=1 (console main thread step): what each of the console map's live layers adds to
// the time one frame takes to draw, so work on the console's main thread starts from the layer that
// costs most. Without a graphics card, WebGL is drawn by SwiftShader on the processor and the main
// thread waits for each frame (README, 443ddce), so a layer's cost is pixels and draw calls, not
// script. A frame is timed as `map.redraw()` and a one-pixel `readPixels`, which waits for it.
// Each variant (a layer hidden, or a paint property changed) is timed against the map as it is, in
// turns, three times over, and the median of the three differences is printed: single frames on
// this host move by a fifth from one second to the next. Printed only, never a row: the figures are
// for finding, and changing layers reloads the map's tiles in between.
import type { Page } from '@playwright/test';

export async function printMapLayerCost(page: Page, liveSources: string[]): Promise<void> {
  const costs = await page.evaluate(async (live) => {
    const map = (window as any).__amk.map;
    const gl = map.painter.context.gl as WebGLRenderingContext;
    const pixel = new Uint8Array(4);
    const frame = () => {
      const t = performance.now();
      map.redraw();
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      return performance.now() - t;
    };
    /** The middle of three frames, after the map has taken in a change (its tiles rebuilt). */
    const settledFrame = async () => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 3_000);
        map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        map.triggerRepaint();
      });
      frame();
      return [frame(), frame(), frame()].sort((a, b) => a - b)[1]!;
    };
    interface Variant {
      name: string;
      apply(): void;
      undo(): void;
    }
    const hide = (ids: string[], name: string): Variant => ({
      name,
      apply: () => {
        for (const id of ids) map.setLayoutProperty(id, 'visibility', 'none');
      },
      undo: () => {
        for (const id of ids) map.setLayoutProperty(id, 'visibility', 'visible');
      },
    });
    const paint = (name: string, layer: string, property: string, value: unknown): Variant => {
      const old = map.getPaintProperty(layer, property);
      return { name, apply: () => map.setPaintProperty(layer, property, value), undo: () => map.setPaintProperty(layer, property, old) };
    };
    const layers: string[] = map
      .getStyle()
      .layers.filter((l: { source?: string }) => l.source && live.includes(l.source))
      .map((l: { id: string }) => l.id);
    const variants: Variant[] = [
      ...layers.map((id) => hide([id], `without ${id}`)),
      hide(layers, 'without every live layer (the basemap alone)'),
      ...(layers.includes('links') ? [paint('links solid, not dashed', 'links', 'line-dasharray', undefined)] : []),
      ...(layers.includes('unit-labels') ? [paint('unit labels without halo', 'unit-labels', 'text-halo-width', 0)] : []),
    ];
    const out: Record<string, string> = {};
    for (const v of variants) {
      const saved: number[] = [];
      const whole: number[] = [];
      for (let turn = 0; turn < 3; turn++) {
        v.apply();
        const changed = await settledFrame();
        v.undo();
        const asItIs = await settledFrame();
        saved.push(asItIs - changed);
        whole.push(asItIs);
      }
      const median = (xs: number[]) => Math.round(xs.sort((a, b) => a - b)[1]!);
      out[v.name] = `${median(saved)} ms less, of ${median(whole)} ms a frame`;
    }
    return out;
  }, liveSources);
  console.log('[bench] console map, what each live layer costs a frame (median of 3 turns):');
  for (const [name, cost] of Object.entries(costs)) console.log(`    ${name}: ${cost}`);
}
