import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the e2e server leaves what browser tests need to act as integrations. */
export const e2eEnvFile = (port: string | number) => join(tmpdir(), `amk-e2e-${port}.json`);
