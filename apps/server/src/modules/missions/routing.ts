// Road travel times from an OSRM-compatible HTTP service, when a centre has one (ROUTING_URL).
// The ranking's own estimate (distance × road factor ÷ speed) is the fallback, and the answer
// whenever the service is slow or down: a recommendation must never wait on it.
export interface Routing {
  /** Driving minutes from a to b, or null when the service cannot tell. */
  drivingMinutes(from: { lat: number; lon: number }, to: { lat: number; lon: number }): Promise<number | null>;
}

export function osrmRouting(baseUrl: string, timeoutMs = 800): Routing {
  return {
    async drivingMinutes(from, to) {
      try {
        const url = `${baseUrl.replace(/\/$/, '')}/route/v1/driving/${from.lon},${from.lat};${to.lon},${to.lat}?overview=false`;
        const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (!res.ok) return null;
        const body = (await res.json()) as { code?: string; routes?: { duration?: number }[] };
        const seconds = body.code === 'Ok' ? body.routes?.[0]?.duration : undefined;
        return typeof seconds === 'number' ? seconds / 60 : null;
      } catch {
        return null;
      }
    },
  };
}
