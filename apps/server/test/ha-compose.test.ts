// docker-compose.yml cannot be run here (no images can be pulled), so CI checks it the way Docker
// would read it: dclint validates it against the Compose Specification's JSON schema (and its own
// error-level rules, e.g. ports bound to an explicit interface), and the checks below hold the
// wiring that the HA failover test proves on this machine: servers reach PostgreSQL only through
// HAProxy's primary port, every Patroni node runs deploy/postgres-ha's files, and every file a
// service mounts exists.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DCLinter } from 'dclint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const composeFile = join(root, 'docker-compose.yml');
// Ordering rules are style; the schema and the error-level rules stay on.
const linter = new DCLinter({
  rules: {
    'service-keys-order': 0,
    'services-alphabetical-order': 0,
    'top-level-properties-order': 0,
    'service-dependencies-alphabetical-order': 0,
    'service-ports-alphabetical-order': 0,
    'require-quotes-in-ports': [1, { quoteType: 'double' }],
  },
  quiet: true,
  debug: false,
  exclude: [],
});

/** One finding (dclint's own type does not resolve from its published declarations). */
interface Finding {
  rule: string;
  message: string;
}

interface Service {
  build?: string;
  image?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  command?: string[];
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file (Compose Specification schema, dclint)', () => {
    const [result] = linter.lintFiles([composeFile], false);
    expect((result!.messages as Finding[]).map((m) => `${m.rule}: ${m.message}`)).toEqual([]);
  });

  it('the validator does refuse an invalid file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'amk-compose-'));
    try {
      writeFileSync(
        join(dir, 'docker-compose.yml'),
        'services:\n  db:\n    image: haproxy:3.0\n    depends_on: 3\n    restart_policy: always\n',
      );
      const [result] = linter.lintFiles([join(dir, 'docker-compose.yml')], false);
      expect((result!.messages as Finding[]).map((m) => m.rule)).toContain('invalid-schema');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the database tier of deploy/postgres-ha: servers → HAProxy primary port → Patroni nodes', () => {
    const compose = parse(readFileSync(composeFile, 'utf8'), { merge: true }) as { services: Record<string, Service> };
    const { services } = compose;
    for (const name of ['server1', 'server2']) expect(services[name]!.environment!.DATABASE_URL).toMatch(/@db:5000\/amk$/);
    expect(services.db!.volumes).toContain('./deploy/postgres-ha/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
    expect(readFileSync(join(root, 'deploy/postgres-ha/haproxy.cfg'), 'utf8')).toMatch(
      /bind :5000[\s\S]*option httpchk GET \/primary[\s\S]*server pg1 pg1:5432 check port 8008\n\s*server pg2 pg2:5432 check port 8008/,
    );
    for (const name of ['pg1', 'pg2']) {
      const node = services[name]!;
      expect(node.build).toBe('./deploy/postgres-ha');
      expect(node.environment!.PATRONI_NAME).toBe(name);
      expect(node.environment!.PATRONI_POSTGRESQL_CONNECT_ADDRESS).toBe(`${name}:5432`);
      expect(node.volumes).toContain('./deploy/postgres-ha/patroni.yml:/etc/patroni/patroni.yml:ro');
      expect(node.volumes).toContain('pgbackrest:/var/lib/pgbackrest'); // one repository, whichever node is primary
    }
    expect(services.etcd!.command).toEqual(['etcd']);
    // every file or folder a service mounts from the repository exists
    for (const service of Object.values(services))
      for (const volume of service.volumes ?? [])
        if (volume.startsWith('./')) expect(existsSync(join(root, volume.split(':')[0]!)), volume).toBe(true);
    for (const service of Object.values(services))
      if (service.build) expect(existsSync(join(root, service.build, 'Dockerfile')), service.build).toBe(true);
  });
});
