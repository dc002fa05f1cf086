// A long list draws only the rows in view. Up to `drawAllUpTo` rows every one is drawn (a region's
// board, an ordinary night's calls); past it (the whole country's fleet, the thousands of calls of a
// major incident) only the rows in view and a few around them, so opening the console or ticking
// the clock does not build or re-render thousands of elements before the operator sees a call.
//
// The list scrolls with the column it sits in, below whatever the column shows above it, so where
// its rows start in that column is measured after every render rather than assumed. Rows are
// measured as they are drawn (a warning or a tag makes a row taller); the rows not drawn are stood
// in for by `above` and `below` (a spacer row in a table, margins on a list's first and last row).
import { useVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useLayoutEffect, useState } from 'react';

/** The nearest ancestor that scrolls. */
function scrollingAncestor(el: HTMLElement | null): HTMLElement | null {
  for (let p = el?.parentElement ?? null; p; p = p.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) return p;
  }
  return null;
}

interface Column {
  el: HTMLElement;
  /** Where row 0 starts in the column's scrolled content, in px. */
  origin: number;
  /** The list's gap between rows (a flex column's row-gap), in px. */
  gap: number;
}

export interface RowsInView<T> {
  /** The rows to draw, each with its place in the whole list (give it to the row as `data-index`). */
  rows: { item: T; index: number }[];
  /** Height of the rows not drawn above and below those drawn, in px. */
  above: number;
  below: number;
  /** Whether only some rows are drawn (a table then says how many rows it has, in aria-rowcount). */
  windowed: boolean;
  /** Give to each drawn row as its ref when windowed, so its real height is used. */
  measure: ((el: Element | null) => void) | undefined;
}

/** `list` is the `<table>` or `<ul>` the rows are drawn in. */
export function useRowsInView<T>(
  list: RefObject<HTMLElement | null>,
  items: readonly T[],
  { drawAllUpTo, estimateSize, overscan = 10 }: { drawAllUpTo: number; estimateSize: number; overscan?: number },
): RowsInView<T> {
  const [column, setColumn] = useState<Column | null>(null);
  const wantWindow = items.length > drawAllUpTo;
  const virtualizer = useVirtualizer({
    count: column ? items.length : 0,
    getScrollElement: () => column?.el ?? null,
    estimateSize: () => estimateSize,
    overscan,
    gap: column?.gap ?? 0,
    scrollMargin: column?.origin ?? 0,
  });
  const inView = column && wantWindow ? virtualizer.getVirtualItems() : null;
  const origin = column?.origin ?? 0;
  const above = inView?.length ? inView[0]!.start - origin : 0;
  const below = inView?.length ? virtualizer.getTotalSize() - (inView[inView.length - 1]!.end - origin) : 0;

  // After every render: find the column and where row 0 starts in it (the first drawn row's top less
  // the space standing in for the rows above it). That depends only on what is above the list, so
  // setting it converges at once; it changes when something above the list grows or shrinks.
  useLayoutEffect(() => {
    const listEl = list.current;
    // the column found before, while the list is still in it (this runs every second in the call list)
    const known = column && listEl && column.el.contains(listEl) ? column.el : null;
    const el = wantWindow ? (known ?? scrollingAncestor(listEl)) : null;
    if (!el || !listEl) {
      if (column) setColumn(null);
      return;
    }
    const first = listEl.querySelector<HTMLElement>('[data-index]') ?? listEl;
    const top = first.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop - (first === listEl ? 0 : above);
    const gap = Number.parseFloat(getComputedStyle(listEl).rowGap) || 0;
    if (!column || column.el !== el || Math.abs(column.origin - top) > 1 || column.gap !== gap) setColumn({ el, origin: top, gap });
  });

  let rows: { item: T; index: number }[];
  if (inView) rows = inView.map((v) => ({ item: items[v.index]!, index: v.index }));
  // Before the column is known (the first render), a long list draws only its first rows.
  else rows = (wantWindow ? items.slice(0, 30) : items).map((item, index) => ({ item, index }));
  return { rows, above, below, windowed: inView !== null, measure: inView ? virtualizer.measureElement : undefined };
}
