// The typed API client behaves on the wire as the hand-written fetch layer it replaced: the session
// cookie goes along (same origin), a content type only with a body, and every failure becomes an
// ApiError carrying the server's message for the operator (status 0 when there was no answer).
import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, ok } from '../src/api/client.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function recording(answer: (request: Request) => Response | Promise<Response>) {
  const sent: Request[] = [];
  const api = createApiClient({
    baseUrl: 'http://console.test',
    fetch: async (request) => {
      sent.push(request.clone());
      return answer(request);
    },
  });
  return { api, sent };
}

describe('the API client', () => {
  it('sends JSON with its content type and the cookie policy, and returns the answer', async () => {
    const { api, sent } = recording(() => json(200, { id: 'c1' }));
    const body = { otherCallId: '00000000-0000-4000-8000-000000000000' };
    await expect(ok(api.POST('/api/v1/calls/{id}/link', { params: { path: { id: 'abc' } }, body }))).resolves.toEqual({ id: 'c1' });
    const [request] = sent;
    expect(request!.url).toBe('http://console.test/api/v1/calls/abc/link');
    expect(request!.method).toBe('POST');
    expect(request!.credentials).toBe('same-origin');
    expect(request!.headers.get('content-type')).toBe('application/json');
    expect(await request!.json()).toEqual(body);
  });

  it('sends no content type without a body, and answers nothing for 204', async () => {
    const { api, sent } = recording(() => new Response(null, { status: 204 }));
    await expect(ok(api.POST('/api/v1/auth/logout'))).resolves.toBeUndefined();
    expect(sent[0]!.headers.get('content-type')).toBeNull();
  });

  it('puts query parameters in the address', async () => {
    const { api, sent } = recording(() => json(200, { entries: [] }));
    await ok(api.GET('/api/v1/audit', { params: { query: { limit: 200, entityId: 'x y' } } }));
    expect(sent[0]!.url).toBe('http://console.test/api/v1/audit?limit=200&entityId=x%20y');
  });

  it('turns a refusal into an ApiError with the server’s message', async () => {
    const { api } = recording(() => json(409, { statusCode: 409, error: 'Conflict', message: 'Enheten er ikke ledig' }));
    const failure = await ok(api.POST('/api/v1/calls/{id}/take', { params: { path: { id: 'abc' } } })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 409, message: 'Enheten er ikke ledig', isNetwork: false });
  });

  it('names the status when the refusal carries no message', async () => {
    const { api } = recording(() => new Response('Bad gateway', { status: 502 }));
    await expect(ok(api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ status: 502, message: 'HTTP 502' });
  });

  it('turns a request that got no answer into a network ApiError', async () => {
    const { api } = recording(() => Promise.reject(new TypeError('fetch failed')));
    const failure = await ok(api.GET('/api/v1/snapshot')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 0, message: 'Ingen kontakt med serveren', isNetwork: true });
  });
});
