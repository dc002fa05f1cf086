// OpenID Connect single sign-on (issue 18) against a real provider in this process (oidc-provider
// with private-key JWT client authentication, PKCE required and back-channel logout): operators
// sign in with centre and role from their groups, an unmapped person is refused, the provider's
// logout closes the console's socket, playback asks for a fresh sign-in after max age, and every
// spoilt answer (state, replayed code, issuer, audience, expiry, signature) is an error page and an
// audit entry, never a session.
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentre, createIntegrationKey, createUser, uniqueName } from './support/factories.js';
import { clientKeys, DPOP_CLIENT_ID, startRogueProvider, startTestProvider, type TestProvider } from './support/oidc-provider.js';
import { buildTestApp, databaseUrl, login, openConsole } from './support/test-app.js';
import type { App } from '../src/app.js';
import { createPrisma, type Db } from '@amk/db';

const RP_PORT = 3291;
const OP_PORT = 3292;
const ROGUE_PORT = 3293;
const rp = `http://127.0.0.1:${RP_PORT}`;

/** A browser as far as sign-in needs one: a cookie jar per origin, redirects followed by hand. */
class Browser {
  private jar = new Map<string, Map<string, string>>();
  visited: string[] = [];

  cookie(url: string): string {
    return [...(this.jar.get(new URL(url).origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    this.visited.push(url);
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookie(url) },
    });
    const cookies = this.jar.get(new URL(url).origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (!value || expired) cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(new URL(url).origin, cookies);
    return res;
  }

  /** Follows redirects until a page answers, or the console's own pages are reached (returned as the redirect). */
  async follow(url: string, init?: RequestInit): Promise<{ res: Response; url: string }> {
    let res = await this.request(url, init);
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 20; hops++) {
      const next = new URL(res.headers.get('location')!, url).href;
      if (next.startsWith(rp) && !new URL(next).pathname.startsWith('/api/v1/auth/oidc/')) return { res, url: next };
      url = next;
      res = await this.request(url);
    }
    return { res, url };
  }

  session(): string | undefined {
    const token = this.jar.get(rp)?.get('amk_session');
    return token ? `amk_session=${token}` : undefined;
  }
}

/** What the server logs: a sign-in's code and state must not appear in it. */
let logged = '';
let app: App;
let prisma: Db;
let op: TestProvider;
let rogue: Awaited<ReturnType<typeof startRogueProvider>>;
let amk: { id: string; code: string };
let lvs: { id: string; code: string };
let adminCookie: string;
let recorderKey: string;
const grants: { clientId: string | undefined; tokenType: string | undefined }[] = [];
const grantErrors: { clientId: string | undefined; error: string | undefined; detail: string | undefined }[] = [];
const groups = {
  amk: uniqueName('amk-operatorer'),
  lvs: uniqueName('lv-operatorer'),
  lead: uniqueName('amk-vaktledere'),
  other: uniqueName('kantina'),
};

const accounts = {
  'kari.amk': { name: 'Kari Nordmann', preferred_username: 'kari.amk', groups: [groups.amk, groups.other], hpr_number: '9144889' },
  'ola.lv': { name: 'Ola Legevakt', preferred_username: 'ola.lv', groups: [groups.lvs], hpr_number: '4356729' },
  'per.ingen': { name: 'Per Ingen', preferred_username: 'per.ingen', groups: [groups.other] },
  // in both the operators' and the supervisors' group: the role with more rights wins
  'siri.vakt': { name: 'Siri Vaktleder', preferred_username: 'siri.vakt', groups: [groups.amk, groups.lead] },
};

