// Where and how a bench run ran: the commit, the machine, and which core each side got.
//
// On a two-core machine the load generator and the server otherwise fight over both cores, and a
// figure says more about the fight than about the server. So, when `taskset` is there and the
// machine has at least two cores, the bench pins itself (the load generator, and the browser it
// launches) to core 0 and the server under test and every PostgreSQL process to core 1, records
// that it did, and puts PostgreSQL back on every core when it ends.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { repoRoot } from '../src/config.js';

export function describeMachine(): string {
  return `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function currentCommit(): string {
  const r = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) return 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
  return `${r.stdout.trim()}${dirty ? '+changes' : ''}`;
}

const canPin = () => cpus().length >= 2 && existsSync('/usr/bin/taskset') && process.env.BENCH_PIN !== '0';

function setAffinity(pid: number, cpuList: string): boolean {
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpuList, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false; // the process ended meanwhile, or we may not change it
  }
}

/** Every running PostgreSQL process (the postmaster and its backends). */
function postgresPids(): number[] {
  const r = spawnSync('ps', ['-C', 'postgres', '-o', 'pid='], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
}

export interface Pinning {
  pinned: boolean;
  /** the command prefix that starts a child on the server's core */
  serverPrefix: string[];
  release(): void;
}

export function pinCores(): Pinning {
  if (!canPin()) return { pinned: false, serverPrefix: [], release: () => {} };
  const all = `0-${cpus().length - 1}`;
  setAffinity(process.pid, '0');
  // New backends are forked by the postmaster and inherit its core.
  for (const pid of postgresPids()) setAffinity(pid, '1');
  return {
    pinned: true,
    serverPrefix: ['taskset', '-c', '1'],
    release: () => {
      for (const pid of postgresPids()) setAffinity(pid, all);
      setAffinity(process.pid, all);
    },
  };
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds a process has used so far (user + system), or null when it is gone. */
function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may hold spaces; fields after it are space-separated
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB, or null when it is gone. */
export function rssMbOf(pid: number): number | null {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Starts counting CPU for the server (every process given, summed: the baselines share its core),
 * PostgreSQL and this process; the returned function stops and reads it.
 */
export function cpuMeter(
  server: number | undefined | readonly number[],
): () => { server: number | null; database: number | null; load: number } {
  const serverPids = server === undefined ? [] : typeof server === 'number' ? [server] : server;
  const serverSeconds = () => {
    const each = serverPids.map(cpuSecondsOf);
    return each.length > 0 && each.every((s) => s !== null) ? (each as number[]).reduce((a, b) => a + b, 0) : null;
  };
  const t0 = performance.now();
  const self0 = process.cpuUsage();
  const server0 = serverSeconds();
  const db0 = new Map(postgresPids().map((pid) => [pid, cpuSecondsOf(pid) ?? 0]));
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const self = process.cpuUsage(self0);
    const server1 = serverSeconds();
    let db = 0;
    // backends that ended during the step are missed; those that began count from zero
    for (const pid of postgresPids()) db += (cpuSecondsOf(pid) ?? 0) - (db0.get(pid) ?? 0);
    const pct = (s: number) => (s / seconds) * 100;
    return {
      server: server0 !== null && server1 !== null ? pct(server1 - server0) : null,
      database: pct(Math.max(0, db)),
      load: pct((self.user + self.system) / 1e6),
    };
  };
}
