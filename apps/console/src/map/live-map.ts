// The console's map: MapLibre's, drawing a frame only when there is something new to show.
// Every frame redraws the whole map. That is cheap with a graphics card. Without one (a virtual
// desktop, a locked-down operator PC, the bench machine) the browser draws on the processor, and
// one frame with 2,000 units, their labels and the lines to their missions takes hundreds of ms.
// MapLibre 6 drew several frames for each batch of moves, and only the last showed all of it:
//   - one when the worker had taken in the changed source (its 'metadata' and 'content' events),
//     with nothing new on screen until the source's tiles are rebuilt;
//   - one per rebuilt tile as it came back, the others still showing the old places;
//   - one more because new labels had arrived during the last placement, which marked it stale.
//     With fadeDuration 0 every frame already places all labels in full, so nothing is left.
// This map draws one: when the source's last rebuilt tile is back (or MAX_TILE_HOLD_MS after its
// first, should the rest be slow or fail). It uses two MapLibre internals, Map._update and
// Placement.hasTransitions, both in MapLibre's type declarations. e2e/map.spec.ts fails if a
// MapLibre upgrade brings the extra frames back or leaves a move undrawn.
import { Map as MapLibreMap, type MapOptions } from 'maplibre-gl';

/** A tile's frame waits at most this long for the rest of its source's tiles. */
const MAX_TILE_HOLD_MS = 500;

type SourceEvent = { type?: string; dataType?: string; sourceDataType?: string; sourceId?: string; tile?: unknown };

/** A source event that only says the worker has the new data; its tiles will follow. */
function announcesReload(map: MapLibreMap, e: SourceEvent): boolean {
  if (e.tile || (e.sourceDataType !== 'metadata' && e.sourceDataType !== 'content')) return false;
  // A source that has no tiles yet needs the frame: that frame asks for its first tiles.
  return (map.style?.tileManagers[e.sourceId!]?.getIds().length ?? 0) > 0;
}

/** One of a source's tiles is back, and others it is rebuilding are still to come. */
const moreTilesComing = (map: MapLibreMap, e: SourceEvent) => !!e.tile && map.style?.tileManagers[e.sourceId!]?.loaded() === false;

let placementPatched = false;

/**
 * A placement that had labels change under it asks for one more frame (Placement.stale). With
 * fadeDuration 0 the next frame would place every label in full again, with nothing new to place.
 * Maps that fade labels keep MapLibre's behaviour.
 */
function drawNoFrameForStalePlacement(map: MapLibreMap): boolean {
  if (placementPatched) return true;
  // There is no placement to learn the class from until the first frame has placed its labels.
  if (!map.style?.placement) return false;
  placementPatched = true;
  const placement = Object.getPrototypeOf(map.style.placement) as { hasTransitions(this: { fadeDuration: number }, now: number): boolean };
  const hasTransitions = placement.hasTransitions;
  placement.hasTransitions = function (now: number) {
    return this.fadeDuration === 0 ? false : hasTransitions.call(this, now);
  };
  return true;
}

export class LiveMap extends MapLibreMap {
  /** True while an event whose frame can wait is being delivered. */
  private frameCanWait = false;
  /** Draws a held tile's frame MAX_TILE_HOLD_MS after the first tile was held, whatever else came. */
  private heldFrame: ReturnType<typeof setTimeout> | null = null;

  constructor(options: MapOptions) {
    super(options);
    const patch = () => {
      if (drawNoFrameForStalePlacement(this)) this.off('render', patch);
    };
    this.on('render', patch);
    this.on('render', () => this.dropHeldFrame());
  }

  private dropHeldFrame(): void {
    if (this.heldFrame) clearTimeout(this.heldFrame);
    this.heldFrame = null;
  }

  /** Whether the frame this event would draw can wait for a later one (see the top of this file). */
  private canWait(event: unknown): boolean {
    const e = event as SourceEvent;
    if (e.type !== 'data' || e.dataType !== 'source' || !e.sourceId) return false;
    if (announcesReload(this, e)) return true;
    if (!moreTilesComing(this, e)) return false;
    // The rest may be slow or never come (a tile that fails fires no data event): the frame is
    // drawn MAX_TILE_HOLD_MS after the first held tile all the same.
    this.heldFrame ??= setTimeout(() => {
      this.heldFrame = null;
      this.triggerRepaint();
    }, MAX_TILE_HOLD_MS);
    return true;
  }

  override remove(): void {
    this.dropHeldFrame();
    super.remove();
  }

  override fire(event: Parameters<MapLibreMap['fire']>[0] | object, properties?: object): this {
    if (!this.canWait(event)) return super.fire(event as never, properties);
    this.frameCanWait = true;
    try {
      return super.fire(event as never, properties);
    } finally {
      this.frameCanWait = false;
    }
  }

  /** MapLibre's own 'data' listener calls this to redraw; an event whose frame can wait only marks the sources for the next frame. */
  override _update(updateStyle?: boolean): this {
    if (this.frameCanWait && !updateStyle) {
      this._sourcesDirty = true;
      return this;
    }
    return super._update(updateStyle);
  }
}