beforeAll(async () => {
  prisma = createPrisma(databaseUrl(), 5);
  const logStream = new PassThrough();
  logStream.on('data', (chunk) => {
    logged += chunk;
  });
  const keys = await clientKeys();
  const common = {
    clientId: 'amk-console',
    clientAuth: { method: 'private_key_jwt', privateJwk: keys.privateJwk },
    scopes: 'openid profile amk',
  };
  app = await buildTestApp(
    prisma,
    {
      OIDC_PROVIDERS: [
        {
          id: 'testidp',
          label: 'Test-ID',
          issuer: `http://127.0.0.1:${OP_PORT}`,
          ...common,
          sessionMaxSeconds: 3600, // the provider's sign-in lasts an hour: no session here outlives it
          claims: { name: 'name', hpr: 'hpr_number', groups: 'groups' },
        },
        // The same provider, signing in as a client whose tokens it binds to a DPoP key: once
        // with dpop on (HelseID's profile), once with it forgotten.
        ...[
          { id: 'testidp-dpop', dpop: true },
          { id: 'testidp-nodpop', dpop: false },
        ].map(({ id, dpop }) => ({
          id,
          label: `Test-ID ${id}`,
          issuer: `http://127.0.0.1:${OP_PORT}`,
          ...common,
          clientId: DPOP_CLIENT_ID,
          dpop,
          claims: { name: 'name', hpr: 'hpr_number', groups: 'groups' },
        })),
        {
          id: 'rogue',
          label: 'Rogue',
          issuer: `http://127.0.0.1:${ROGUE_PORT}`,
          ...common,
          claims: { name: 'name', hpr: 'hpr_number', groups: 'groups' },
        },
      ] as never,
      OIDC_REAUTH_MAX_AGE_SECONDS: 600,
      LOG_LEVEL: 'info',
    },
    logStream,
  );
  await app.listen({ host: '127.0.0.1', port: RP_PORT });
  op = await startTestProvider({
    port: OP_PORT,
    rpUrl: rp,
    providerId: 'testidp',
    clientPublicJwk: keys.publicJwk,
    accounts,
    dpopProviderIds: ['testidp-dpop', 'testidp-nodpop'],
  });
  // What the provider's token endpoint answered, as the provider itself saw it.
  op.provider.on('grant.success', (ctx) => {
    grants.push({ clientId: ctx.oidc.client?.clientId, tokenType: (ctx.body as { token_type?: string } | undefined)?.token_type });
  });
  op.provider.on('grant.error', (ctx, err) => {
    grantErrors.push({ clientId: ctx.oidc.client?.clientId, error: err.error, detail: err.error_detail });
  });
  rogue = await startRogueProvider(ROGUE_PORT, accounts['kari.amk']);

  amk = await createCentre(prisma);
  lvs = await createCentre(prisma, { kind: 'LVS' });
  const admin = await createUser(prisma, amk.id, { role: 'admin' });
  adminCookie = await login({ url: rp }, admin.username);
  recorderKey = await createIntegrationKey(prisma, amk.code, 'recorder');
  // The LVS centre's mapping as its own administrator would keep it; the AMK one through the admin routes below.
  await prisma.oidcClaimMapping.create({
    data: { id: crypto.randomUUID(), providerId: 'testidp', claim: 'groups', value: groups.lvs, centreId: lvs.id, role: 'lv_operator' },
  });
  await prisma.oidcClaimMapping.create({
    data: { id: crypto.randomUUID(), providerId: 'rogue', claim: 'groups', value: groups.amk, centreId: amk.id, role: 'amk_operator' },
  });
  await prisma.oidcClaimMapping.create({
    data: { id: crypto.randomUUID(), providerId: 'testidp', claim: 'groups', value: groups.lead, centreId: amk.id, role: 'supervisor' },
  });
  for (const providerId of ['testidp-dpop', 'testidp-nodpop']) {
    await prisma.oidcClaimMapping.create({
      data: { id: crypto.randomUUID(), providerId, claim: 'groups', value: groups.lvs, centreId: lvs.id, role: 'lv_operator' },
    });
  }
});

afterAll(async () => {
  await app?.close();
  await op?.close();
  await rogue?.close();
  await prisma?.$disconnect();
});

const api = (path: string, cookie?: string, init: RequestInit = {}) =>
  fetch(`${rp}/api/v1${path}`, { ...init, headers: { ...(cookie && { cookie }), ...(init.headers as Record<string, string>) } });

/** Signs in at the test provider as `account`, entering the username on its login page when it asks. */
async function signIn(browser: Browser, account: string, providerId = 'testidp', query = '') {
  let { res, url } = await browser.follow(`${rp}/api/v1/auth/oidc/${providerId}/start${query}`);
  if (url.includes('/interaction/')) {
    const action = (await res.text()).match(/action="([^"]+)"/)![1]!;
    ({ res, url } = await browser.follow(new URL(action, url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: account }),
    }));
  }
  return { res, url };
}

