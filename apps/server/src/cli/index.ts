// `pnpm cli <command>`: operations that an administrator runs from a shell.
//   pnpm cli integration-key create --name NAME --centre CODE   (prints the key as the last line)
//   pnpm cli seed
import { parseArgs } from 'node:util';
import { createIntegrationKeyService } from '../auth/integration-keys.service.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '@amk/db';
import { seedDemo } from '../seed/seed.js';

const USAGE = `Usage:
  pnpm cli integration-key create --name NAME --centre CODE
  pnpm cli seed`;

async function main(argv: string[]): Promise<number> {
  const [group, action, ...rest] = argv.filter((a) => a !== '--');
  const config = loadConfig();
  if (group === 'integration-key' && action === 'create') {
    const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, centre: { type: 'string' } } });
    if (!values.name || !values.centre) {
      console.error('integration-key create needs --name NAME and --centre CODE');
      return 2;
    }
    const db = await openDatabase(config, (m) => console.error(`[amk] ${m}`));
    try {
      const { id, key } = await createIntegrationKeyService(db.prisma).create(values.name, values.centre);
      console.error(`Created integration key ${id} '${values.name}' for ${values.centre}. Store it now; it is not shown again:`);
      console.log(key);
      return 0;
    } catch (e) {
      console.error((e as Error).message);
      return 1;
    } finally {
      await db.close();
    }
  }
  if (group === 'seed') {
    const db = await openDatabase(config, (m) => console.error(`[amk] ${m}`));
    try {
      const r = await seedDemo(db.prisma);
      console.log(`seeded: ${r.kommuner} kommuner added, ${r.unitsCreated} units and ${r.usersCreated} users created`);
      return 0;
    } finally {
      await db.close();
    }
  }
  console.error(USAGE);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
