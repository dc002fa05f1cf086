// Single sign-on in a real browser (issue 18): a server set up with an OpenID provider offers it on
// the login page; the operator signs in on the provider's own page and lands in the console with
// the name and role the provider's groups give.
import { expect } from '@playwright/test';
import { CLIENT_ID, clientKeys, startTestProvider } from '../apps/server/test/support/oidc-provider.js';
import { live, newContext, ownServer, test } from './support.js';

const RP_PORT = 3298;
const OP_PORT = 3297;
const GROUP = `AMK-Bergen-operatorer-${Date.now()}`;

test('an operator signs in through the identity provider’s login page and works in the console', async ({ browser }) => {
  const keys = await clientKeys();
  const rpUrl = `http://127.0.0.1:${RP_PORT}`;
  const op = await startTestProvider({
    port: OP_PORT,
    rpUrl,
    providerId: 'testidp',
    clientPublicJwk: keys.publicJwk,
    accounts: { 'kari.sso': { name: 'Kari Innlogget', preferred_username: 'kari.sso', groups: [GROUP], hpr_number: '9144889' } },
  });
  const server = ownServer(RP_PORT, {
    OIDC_PROVIDERS: JSON.stringify([
      {
        id: 'testidp',
        label: 'Test-ID',
        issuer: op.issuer,
        clientId: CLIENT_ID,
        clientAuth: { method: 'private_key_jwt', privateJwk: keys.privateJwk },
        scopes: 'openid profile amk',
        claims: { hpr: 'hpr_number' },
      },
    ]),
  });
  await server.start();
  try {
    // The centre's administrator maps the provider group to AMK operators in the admin page's tab.
    const adminContext = await newContext(browser, { baseURL: rpUrl, viewport: { width: 1600, height: 900 } });
    const admin = await adminContext.newPage();
    await admin.goto('/');
    await admin.getByLabel('Brukernavn').fill('admin');
    await admin.getByLabel('Passord').fill('demo');
    await admin.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await expect(admin.getByRole('heading', { name: 'Logg inn' })).toBeHidden();
    await admin.goto('/admin#sso');
    const sso = admin.getByRole('tabpanel', { name: 'Pålogging (SSO)' });
    await sso.getByLabel('Verdi (gruppe eller rolle)').fill(GROUP);
    await sso.getByLabel('Rolle her').selectOption('amk_operator');
    await sso.getByRole('button', { name: 'Legg til' }).click();
    await expect(sso.getByText('Koblingen er lagt til.')).toBeVisible();
    await expect(sso.getByRole('row', { name: new RegExp(GROUP) })).toContainText('AMK-operatør');

    const context = await newContext(browser, { baseURL: rpUrl, viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Logg inn med Test-ID' }).click();

    // The provider's page, not ours.
    await expect(page).toHaveURL(new RegExp(`^${op.issuer}/interaction/`));
    await page.getByLabel('Username').fill('kari.sso');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(`${rpUrl}/`);
    await expect(page.getByText('Kari Innlogget')).toBeVisible();
    await expect(page.getByText('AMK-operatør').first()).toBeVisible();
    await live(page);
  } finally {
    await server.stop();
    await op.close();
  }
});
