// Every folder of the console is the shell or in one of the two layers biome.json's import rules
// name (features, or the bottom layer): a folder in neither would escape the rule that features
// import each other only through their index.ts (README, "Console layers that point one way").
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const biome = JSON.parse(readFileSync(new URL('../../../biome.json', import.meta.url), 'utf8')) as {
  overrides: { includes?: string[] }[];
};

it('puts every folder of the console in the shell, a feature or the bottom layer', () => {
  const layered = new Set(
    biome.overrides.flatMap((o) => (o.includes ?? []).map((glob) => glob.match(/^apps\/console\/src\/([^/]+)\/\*\*$/)?.[1])),
  );
  const folders = readdirSync(new URL('../src/', import.meta.url), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  expect(
    folders.filter((f) => f !== 'app' && !layered.has(f)),
    'add these folders to a layer in biome.json',
  ).toEqual([]);
});