async function me(cookie: string | undefined) {
  const res = await api('/auth/me', cookie);
  return res.status === 200 ? ((await res.json()) as { role: string; displayName: string; centre: { code: string } }) : null;
}

const refusals = (reason: string) =>
  prisma.auditLog.findMany({ where: { action: 'auth.oidc.refused', detail: { path: ['reason'], equals: reason } } });

async function expectRefusal(res: Response, status: number, reason: string, words: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  const page = await res.text();
  expect(page).toContain(`data-reason="${reason}"`);
  expect(page).toMatch(words);
  expect(page).toContain('Sign-in refused');
  expect(res.headers.getSetCookie().some((c) => c.startsWith('amk_session='))).toBe(false);
  expect((await refusals(reason)).length).toBeGreaterThan(0);
}

describe('the claim mapping table', () => {
  it("an administrator maps a group to a role at their own centre, audited; another centre's admin cannot remove it", async () => {
    const add = await api('/admin/oidc-mappings', adminCookie, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ providerId: 'testidp', value: groups.amk, role: 'amk_operator' }),
    });
    expect(add.status).toBe(201);
    const row = (await add.json()) as { id: string; claim: string };
    expect(row.claim).toBe('groups'); // the provider's groups claim when none is named

    const list = (await (await api('/admin/oidc-mappings', adminCookie)).json()) as {
      mappings: { providerId: string; value: string }[];
      providers: { id: string }[];
    };
    expect(list.mappings.filter((m) => m.providerId === 'testidp').map((m) => m.value)).toEqual([groups.amk, groups.lead].sort());
    expect(list.providers.map((p) => p.id)).toEqual(['testidp', 'testidp-dpop', 'testidp-nodpop', 'rogue']);

    const unknown = await api('/admin/oidc-mappings', adminCookie, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ providerId: 'nope', value: 'x', role: 'amk_operator' }),
    });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/no identity provider 'nope'/);

    const otherAdmin = await login({ url: rp }, (await createUser(prisma, lvs.id, { role: 'admin' })).username);
    expect((await api(`/admin/oidc-mappings/${row.id}`, otherAdmin, { method: 'DELETE' })).status).toBe(404);
    expect(await prisma.auditLog.count({ where: { action: 'oidc_mapping.create', entityId: row.id } })).toBe(1);

    // Removed and put back: both audited.
    expect((await api(`/admin/oidc-mappings/${row.id}`, adminCookie, { method: 'DELETE' })).status).toBe(204);
    expect(await prisma.auditLog.count({ where: { action: 'oidc_mapping.delete', entityId: row.id } })).toBe(1);
    await api('/admin/oidc-mappings', adminCookie, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ providerId: 'testidp', claim: 'groups', value: groups.amk, role: 'amk_operator' }),
    });
  });
});

