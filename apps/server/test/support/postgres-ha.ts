// The production database topology of deploy/postgres-ha, run on this machine from Debian's
// packages: one etcd, Patroni nodes each managing its own PostgreSQL 15 data directory, HAProxy in
// front with the port that leads to the primary, and pgBackRest archiving WAL into a repository.
// Everything lives in one temporary folder, on free ports, run as the `postgres` user when the test
// runs as root (PostgreSQL, Patroni and etcd refuse root), else as the user running the test. The configuration files are deploy/'s own, with only addresses,
// ports and paths replaced, so the test exercises what production runs.
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parse, stringify } from 'yaml';

const BIN = '/usr/lib/postgresql/15/bin';
const BINARIES = [
  '/usr/bin/etcd',
  '/usr/bin/patroni',
  '/usr/bin/patronictl',
  '/usr/sbin/haproxy',
  '/usr/bin/pgbackrest',
  `${BIN}/postgres`,
  `${BIN}/pg_ctl`,
];
const deployDir = fileURLToPath(new URL('../../../../deploy/postgres-ha/', import.meta.url));

/** What this machine lacks to run the topology (`.ci/run` installs it all). */
export function missingHaBinaries(): string[] {
  return BINARIES.filter((b) => !existsSync(b));
}

export const haSkipReason = (missing: string[]) =>
  `skipped: ${missing.join(', ')} missing — install with apt-get install patroni etcd-server haproxy pgbackrest postgresql-15 (as .ci/run does)`;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns something truthy; fails after `timeoutMs` with `what`. */
export async function poll<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  what: string,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(check)
      .catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const httpStatus = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(1_000) })).status;

/** Rewrites `key=value` lines of an ini file (pgbackrest.conf) and adds the keys it lacks to `[section]`. */
function setIni(text: string, section: string, values: Record<string, string>): string {
  const left = new Map(Object.entries(values));
  const lines = text.split('\n').map((line) => {
    const m = line.match(/^([a-z0-9-]+)=/);
    if (m && left.has(m[1]!)) {
      const value = left.get(m[1]!)!;
      left.delete(m[1]!);
      return `${m[1]}=${value}`;
    }
    return line;
  });
  const at = lines.indexOf(`[${section}]`);
  lines.splice(at + 1, 0, ...[...left].map(([k, v]) => `${k}=${v}`));
  return lines.join('\n');
}

export interface PatroniNode {
  name: string;
  pgPort: number;
  restPort: number;
  dataDir: string;
  pgbackrestConf: string;
  process: ChildProcess | null;
}

export class HaTopology {
  readonly dir: string;
  readonly password = 'ha-test-secret';
  nodes: PatroniNode[] = [];
  haproxyPort = 0;
  private readonly children: ChildProcess[] = [];
  private readonly uid: number;
  private readonly gid: number;

