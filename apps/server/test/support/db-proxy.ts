// A TCP proxy between the server and PostgreSQL, so a test can take the database away (every
// connection cut, new ones refused) and bring it back, without touching the real server that other
// tests use. To the application it looks exactly like a database restart — or, frozen, like a
// database that has stopped answering.
import { createServer, Socket, type Server } from 'node:net';

export class DbProxy {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(port = 0): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      this.forward(client, upstream);
      this.forward(upstream, client);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Bytes each way, held back while the database is frozen, in order. */
  private forward(from: Socket, to: Socket): void {
    from.on('data', (chunk: Buffer) => {
      if (this.frozen) this.held.push(() => to.write(chunk));
      else to.write(chunk);
    });
    from.on('end', () => (this.frozen ? this.held.push(() => to.end()) : to.end()));
  }

  private frozen = false;
  private held: (() => void)[] = [];

  /**
   * The database freezes (as under SIGSTOP, or a stalled disk): connections stay open and new ones
   * are accepted, but nothing is answered until thaw().
   */
  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
    for (const send of this.held.splice(0)) send();
  }

  /** The database goes away: open connections are cut, new ones are refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** The database is back, on the same address. */
  restore(): Promise<void> {
    return this.start(this.port);
  }

  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.host = `127.0.0.1:${this.port}`;
    return url.toString();
  }
}
