// Calls first, on the way in. A flood of unit position reports (a fleet of terminals, a misbehaving
// one, or a test) used to be handled in the order requests arrived: a call that came in behind a
// hundred position reports in the same turn of the event loop waited for all of them, and the
// bench measured a call reaching the consoles 4–5× slower under a flood. Now every position
// report is put in a queue as it arrives and taken from it one per turn of the event loop, after
// that turn's other requests: a call, a hand-over or an acknowledgement waits behind at most one
// report, however many are queued. A report waits one turn when the server is idle (microseconds).
// Past MAX_QUEUED the newest report is answered 429 at once, with Retry-After: the terminal sends
// its newest position a second later, and the map shows the unit's position age meanwhile.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { languageOf, render } from '../messages/render.js';
import { API_V1 } from '../lib/api-prefix.js';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

const MAX_QUEUED = 2_000;
const RETRY_AFTER_SECONDS = 1;
const POSITION_REPORT = new RegExp(`^${API_V1.prefix}/integrations/units/[^/?#]+/position(?:[?#]|$)`);

const isPositionReport = (req: IncomingMessage): boolean => req.method === 'PUT' && POSITION_REPORT.test(req.url ?? '');

export class PositionIntake {
  private readonly queue: [IncomingMessage, ServerResponse][] = [];

  constructor(
    /** The application's own request handler (Fastify's). */
    private readonly handler: RequestHandler,
    private readonly maxQueued = MAX_QUEUED,
  ) {}

  /** The HTTP server's request listener: position reports join the queue, anything else goes straight on. */
  readonly handle: RequestHandler = (req, res) => {
    if (!isPositionReport(req)) this.handler(req, res);
    else if (this.queue.length >= this.maxQueued) refuse(req, res);
    // the first report of an empty queue starts the taking; takeOne keeps it going while any wait
    else if (this.queue.push([req, res]) === 1) setImmediate(this.takeOne);
  };

  // setImmediate runs after the turn's I/O (new requests) has been handled; one scheduled here runs
  // in the next turn, so requests that arrive meanwhile go first again.
  private readonly takeOne = (): void => {
    const [req, res] = this.queue.shift()!;
    if (this.queue.length > 0) setImmediate(this.takeOne);
    // A terminal that hung up while its report waited is not answered.
    if (!req.socket.destroyed) this.handler(req, res);
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
