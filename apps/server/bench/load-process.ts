// A load generator in a process of its own (flood-senders.ts, soak-load.ts), on the load's core
// like the rest of the load (it inherits the bench's CPU affinity): it reports on stdout, a line at
// a time, and stops on SIGTERM after printing its last counts.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export function startLoadProcess(script: string, env: Record<string, string>, onLine: (line: string) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script)], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stdout! }).on('line', onLine);
  return {
    exited,
    /** Gives it a command, a line on its stdin (flood-senders.ts takes `pause` and `resume`). */
    send: (command: string) => {
      child.stdin!.write(`${command}\n`);
    },
    /** the exit code once it has exited on its own, else null */
    exitCode: () => child.exitCode,
    /** Tells it to stop and waits until it has. */
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
