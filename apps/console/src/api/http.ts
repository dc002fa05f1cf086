// Talking to the server: JSON in, JSON out, the session cookie sent along, and every failure
// turned into an ApiError whose message was written for the operator.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
  /** The request never got an answer (network down, server restarting): safe to retry. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { contentType: 'application/json', text: JSON.stringify(body) });
}

/** Sends a text body as it is (a CSV file, say), with its own content type. */
export function apiText<T>(method: 'POST' | 'PUT', path: string, text: string, contentType: string): Promise<T> {
  return send<T>(method, path, { contentType, text });
}

async function send<T>(method: string, path: string, body?: { contentType: string; text: string }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': body.contentType },
      body: body?.text,
    });
  } catch {
    throw new ApiError(0, 'Ingen kontakt med serveren');
  }
  if (res.status === 204) return undefined as T;
  const payload = (await res.json().catch(() => null)) as { message?: string } | null;
  if (!res.ok) throw new ApiError(res.status, payload?.message ?? `HTTP ${res.status}`);
  return payload as T;
}
