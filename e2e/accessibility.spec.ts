// Every screen clean for every user: axe-core (the engine behind Lighthouse's accessibility audit)
// finds no serious or moderate violation (WCAG 2.1 AA and its best practices: one main landmark,
// unique landmarks, headings) on the console (idle, with a record open, with the AMK doctor form
// open), the legevakt console with its roster form, the wall, the indicators, the audit log, admin and the akutthjelper's phone page.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { live, loginAs, test } from './support.js';

/** Serious and moderate violations, one line each: rule, how many elements, the first of them. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'moderate')
    .map((v) => `${v.impact} ${v.id} ×${v.nodes.length}: ${v.help} — ${v.nodes[0]?.target.join(' ')}`);
}

const PAGES: {
  name: string;
  user: string;
  path: string;
  ready(page: Page): Promise<void>;
  viewport?: { width: number; height: number };
}[] = [
  {
    name: 'the console, idle',
    user: 'amk.bergen',
    path: '/',
    ready: async (page) => {
      await live(page);
      await expect(page.getByRole('region', { name: 'Enheter' })).toBeVisible();
    },
  },
  {
    name: 'the console with a call record open',
    user: 'amk.bergen',
    path: '/',
    ready: async (page) => {
      await live(page);
      await page.keyboard.press('F2');
      await page.getByLabel('Innringers navn').fill(`Axe ${Date.now()}`);
      await page.getByLabel('Adresse').fill('Bryggen 1, Bergen');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('combobox', { name: 'Kriterium' })).toBeFocused();
    },
  },
  {
    name: 'the console with the AMK doctor form open (date and time fields)',
    user: 'amk.bergen',
    path: '/',
    ready: async (page) => {
      await live(page);
      await page.getByText('Sett opp AMK-lege').click();
      await expect(page.getByRole('group', { name: 'Fra klokkeslett', exact: true })).toBeVisible();
    },
  },
  {
    name: 'the legevakt console with the roster form open',
    user: 'lv.bergen',
    path: '/',
    ready: async (page) => {
      await live(page);
      await page.getByRole('button', { name: 'Legg til vakt' }).click();
      await expect(page.getByRole('form', { name: 'Ny vakt på vaktlisten' })).toBeVisible();
    },
  },
  {
    name: 'the wall',
    user: 'supervisor.bergen',
    path: '/wall',
    ready: async (page) => {
      await expect(page.getByRole('region', { name: 'AMK Bergen' })).toBeVisible();
    },
  },
  {
    name: 'the indicators',
    user: 'supervisor.bergen',
    path: '/indicators',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    },
  },
  {
    name: 'the audit log',
    user: 'auditor.demo',
    path: '/audit',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    },
  },
  {
    name: 'admin',
    user: 'admin',
    path: '/admin',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    },
  },
  {
    name: 'the phone page',
    user: 'responder.demo',
    path: '/responder',
    viewport: { width: 390, height: 844 },
    ready: async (page) => {
      await expect(page.getByRole('heading', { name: 'Akutthjelper' })).toBeVisible();
    },
  },
];

for (const p of PAGES) {
  test(`axe finds no serious or moderate violation on ${p.name}`, async ({ browser }) => {
    const page = await loginAs(browser, p.user, p.viewport);
    await page.waitForURL((url) => url.pathname !== '/login');
    if (p.path !== '/' && p.path !== '/responder') await page.goto(p.path);
    await p.ready(page);
    expect(await violations(page)).toEqual([]);
  });
}
