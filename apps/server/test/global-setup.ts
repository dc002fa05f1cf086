// A fresh PostgreSQL database for each `vitest run` (see support/fresh-database.ts).
import type { TestProject } from 'vitest/node';
import { createFreshDatabase } from './support/fresh-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await createFreshDatabase('test');
  project.provide('databaseUrl', db.url);
  return () => db.drop();
}
