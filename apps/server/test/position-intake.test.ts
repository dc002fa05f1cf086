// Calls first on the way in (realtime/position-intake.ts), over real sockets: requests that reach
// the server in the same turn of its event loop are handled calls first, position reports after
// and one per turn; a full queue answers a report 429 with Retry-After, in the reader's language.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PositionIntake } from '../src/realtime/position-intake.js';

const position = (callSign: string) => `/api/v1/integrations/units/${callSign}/position`;
const CALL = '/api/v1/integrations/telephony/calls';

interface Running {
  server: Server;
  handled: string[];
  sockets: Socket[];
}
let running: Running | null = null;

afterEach(async () => {
  for (const s of running?.sockets ?? []) s.destroy();
  running?.server.close();
  running = null;
});

/** A server whose application answers 200 and notes the order in which it was asked. */
async function start(maxQueued?: number): Promise<Running> {
  const handled: string[] = [];
  const app = (req: IncomingMessage, res: ServerResponse) => {
    handled.push(`${req.method} ${req.url}`);
    req.resume();
    res.end('{}');
  };
  const server = createServer(new PositionIntake(app, maxQueued).handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  running = { server, handled, sockets: [] };
  return running;
}

/** One open connection per request, all accepted by the server before any is written to. */
async function connections(r: Running, n: number): Promise<Socket[]> {
  const { port } = r.server.address() as AddressInfo;
  let accepted = 0;
  const allAccepted = new Promise<void>((resolve) =>
    r.server.on('connection', () => {
      if (++accepted === n) resolve();
    }),
  );
  const sockets = await Promise.all(
    Array.from({ length: n }, async () => {
      const s = connect(port, '127.0.0.1');
      await once(s, 'connect');
      return s;
    }),
  );
  r.sockets.push(...sockets);
  await allAccepted;
  // and reading: a socket the server has just accepted starts reading in its next turn
  await new Promise((resolve) => setTimeout(resolve, 20));
  return sockets;
}

const request = (method: string, path: string, headers: Record<string, string> = {}) => {
  const body = '{"lat":60.39,"lon":5.32,"at":"2026-12-04T12:00:00.000Z"}';
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return `${method} ${path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n${extra}\r\n${body}`;
};

/** What a socket was answered: the status line, the headers and the body. */
async function answerOf(s: Socket): Promise<{ status: number; headers: string; body: string }> {
  let text = '';
  s.setEncoding('utf8');
  for await (const chunk of s) {
    text += chunk;
    const [head, body = ''] = text.split('\r\n\r\n');
    const length = Number(/content-length: (\d+)/i.exec(head!)?.[1] ?? -1);
    if (length >= 0 && body.length >= length) return { status: Number(head!.split(' ')[1]), headers: head!, body };
  }
  throw new Error('connection closed without an answer');
}

describe('position intake', () => {
  it('handles a call that arrives with fifty position reports first, and the reports after it in their order', async () => {
    const r = await start();
    const sockets = await connections(r, 51);
    // Written in one go: the server sees all 51 requests in the same turn of its event loop.
    for (let i = 0; i < 50; i++) sockets[i]!.write(request('PUT', position(`SIM-${i}`)));
    sockets[50]!.write(request('POST', CALL));
    const answers = await Promise.all(sockets.map(answerOf));

    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(r.handled[0]).toBe(`POST ${CALL}`);
    expect(r.handled.slice(1)).toEqual(Array.from({ length: 50 }, (_, i) => `PUT ${position(`SIM-${i}`)}`));
  });

  it('answers a position report 429 with Retry-After when the queue is full, and still takes every other request', async () => {
    const r = await start(2);
    const sockets = await connections(r, 6);
    for (let i = 0; i < 4; i++) sockets[i]!.write(request('PUT', position(`SIM-${i}`), i === 3 ? { 'accept-language': 'nb' } : {}));
    sockets[4]!.write(request('POST', CALL));
    sockets[5]!.write(request('GET', position('SIM-9'))); // not a report: a read goes straight on
    const answers = await Promise.all(sockets.map(answerOf));

    expect(answers.map((a) => a.status)).toEqual([200, 200, 429, 429, 200, 200]);
    const refused = JSON.parse(answers[2]!.body);
    expect(refused).toMatchObject({ statusCode: 429, code: 'unit.positionsBusy' });
    expect(refused.message).toContain('send the newest again in 1 s');
    expect(answers[2]!.headers).toMatch(/retry-after: 1/i);
    expect(JSON.parse(answers[3]!.body).message).toContain('send den nyeste igjen om 1 s');
    expect(r.handled).toEqual([`POST ${CALL}`, `GET ${position('SIM-9')}`, `PUT ${position('SIM-0')}`, `PUT ${position('SIM-1')}`]);
  });
});