describe('signing in through the provider', () => {
  it('the login page is offered the configured providers', async () => {
    const body = (await (await api('/auth/oidc/providers')).json()) as { providers: { id: string; label: string; startUrl: string }[] };
    expect(body.providers).toContainEqual({ id: 'testidp', label: 'Test-ID', startUrl: '/api/v1/auth/oidc/testidp/start' });
  });

  it('an AMK operator signs in with centre, role, name and HPR number from the claims', async () => {
    const browser = new Browser();
    const { res, url } = await signIn(browser, 'kari.amk');
    expect(res.status).toBe(303);
    expect(url).toBe(`${rp}/`);
    expect(await me(browser.session())).toMatchObject({ role: 'amk_operator', displayName: 'Kari Nordmann', centre: { code: amk.code } });
    // The PKCE challenge went to the provider; the verifier never left the server.
    const authorize = new URL(browser.visited.find((u) => u.includes('/auth?'))!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(browser.visited.some((u) => u.includes('code_verifier'))).toBe(false);
    // The callback was logged, but not its code or state.
    const callback = new URL(browser.visited.find((u) => u.includes('/callback?'))!);
    expect(logged).toContain('/api/v1/auth/oidc/testidp/callback?code=***');
    expect(logged).not.toContain(callback.searchParams.get('code')!);
    expect(logged).not.toContain(callback.searchParams.get('state')!);

    // The HPR number shows in the admin's user list and in the audit log's login entry.
    const users = (await (await api('/admin/users', adminCookie)).json()) as { users: { displayName: string; hprNumber: string | null }[] };
    expect(users.users.find((u) => u.displayName === 'Kari Nordmann')).toMatchObject({ hprNumber: '9144889', signsInWith: 'testidp' });
    const user = await prisma.user.findFirstOrThrow({ where: { oidcProvider: 'testidp', oidcSubject: 'kari.amk' } });
    const entry = await prisma.auditLog.findFirst({ where: { action: 'auth.login', actorId: user.id } });
    expect(entry?.detail).toMatchObject({ provider: 'testidp', hprNumber: '9144889' });
    // No password: the account cannot be used with the password form.
    const pw = await api('/auth/login', undefined, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: 'x' }),
    });
    expect(pw.status).toBe(401);
  });

  it('an LV operator signs in at their legevaktsentral', async () => {
    const browser = new Browser();
    await signIn(browser, 'ola.lv');
    expect(await me(browser.session())).toMatchObject({ role: 'lv_operator', displayName: 'Ola Legevakt', centre: { code: lvs.code } });
    // The session ends when the provider's sign-in does (an hour after it), not after our own longer lifetime.
    const tokenHash = createHash('sha256').update(browser.session()!.split('=')[1]!).digest('hex');
    const session = await prisma.session.findUniqueOrThrow({ where: { tokenHash } });
    expect(session.expiresAt.getTime() - session.authTime!.getTime()).toBe(3_600_000);
  });

  it('a person whose groups map to no centre or role is refused with a page, an audit entry and no session', async () => {
    const browser = new Browser();
    const { res } = await signIn(browser, 'per.ingen');
    await expectRefusal(res, 403, 'unmapped', /ingen sentral eller rolle/);
    expect(browser.session()).toBeUndefined();
    expect(await prisma.user.count({ where: { oidcSubject: 'per.ingen' } })).toBe(0);
    expect((await refusals('unmapped')).some((r) => (r.detail as { subject?: string }).subject === 'per.ingen')).toBe(true);
  });
});

