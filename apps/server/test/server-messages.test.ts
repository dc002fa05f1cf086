// The server's refusals in the reader's language: the console asks for bokmål (Accept-Language: nb),
// an API client that names no language keeps the English it always had, and every answer carries
// the message's code. The two catalogues must say the same things: same codes, same `{vars}`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '@amk/db';
import type { App } from '../src/app.js';
import { en } from '../src/messages/en.js';
import { nb } from '../src/messages/nb.js';
import { sameVarsInBothLanguages } from '../src/messages/catalogue.js';
import { languageOf } from '../src/messages/render.js';
import { createCall, createCentre, createUnit, createUser } from './support/factories.js';
import { cookieFor } from './support/integration.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const varsOf = (text: string) => [...text.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]).sort();

describe('the catalogues', () => {
  it('have the same codes, and each code the same {vars} in bokmål and English', () => {
    expect(Object.keys(nb).sort()).toEqual(Object.keys(en).sort());
    for (const code of Object.keys(en) as (keyof typeof en)[]) {
      expect({ code, vars: varsOf(nb[code]) }).toEqual({ code, vars: varsOf(en[code]) });
      expect(nb[code].trim(), code).not.toBe('');
    }
    expect(sameVarsInBothLanguages).toBe(true); // the same check, made by the compiler
  });

  it('read the language from Accept-Language: bokmål for nb, nn and no; English for en or no header; bokmål otherwise', () => {
    expect(languageOf(undefined)).toBe('en');
    expect(languageOf('')).toBe('en');
    expect(languageOf('*')).toBe('en');
    expect(languageOf('nb')).toBe('nb');
    expect(languageOf('nn-NO')).toBe('nb');
    expect(languageOf('no;q=0.8, de')).toBe('nb');
    expect(languageOf('en')).toBe('en');
    expect(languageOf('en-US,en;q=0.9')).toBe('en');
    expect(languageOf('de-DE, en;q=0.5')).toBe('en');
    expect(languageOf('nb;q=0.4, en;q=0.9')).toBe('en');
    expect(languageOf('sv-SE')).toBe('nb');
  });
});

describe('a refusal in the language the request asks for', () => {
  const prisma = createPrisma(databaseUrl(), 3);
  let app: App;
  let centre: Awaited<ReturnType<typeof createCentre>>;
  let first: string;
  let second: string;
  const as = (cookie: string, language?: string) => ({ cookie, ...(language && { 'accept-language': language }) });

  beforeAll(async () => {
    app = await buildTestApp(prisma);
    centre = await createCentre(prisma);
    const [a, b] = await Promise.all([
      createUser(prisma, centre.id, { displayName: 'Kari Første' }),
      createUser(prisma, centre.id, { displayName: 'Ola Andre' }),
    ]);
    [first, second] = await Promise.all([cookieFor(app, a.username), cookieFor(app, b.username)]);
  });
  afterAll(async () => {
    await app.close();
    await prisma.$disconnect();
  });

  it('taking a call someone else has taken: bokmål for the console, English for a client that says en or nothing', async () => {
    const call = await createCall(prisma, centre.id);
    const take = (language?: string) => app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/take`, headers: as(second, language) });
    expect((await app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/take`, headers: as(first) })).statusCode).toBe(200);

    const norwegian = await take('nb');
    expect(norwegian.statusCode).toBe(409);
    expect(norwegian.json()).toMatchObject({ code: 'call.alreadyTaken', message: 'Kari Første har allerede tatt denne samtalen' });
    expect((await take('en')).json()).toMatchObject({ code: 'call.alreadyTaken', message: 'Kari Første has already taken this call' });
    expect((await take()).json().message).toBe('Kari Første has already taken this call');
    expect((await take('nn-NO,nb;q=0.9')).json().message).toBe('Kari Første har allerede tatt denne samtalen');
  });

  it('a crew that fails § 11: the rule, the unit and the status words in the reader’s language', async () => {
    const problem = 'Ambulansebil skal være bemannet med minst to personer (har 1).';
    const unit = await createUnit(prisma, centre.id, { status: 'UNAVAILABLE', crewOk: false, crewProblem: problem });
    const free = (language?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/units/${unit.id}/status`,
        headers: as(first, language),
        payload: { status: 'AVAILABLE_AT_STATION' },
      });

    const norwegian = await free('nb');
    expect(norwegian.statusCode).toBe(409);
    expect(norwegian.json()).toMatchObject({
      code: 'unit.section11Refused',
      message: `${unit.callSign} er ikke bemannet etter akuttmedisinforskriften § 11: ${problem} Oppgi en begrunnelse for å overstyre.`,
    });
    const english = await free('en');
    expect(english.statusCode).toBe(409);
    expect(english.json().message).toMatch(
      new RegExp(`^${unit.callSign} is not crewed as akuttmedisinforskriften § 11 requires: .* Give a reason to override\\.$`),
    );

    // A change the status machine forbids names both statuses in the reader's words.
    await prisma.unit.update({ where: { id: unit.id }, data: { status: 'OUT_OF_SERVICE' } });
    const jump = (language: string) =>
      app.inject({ method: 'POST', url: `/api/v1/units/${unit.id}/status`, headers: as(first, language), payload: { status: 'ON_SCENE' } });
    expect((await jump('nb')).json()).toMatchObject({
      code: 'unit.transitionRefused',
      message: expect.stringMatching(/^Kan ikke gå fra «Ute av drift» til «På stedet»: /),
    });
    expect((await jump('en')).json().message).toMatch(/^Cannot go from «Out of service» to «On scene»: /);
  });

  it('a request the contract refuses: the summary in bokmål, the field-by-field issues as they were', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'nb' },
      payload: { username: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid', message: expect.stringMatching(/^Ugyldig forespørsel: body\./) });
    expect(res.json().issues.length).toBeGreaterThan(0);
    const english = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(english.json().message).toMatch(/^body\./);
  });

  it('a route that does not exist, and a wrong password', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'accept-language': 'nb' } })).json()).toMatchObject({
      code: 'route.notFound',
      message: 'Ingen rute GET /api/v1/nothing-here',
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'nb' },
      payload: { username: 'nobody-at-all', password: 'wrong' },
    });
    expect(login.json()).toMatchObject({ statusCode: 401, code: 'auth.wrongPassword', message: 'Feil brukernavn eller passord' });
  });
});
