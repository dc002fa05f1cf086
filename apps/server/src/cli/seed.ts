// `pnpm seed`: the demo region, idempotently.
process.argv.splice(2, process.argv.length, 'seed');
await import('./index.js');