describe('sessions follow the provider', () => {
  it("the provider's back-channel logout ends the session and closes its socket", async () => {
    const browser = new Browser();
    await signIn(browser, 'kari.amk');
    const cookie = browser.session()!;
    const socket = openConsole({ url: rp }, cookie);
    await socket.live;
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));

    // The user signs out at the provider (its end-session page, confirmed).
    const { res } = await browser.follow(`${op.issuer}/session/end?client_id=amk-console`);
    const xsrf = (await res.text()).match(/name="xsrf" value="([^"]+)"/)![1]!;
    await browser.follow(`${op.issuer}/session/end/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });

    await closed;
    expect(await me(cookie)).toBeNull();
    expect(
      await prisma.auditLog.count({ where: { action: 'auth.oidc.backchannel_logout', detail: { path: ['subject'], equals: 'kari.amk' } } }),
    ).toBeGreaterThan(0);
    socket.close();
  });

  it('a logout token that is not the provider’s is refused with 400 and ends nothing', async () => {
    const browser = new Browser();
    await signIn(browser, 'ola.lv');
    const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: op.issuer, aud: 'amk-console', sub: 'ola.lv', events: {} })).toString('base64url')}.`;
    const res = await api('/auth/oidc/testidp/backchannel-logout', undefined, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ logout_token: forged }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringMatching(/logout_token refused/) });
    expect(await me(browser.session())).toMatchObject({ role: 'lv_operator' });
  });

  it('listening to a recording asks for a fresh sign-in once the sign-in is older than max age; a password session is not asked', async () => {
    const ring = await fetch(`${rp}/api/v1/integrations/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${recorderKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        externalId: uniqueName('c'),
        centre: amk.code,
        line: '113',
        callerNumber: '+4790001111',
        ringingAt: new Date().toISOString(),
      }),
    });
    const call = (await ring.json()) as { externalId: string };
    const form = new FormData();
    form.append('callExternalId', call.externalId);
    form.append('recordedAt', new Date().toISOString());
    form.append(
      'audio',
      new Blob([new Uint8Array(Buffer.from('RIFF....WAVEfmt '.padEnd(4096, '.')))], { type: 'audio/wav' }),
      'opptak.wav',
    );
    const recording = (await (
      await fetch(`${rp}/api/v1/integrations/recordings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${recorderKey}` },
        body: form,
      })
    ).json()) as { id: string };

    const browser = new Browser();
    await signIn(browser, 'kari.amk');
    expect((await api(`/recordings/${recording.id}/audio`, browser.session())).status).toBe(200);

    // Twenty minutes later (max age 600 s): the sign-in at the provider is too old for playback.
    const tokenHash = createHash('sha256').update(browser.session()!.split('=')[1]!).digest('hex');
    await prisma.session.update({ where: { tokenHash }, data: { authTime: new Date(Date.now() - 20 * 60_000) } });
    const refused = await api(`/recordings/${recording.id}/audio`, browser.session());
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { message: string }).message).toMatch(/Re-authentication needed/);
    const again = refused.headers.get('x-reauthenticate')!;
    expect(again).toMatch(/^\/api\/v1\/auth\/oidc\/testidp\/start\?prompt=login&max_age=600$/);

    // The console sends the user through the provider again: its login page asks once more.
    const { url } = await browser.follow(`${rp}${again}`);
    expect(url).toMatch(/\/interaction\//);
    await signIn(browser, 'kari.amk', 'testidp', '?prompt=login&max_age=600');
    expect((await api(`/recordings/${recording.id}/audio`, browser.session())).status).toBe(200);

    const local = await createUser(prisma, amk.id);
    expect((await api(`/recordings/${recording.id}/audio`, await login({ url: rp }, local.username))).status).toBe(200);

    // Placing a hold is as sensitive: a supervisor whose sign-in is too old is asked again too.
    const lead = new Browser();
    await signIn(lead, 'siri.vakt');
    expect(await me(lead.session())).toMatchObject({ role: 'supervisor' });
    const leadHash = createHash('sha256').update(lead.session()!.split('=')[1]!).digest('hex');
    await prisma.session.update({ where: { tokenHash: leadHash }, data: { authTime: new Date(Date.now() - 20 * 60_000) } });
    const hold = (cookie: string) =>
      api(`/recordings/${recording.id}/holds`, cookie, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'tilsyn', caseRef: 'HT-2026-1' }),
      });
    const tooOld = await hold(lead.session()!);
    expect(tooOld.status).toBe(401);
    expect(tooOld.headers.get('x-reauthenticate')).toMatch(/prompt=login/);
    await signIn(lead, 'siri.vakt', 'testidp', '?prompt=login&max_age=600');
    expect((await hold(lead.session()!)).status).toBe(201);
  });
});

describe('DPoP: sender-constrained tokens, as HelseID asks', () => {
  it('with dpop on, the token request carries a proof (retried with the provider’s nonce) and the operator signs in', async () => {
    const browser = new Browser();
    const { res } = await signIn(browser, 'ola.lv', 'testidp-dpop');
    expect(res.status).toBe(303);
    expect(await me(browser.session())).toMatchObject({ role: 'lv_operator', displayName: 'Ola Legevakt', centre: { code: lvs.code } });
    // The provider bound the access token to the key: it saw a valid proof.
    expect(grants.filter((g) => g.clientId === DPOP_CLIENT_ID)).toContainEqual({ clientId: DPOP_CLIENT_ID, tokenType: 'DPoP' });
    // It first asked for its nonce; openid-client retried with it.
    expect(grantErrors).toContainEqual(expect.objectContaining({ clientId: DPOP_CLIENT_ID, error: 'use_dpop_nonce' }));
  });

  it('the same client with dpop forgotten is refused by the provider: an error page, an audit entry, no session', async () => {
    const before = grantErrors.length;
    const browser = new Browser();
    const { res } = await signIn(browser, 'ola.lv', 'testidp-nodpop');
    // oidc-provider keeps why to itself (a plain invalid_grant); it refused for the missing proof.
    await expectRefusal(res, 400, 'provider_refused_invalid_grant', /avviste påloggingskoden/);
    expect(browser.session()).toBeUndefined();
    expect(grantErrors.slice(before)).toEqual([
      { clientId: DPOP_CLIENT_ID, error: 'invalid_grant', detail: 'DPoP proof JWT not provided' },
    ]);
    const audit = await prisma.auditLog.findFirst({ where: { action: 'auth.oidc.refused', entityId: 'testidp-nodpop' } });
    expect(audit?.detail).toMatchObject({ reason: 'provider_refused_invalid_grant' });
  });

  it('a provider that says a DPoP proof is missing (invalid_dpop_proof) gets a page naming DPoP', async () => {
    rogue.mode = 'dpop_required';
    const browser = new Browser();
    const { res } = await signIn(browser, 'kari.amk', 'rogue');
    await expectRefusal(res, 400, 'dpop_refused', /krever et gyldig DPoP-bevis/);
    expect(browser.session()).toBeUndefined();
    rogue.mode = 'ok';
  });
});

describe('every spoilt answer is an error page and an audit entry, never a session', () => {
  it('a callback without state', async () => {
    const res = await fetch(`${rp}/api/v1/auth/oidc/testidp/callback?code=abc`, { redirect: 'manual' });
    await expectRefusal(res, 400, 'missing_state', /mangler state/);
  });

  it('a callback whose state is not the one this browser started', async () => {
    const browser = new Browser();
    await browser.request(`${rp}/api/v1/auth/oidc/testidp/start`);
    const res = await browser.request(`${rp}/api/v1/auth/oidc/testidp/callback?code=abc&state=another`);
    await expectRefusal(res, 400, 'state_mismatch', /state stemmer ikke/);
  });

  it('a replayed callback, and a replayed code under a new state', async () => {
    const browser = new Browser();
    await signIn(browser, 'ola.lv');
    const callback = browser.visited.find((u) => u.startsWith(`${rp}/api/v1/auth/oidc/testidp/callback`))!;
    const state = new URL(callback).searchParams.get('state')!;
    const replay = await fetch(callback, { redirect: 'manual', headers: { cookie: `amk_oidc_state=${state}` } });
    await expectRefusal(replay, 400, 'state_unknown', /allerede brukt/);

    // The same code with a state of a fresh sign-in: the provider refuses a code it has given out before.
    const fresh = new Browser();
    const started = await fresh.request(`${rp}/api/v1/auth/oidc/testidp/start`);
    const newState = new URL(started.headers.get('location')!).searchParams.get('state')!;
    const code = new URL(callback).searchParams.get('code')!;
    const res = await fresh.request(
      `${rp}/api/v1/auth/oidc/testidp/callback?code=${encodeURIComponent(code)}&state=${newState}&iss=${encodeURIComponent(op.issuer)}`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/data-reason="provider_refused_invalid_grant"/);
    expect(fresh.session()).toBeUndefined();
  });

  it.each([
    ['unknown_issuer', 'unknown_issuer', /ukjent utsteder/],
    ['wrong_audience', 'wrong_audience', /annen klient/],
    ['expired', 'token_expired', /utløpt/],
    ['bad_signature', 'bad_signature', /signatur er ugyldig/],
  ] as const)('an ID token with %s', async (mode, reason, words) => {
    rogue.mode = mode;
    const browser = new Browser();
    const { res } = await signIn(browser, 'kari.amk', 'rogue');
    await expectRefusal(res, 400, reason, words);
    expect(browser.session()).toBeUndefined();
  });

  it('the rogue provider’s good token does sign in (the refusals above are the checks, not the set-up)', async () => {
    rogue.mode = 'ok';
    const browser = new Browser();
    await signIn(browser, 'kari.amk', 'rogue');
    expect(await me(browser.session())).toMatchObject({ role: 'amk_operator', centre: { code: amk.code } });
  });

  it('an unknown provider is a 404', async () => {
    expect((await fetch(`${rp}/api/v1/auth/oidc/nope/start`, { redirect: 'manual' })).status).toBe(404);
  });
});