  constructor() {
    this.dir = mkdtempSync('/tmp/amk-ha-');
    // PostgreSQL, Patroni and etcd refuse root: as root, run them as postgres; otherwise as oneself
    const asRoot = process.getuid?.() === 0;
    this.uid = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : process.getuid!();
    this.gid = asRoot ? Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) : process.getgid!();
    chmodSync(this.dir, 0o755);
    chownSync(this.dir, this.uid, this.gid);
    for (const sub of ['etcd', 'log', 'repo', 'sock']) this.mkdir(sub);
    process.once('exit', this.killOnExit);
  }

  /** A run that ends without stop() (a failed hook) still takes the cluster down with it. */
  private readonly killOnExit = () => this.killAll();

  /** The superuser's URL through HAProxy's primary port. */
  url(database = 'postgres', user = 'postgres'): string {
    return `postgresql://${user}:${this.password}@127.0.0.1:${this.haproxyPort}/${database}`;
  }

  mkdir(sub: string): string {
    const path = join(this.dir, sub);
    mkdirSync(path, { recursive: true, mode: 0o700 });
    chownSync(path, this.uid, this.gid);
    return path;
  }

  private writeOwned(name: string, text: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    chownSync(path, this.uid, this.gid);
    return path;
  }

  /** A process of the topology, as the postgres user, in its own process group, its output to log/NAME.log. */
  spawnAsPostgres(name: string, command: string, args: string[], env: Record<string, string> = {}): ChildProcess {
    const log = openSync(join(this.dir, 'log', `${name}.log`), 'a');
    const options: SpawnOptions = {
      uid: this.uid,
      gid: this.gid,
      cwd: this.dir,
      detached: true,
      stdio: ['ignore', log, log],
      env: { PATH: '/usr/bin:/bin:/usr/sbin:/sbin', HOME: this.dir, LANG: 'C.UTF-8', ...env },
    };
    const child = spawn(command, args, options);
    this.children.push(child);
    return child;
  }

  /** Runs a command as postgres to its end (pgbackrest, pg_ctl …) and returns its output. */
  runAsPostgres(command: string, args: string[], env: Record<string, string> = {}, timeoutMs = 60_000, input?: string): string {
    return execFileSync(command, args, {
      ...(input !== undefined && { input }),
      uid: this.uid,
      gid: this.gid,
      cwd: this.dir,
      env: { PATH: '/usr/bin:/bin:/usr/sbin:/sbin', HOME: this.dir, LANG: 'C.UTF-8', ...env },
      timeout: timeoutMs,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    }).toString();
  }

  log(name: string): string {
    try {
      return readFileSync(join(this.dir, 'log', `${name}.log`), 'utf8');
    } catch {
      return '';
    }
  }

  /** etcd, `nodeCount` Patroni nodes and HAProxy; resolves once a primary (and its synchronous standby) serve. */
  async start(nodeCount: number): Promise<void> {
    try {
      await this.startAll(nodeCount);
    } catch (err) {
      // the folder goes with stop(): say here what each part logged
      const logs = ['etcd', 'haproxy', ...this.nodes.map((n) => n.name)]
        .map((name) => `--- ${name}.log (end)\n${this.log(name).slice(-4_000)}`)
        .join('\n');
      throw new Error(`${(err as Error).message}\n${logs}`);
    }
  }

  private async startAll(nodeCount: number): Promise<void> {
    const [etcdPort, peerPort, haproxyPort] = [await freePort(), await freePort(), await freePort()];
    this.haproxyPort = haproxyPort;
    const etcd = `http://127.0.0.1:${etcdPort}`;
    const peer = `http://127.0.0.1:${peerPort}`;
    this.spawnAsPostgres('etcd', '/usr/bin/etcd', [
      '--name=etcd1',
      `--data-dir=${join(this.dir, 'etcd')}`,
      `--listen-client-urls=${etcd}`,
      `--advertise-client-urls=${etcd}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=etcd1=${peer}`,
      '--initial-cluster-state=new',
    ]);
    await poll(async () => (await httpStatus(`${etcd}/health`)) === 200, 20_000, 'etcd');

    const template = parse(readFileSync(join(deployDir, 'patroni.yml'), 'utf8'));
    const backrest = readFileSync(join(deployDir, 'pgbackrest.conf'), 'utf8');
    for (let i = 1; i <= nodeCount; i++) {
      const name = `pg${i}`;
      const node: PatroniNode = {
        name,
        pgPort: await freePort(),
        restPort: await freePort(),
        dataDir: join(this.dir, name),
        pgbackrestConf: '',
        process: null,
      };
      this.mkdir(`${name}-lock`);
      node.pgbackrestConf = this.writeOwned(
        `pgbackrest-${name}.conf`,
        setIni(
          setIni(backrest, 'global', {
            'repo1-path': join(this.dir, 'repo'),
            'log-path': join(this.dir, 'log'),
            'lock-path': join(this.dir, `${name}-lock`),
          }),
          'amk',
          { 'pg1-path': node.dataDir, 'pg1-socket-path': join(this.dir, 'sock'), 'pg1-port': String(node.pgPort) },
        ),
      );
      const config = structuredClone(template);
      config.name = name;
      config.restapi.listen = config.restapi.connect_address = `127.0.0.1:${node.restPort}`;
      config.etcd3.hosts = `127.0.0.1:${etcdPort}`;
      config.postgresql.listen = config.postgresql.connect_address = `127.0.0.1:${node.pgPort}`;
      config.postgresql.data_dir = node.dataDir;
      config.postgresql.pgpass = join(this.dir, `${name}.pgpass`);
      config.postgresql.parameters.unix_socket_directories = join(this.dir, 'sock');
      for (const role of ['superuser', 'replication', 'rewind']) config.postgresql.authentication[role].password = this.password;
      config.bootstrap.post_bootstrap = join(deployDir, 'post-bootstrap.sh');
      config.log = { level: 'INFO' };
      this.writeOwned(`${name}.yml`, stringify(config));
      this.nodes.push(node);
    }
    for (const node of this.nodes) this.startNode(node);

    const haproxyCfg = readFileSync(join(deployDir, 'haproxy.cfg'), 'utf8')
      .replace(/^\s*log stdout.*$/m, '')
      .replace('bind :5000', `bind 127.0.0.1:${haproxyPort}`)
      .replace(/^\s*server .*$/gm, '')
      .concat(this.nodes.map((n) => `  server ${n.name} 127.0.0.1:${n.pgPort} check port ${n.restPort}\n`).join(''));
    this.writeOwned('haproxy.cfg', haproxyCfg);
    this.spawnAsPostgres('haproxy', '/usr/sbin/haproxy', ['-db', '-f', join(this.dir, 'haproxy.cfg')]);

    await poll(() => this.primary(), 90_000, 'a Patroni primary', 250);
    if (nodeCount > 1) await poll(async () => (await this.syncStandby()) !== undefined || undefined, 60_000, 'a synchronous standby', 250);
    await poll(() => this.canConnect(this.url()), 20_000, 'PostgreSQL through HAProxy');
    // the application's role and database, made by deploy's post-bootstrap script
    await this.canConnect(this.url('amk', 'amk'));
  }

  /** A node's Patroni configuration file (deploy's, with this machine's addresses). */
  configFile(node: PatroniNode): string {
    return join(this.dir, `${node.name}.yml`);
  }

  /** Changes a node's Patroni configuration (before it is started again). */
  editConfig(node: PatroniNode, edit: (config: Record<string, any>) => void): void {
    const config = parse(readFileSync(this.configFile(node), 'utf8'));
    edit(config);
    this.writeOwned(`${node.name}.yml`, stringify(config));
  }

  /** Stops a node's Patroni as an operator would (SIGTERM: it stops its PostgreSQL first). */
  async stopNode(node: PatroniNode): Promise<void> {
    const child = node.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([
      exited,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`${node.name}'s Patroni did not stop`)), 30_000)),
    ]);
  }

  startNode(node: PatroniNode): void {
    node.process = this.spawnAsPostgres(node.name, '/usr/bin/patroni', [this.configFile(node)], {
      PGBACKREST_CONFIG: node.pgbackrestConf,
      AMK_DB_PASSWORD: this.password,
    });
  }

  /** The node whose Patroni answers 200 on /primary, if any. */
  async primary(): Promise<PatroniNode | undefined> {
    for (const node of this.nodes) if ((await httpStatus(`http://127.0.0.1:${node.restPort}/primary`).catch(() => 0)) === 200) return node;
    return undefined;
  }

  async syncStandby(): Promise<PatroniNode | undefined> {
    for (const node of this.nodes) if ((await httpStatus(`http://127.0.0.1:${node.restPort}/sync`).catch(() => 0)) === 200) return node;
    return undefined;
  }

  private async canConnect(url: string): Promise<boolean> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } finally {
      await client.end().catch(() => {});
    }
  }

  /** The postmaster's pid from its data directory. */
  postmasterPid(node: PatroniNode): number {
    return Number(readFileSync(join(node.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }

  /** SIGKILL to every process this topology started: each process group, then anything left running from its folder. */
  killAll(): void {
    for (const child of this.children) {
      // A child that already ended (by itself or by a signal) may have had its group id reused.
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    // postmasters started by Patroni run in their own session: find them by their data directory
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const cwd = readlinkSync(`/proc/${pid}/cwd`);
        if (cmdline.includes(this.dir) || cwd.startsWith(this.dir)) process.kill(Number(pid), 'SIGKILL');
      } catch {
        /* gone, or not ours to read */
      }
    }
  }

  async stop(): Promise<void> {
    process.off('exit', this.killOnExit);
    this.killAll();
    // wait until nothing of ours runs any more, then remove the folder
    await poll(
      () =>
        readdirSync('/proc')
          .filter((p) => /^\d+$/.test(p))
          .every((pid) => {
            try {
              return !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(this.dir);
            } catch {
              return true;
            }
          }),
      10_000,
      'the topology to exit',
    ).catch(() => this.killAll());
    rmSync(this.dir, { recursive: true, force: true });
  }
}
