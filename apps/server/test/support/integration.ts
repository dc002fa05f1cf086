// Helpers for tests that act as an integration (telephony, AML gateway) through app.inject.
import type { Db } from '@amk/db';
import type { App } from '../../src/app.js';
import { createUser } from './factories.js';

/** Calls ring at `centre` (the key's centre; AMK-BERGEN for the files still on the demo seed). */
export function asIntegration(app: App, key: string, centre = 'AMK-BERGEN') {
  const headers = { authorization: `Bearer ${key}` };
  return {
    ring: (externalId: string, callerNumber = '+4791234567', extra: Record<string, unknown> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/integrations/calls',
        headers,
        payload: { externalId, centre, line: '113', callerNumber, ringingAt: new Date().toISOString(), ...extra },
      }),
    answered: (externalId: string, body: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/api/v1/integrations/calls/${externalId}/answered`, headers, payload: body }),
    ended: (externalId: string, body: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/api/v1/integrations/calls/${externalId}/ended`, headers, payload: body }),
    amlSms: (text: string, msisdn?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/integrations/aml${msisdn ? `?msisdn=${encodeURIComponent(msisdn)}` : ''}`,
        headers: { ...headers, 'content-type': 'text/plain' },
        payload: text,
      }),
    amlHttps: (fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/integrations/aml',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      }),
  };
}

export async function cookieFor(app: App, username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'demo' } });
  return String(res.headers['set-cookie']).split(';')[0]!;
}

/** A new user of a centre (support/factories.ts createUser), logged in: their session cookie. */
export async function cookieForNewUser(app: App, prisma: Db, centreId: string, data: Parameters<typeof createUser>[2] = {}) {
  return cookieFor(app, (await createUser(prisma, centreId, { ...data, password: 'demo' })).username);
}

/** An AML SMS in the real format, with a correct ml (message length) field. */
export function amlSms(fields: { lat: number; lon: number; radius: number; at: Date; method?: string }): string {
  const top = fields.at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const sign = (n: number) => (n >= 0 ? `+${n.toFixed(5)}` : n.toFixed(5));
  const body = `A"ML=1;lt=${sign(fields.lat)};lg=${sign(fields.lon)};rd=${fields.radius};top=${top};lc=68;pm=${fields.method ?? 'G'};si=242011234567890;ei=356938035643809;mcc=242;mnc=01;ml=`;
  for (let digits = 2; digits <= 4; digits++) {
    const length = body.length + digits;
    if (String(length).length === digits) return `${body}${length}`;
  }
  throw new Error('unreachable');
}
