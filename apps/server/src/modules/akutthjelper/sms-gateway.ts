// SMS for members without the responder page. The real gateway is an HTTP service at the edge of
// the world (SMS_GATEWAY_URL); without one, development uses a recording stand-in behind the same
// interface, and production reports the alert as failed rather than pretending it was sent.
export interface SmsGateway {
  readonly name: string;
  send(to: string, text: string): Promise<{ ok: true } | { ok: false; error: string }>;
}

export function httpSmsGateway(url: string, timeoutMs = 5_000): SmsGateway {
  return {
    name: 'http',
    async send(to, text) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ to, text }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        return res.ok ? { ok: true } : { ok: false, error: `SMS gateway answered ${res.status}` };
      } catch (e) {
        return { ok: false, error: `SMS gateway unreachable: ${(e as Error).message}` };
      }
    },
  };
}

/** Development stand-in: keeps what it "sent" so a demo and a test can see it. */
export function recordingSmsGateway(): SmsGateway & { sent: { to: string; text: string }[] } {
  const sent: { to: string; text: string }[] = [];
  return {
    name: 'development',
    sent,
    async send(to, text) {
      sent.push({ to, text });
      return { ok: true };
    },
  };
}

export const noSmsGateway: SmsGateway = {
  name: 'none',
  async send() {
    return { ok: false, error: 'no SMS gateway is configured (SMS_GATEWAY_URL)' };
  },
};
