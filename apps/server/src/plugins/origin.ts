// Which pages may talk to this server from a browser. A browser names the page's origin in the
// Origin header of every cross-site write and of every WebSocket handshake, and a page cannot
// forge it; a request without one is not from a browser page (an integration, a test, curl) and
// carries no ambient cookie risk, so it passes and its own credentials decide.
//
// With PUBLIC_URL set (production: the address operators open), only that origin is accepted.
// Without it (development, tests), the page must come from the host the request was sent to,
// which is what the console served by this server (or Vite's proxy) always does.
import type { IncomingHttpHeaders } from 'node:http';

export type OriginPolicy = (headers: IncomingHttpHeaders, opts?: { refererCounts?: boolean }) => boolean;

/** The origins of PUBLIC_URL (a comma-separated list is allowed), e.g. "https://amk.example.no". */
function publicOrigins(publicUrl: string | undefined): string[] {
  return (publicUrl ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean)
    .map((u) => new URL(u).origin);
}

export function originPolicy(publicUrl: string | undefined): OriginPolicy {
  const allowed = publicOrigins(publicUrl);
  return (headers, { refererCounts = true } = {}) => {
    // Referer stands in for Origin where an older browser leaves Origin out of a form POST.
    const claimed = headers.origin ?? (refererCounts ? headers.referer : undefined);
    if (claimed === undefined) return true;
    let origin: URL;
    try {
      origin = new URL(claimed); // "null" (sandboxed frames, file:) does not parse: refused
    } catch {
      return false;
    }
    if (allowed.length) return allowed.includes(origin.origin);
    return origin.host === headers.host;
  };
}
