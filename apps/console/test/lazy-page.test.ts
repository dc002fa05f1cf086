// A page in its own chunk is drawn at once when the chunk was fetched ahead (lib/lazy-page.tsx),
// instead of suspending: a suspended console is revealed only after React's 300 ms fallback
// throttle. Rendered to a string, a suspended page shows its fallback.
import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPage } from '../src/lib/lazy-page.js';

const Greeting = ({ name }: { name: string }) => createElement('p', null, `Hei, ${name}`);
const within = (node: ReturnType<typeof createElement>) => renderToString(createElement(Suspense, { fallback: 'laster…' }, node));

describe('lazyPage', () => {
  it('draws the page itself, not the fallback, once its chunk was preloaded', async () => {
    const page = lazyPage(async () => Greeting);
    await page.preload();
    expect(within(createElement(page.Page, { name: 'AMK Bergen' }))).toContain('Hei, AMK Bergen');
  });

  it('suspends (the fallback) while the chunk has not arrived, and fetches it once', async () => {
    let loads = 0;
    const page = lazyPage(async () => {
      loads += 1;
      return Greeting;
    });
    const html = within(createElement(page.Page, { name: 'AMK Bergen' }));
    expect(html).toContain('laster…');
    expect(html).not.toContain('Hei');
    expect(loads).toBe(1);
  });
});
