// A fresh PostgreSQL database for each `vitest run` (see packages/db/src/fresh-database.ts), with the demo seed.
import type { TestProject } from 'vitest/node';
import { createFreshDatabase } from '@amk/db/testing';
import { seedDemo } from '../src/seed/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await createFreshDatabase('test', seedDemo);
  project.provide('databaseUrl', db.url);
  return () => db.drop();
}
