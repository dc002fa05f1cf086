// One `vitest run` for every package: pure rules, contracts, the console's store, and the server
// against a real PostgreSQL (a fresh database per run, created by apps/server/test/global-setup.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          include: ['packages/domain/test/**/*.test.ts', 'packages/contracts/test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['apps/server/test/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['apps/server/test/global-setup.ts'],
          // one database for the run; files run one after another so realtime tests see only their own load
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The console's store and other logic that runs without a DOM.
        test: {
          name: 'console',
          include: ['apps/console/test/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
