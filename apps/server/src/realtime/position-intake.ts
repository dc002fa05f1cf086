// Calls first, on the way in. A flood of unit position reports (a fleet of terminals, a misbehaving
// one, or a test) used to be handled in the order requests arrived: a call that came in behind a
// hundred position reports in the same turn of the event loop waited for all of them, and the
// bench measured a call reaching the consoles 4–5× slower under a flood. Now every position
// report is put in a queue as it arrives and taken from it one per turn of the event loop, after
// that turn's other requests (one-each-turn.ts): a call, a hand-over or an acknowledgement waits
// behind at most one report, however many are queued. The answers go the same way, on the way out
// (units/position-writer.ts).
// Past MAX_QUEUED the newest report is answered 429 at once, with Retry-After: the terminal sends
// its newest position a second later, and the map shows the unit's position age meanwhile.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { languageOf, render } from '../messages/render.js';
import { INTEGRATIONS_PREFIX } from '../lib/api-prefix.js';
import { OneEachTurn } from './one-each-turn.js';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

const MAX_QUEUED = 2_000;
const RETRY_AFTER_SECONDS = 1;
const POSITION_REPORT = new RegExp(`^${INTEGRATIONS_PREFIX}units/[^/?#]+/position(?:[?#]|$)`);

const isPositionReport = (req: IncomingMessage): boolean => req.method === 'PUT' && POSITION_REPORT.test(req.url ?? '');

export class PositionIntake {
  // A terminal that hung up while its report waited is not answered.
  private readonly lane = new OneEachTurn<[IncomingMessage, ServerResponse]>(([req, res]) => {
    if (!req.socket.destroyed) this.handler(req, res);
  });

  constructor(
    /** The application's own request handler (Fastify's). */
    private readonly handler: RequestHandler,
    private readonly maxQueued = MAX_QUEUED,
  ) {}

  /** The HTTP server's request listener: position reports join the queue, anything else goes straight on. */
  readonly handle: RequestHandler = (req, res) => {
    if (!isPositionReport(req)) this.handler(req, res);
    else if (this.lane.length >= this.maxQueued) refuse(req, res);
    else this.lane.push([req, res]);
  };
}

/** 429 with Retry-After, in the shape and language of every other refusal (plugins/error-handler.ts). */
function refuse(req: IncomingMessage, res: ServerResponse): void {
  const message = render(languageOf(req.headers['accept-language']), {
    code: 'unit.positionsBusy',
    params: { seconds: RETRY_AFTER_SECONDS },
  });
  const body = JSON.stringify({ statusCode: 429, error: 'Too Many Requests', message, code: 'unit.positionsBusy' });
  res.writeHead(429, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'retry-after': String(RETRY_AFTER_SECONDS),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
