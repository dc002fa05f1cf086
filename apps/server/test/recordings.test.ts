// Recordings under § 20: ingest with checksum, linking to calls, audited playback with ranges,
// holds, and a purge that never deletes too early, survives a crash, and runs once at a time.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { login, startServer, testConfig, type TestServer } from './support/test-app.js';

let server: TestServer;
let key: string;
let operator: string;
let supervisor: string;
const storeRoot = join(testConfig().DATA_DIR, 'recordings');

beforeAll(async () => {
  server = await startServer();
  key = (await createIntegrationKeyService(server.prisma).create('recorder', 'AMK-BERGEN')).key;
  [operator, supervisor] = await Promise.all([login(server, 'amk.bergen'), login(server, 'supervisor.bergen')]);
});
afterAll(() => server.close());

const sound = (text: string) => Buffer.from(`RIFF....WAVEfmt ${text}`.padEnd(4096, '.'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function upload(fields: Record<string, string>, audio: Buffer | null = sound('x'), type = 'audio/wav') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (audio) form.append('audio', new Blob([new Uint8Array(audio)], { type }), 'opptak.wav');
  const res = await fetch(`${server.url}/api/v1/integrations/recordings`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}
async function ring(externalId: string) {
  const res = await fetch(`${server.url}/api/v1/integrations/calls`, {
    method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ externalId, centre: 'AMK-BERGEN', line: '113', callerNumber: '+4790001111', ringingAt: new Date().toISOString() }),
  });
  return (await res.json()) as { id: string };
}
const get = (cookie: string, path: string, headers: Record<string, string> = {}) => fetch(`${server.url}/api/v1${path}`, { headers: { cookie, ...headers } });
const uid = () => Math.random().toString(36).slice(2);

describe('ingest', () => {
  it('stores the sound and its checksum, links the call, and computes deleteAfter in Norwegian time', async () => {
    const call = await ring(`rec-${uid()}`);
    const externalId = (await server.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).externalId!;
    const audio = sound('first');
    const res = await upload({ callExternalId: externalId, recordedAt: '2026-06-15T22:30:00Z', sha256: sha(audio) }, audio);
    expect(res.status).toBe(201);
    // 22:30 UTC on 15 June is 00:30 on 16 June in Oslo: recording date 16 June, deletable from 16 June 2029.
    expect(res.body).toMatchObject({ callId: call.id, recordedAt: '2026-06-15T22:30:00.000Z', deleteAfter: '2029-06-16' });
    const row = await server.prisma.recording.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.sha256).toBe(sha(audio));
    expect(existsSync(join(storeRoot, row.blobKey))).toBe(true);

    const retry = await upload({ callExternalId: externalId, recordedAt: '2026-06-15T22:30:00Z', sha256: sha(audio) }, audio);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(res.body.id);
  });

  it('keeps a recording whose call is not known yet, and links it when the call arrives', async () => {
    const externalId = `early-${uid()}`;
    const res = await upload({ callExternalId: externalId, recordedAt: new Date().toISOString() });
    expect(res.body.callId).toBeNull();
    const call = await ring(externalId);
    expect((await server.prisma.recording.findUniqueOrThrow({ where: { id: res.body.id } })).callId).toBe(call.id);
  });

  it.each([
    ['a wrong checksum', { callExternalId: 'c', recordedAt: '2026-11-22T09:00:00Z', sha256: 'ab'.repeat(32) }, 'audio/wav', 400, /sha256/],
    ['no time', { callExternalId: 'c' }, 'audio/wav', 400, /recordedAt/],
    ['a time without offset', { callExternalId: 'c', recordedAt: '2026-11-22 09:00' }, 'audio/wav', 400, /recordedAt/],
    ['no call id', { recordedAt: '2026-11-22T09:00:00Z' }, 'audio/wav', 400, /callExternalId/],
    ['a picture', { callExternalId: 'c', recordedAt: '2026-11-22T09:00:00Z' }, 'image/png', 415, /audio/],
  ])('refuses %s and stores nothing', async (_name, fields, type, status, message) => {
    const before = await server.prisma.recording.count();
    const res = await upload(fields as Record<string, string>, sound('bad'), type);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
    expect(await server.prisma.recording.count()).toBe(before);
  });

  it('accepts the fields after the sound as well as before', async () => {
    const form = new FormData();
    form.append('audio', new Blob([new Uint8Array(sound('late fields'))], { type: 'audio/ogg' }), 'x.ogg');
    form.append('callExternalId', `late-${uid()}`);
    form.append('recordedAt', '2026-11-22T09:00:00+01:00');
    const res = await fetch(`${server.url}/api/v1/integrations/recordings`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
    expect(res.status).toBe(201);
  });

  it('refuses an upload without the audio part, and JSON', async () => {
    expect((await upload({ callExternalId: 'c', recordedAt: '2026-11-22T09:00:00Z' }, null)).body.message).toMatch(/audio/);
    const json = await fetch(`${server.url}/api/v1/integrations/recordings`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
  });
});

describe('playback', () => {
  it('streams with ranges, and every listen is in the audit log with who and from which centre', async () => {
    const call = await ring(`play-${uid()}`);
    const externalId = (await server.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).externalId!;
    const audio = sound('listen');
    const { body } = await upload({ callExternalId: externalId, recordedAt: new Date().toISOString() }, audio);

    const list = await (await get(operator, `/calls/${call.id}/recordings`)).json() as any;
    expect(list.recordings.map((r: { id: string }) => r.id)).toEqual([body.id]);

    const full = await get(operator, `/recordings/${body.id}/audio`);
    expect(full.status).toBe(200);
    expect(Buffer.from(await full.arrayBuffer()).equals(audio)).toBe(true);
    const part = await get(operator, `/recordings/${body.id}/audio`, { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${audio.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(audio.subarray(100, 200))).toBe(true);
    expect((await get(operator, `/recordings/${body.id}/audio`, { range: 'bytes=99999-' })).status).toBe(416);

    const audit = await server.prisma.auditLog.findMany({ where: { entityId: body.id, action: 'recording.play' } });
    expect(audit).toHaveLength(1); // the listen, not each later range of it
    expect(audit[0]).toMatchObject({ actorName: 'amk.bergen', entityType: 'Recording' });
    expect(audit[0]!.centreId).toBeTruthy();
  });

  it('only the owning centre and auditors may listen', async () => {
    const { body } = await upload({ callExternalId: `who-${uid()}`, recordedAt: new Date().toISOString() });
    expect((await get(await login(server, 'amk.forde'), `/recordings/${body.id}/audio`)).status).toBe(404);
    expect((await get(await login(server, 'auditor.demo'), `/recordings/${body.id}/audio`)).status).toBe(200);
    expect((await get(await login(server, 'responder.demo'), `/recordings/${body.id}/audio`)).status).toBe(403);
  });
});

describe('holds and the purge', () => {
  const old = () => upload({ callExternalId: `old-${uid()}`, recordedAt: '2020-03-10T10:00:00Z' }, sound(uid())).then((r) => r.body.id as string);
  const post = (cookie: string, path: string, body: object) => fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('never deletes before deleteAfter, never a held recording; leaves a tombstone; a dry run deletes nothing', async () => {
    const due = await old();
    const held = await old();
    const young = (await upload({ callExternalId: `young-${uid()}`, recordedAt: '2023-05-01T10:00:00Z' })).body.id as string; // due 2026-05-01
    const hold = await post(supervisor, `/recordings/${held}/holds`, { reason: 'klage', caseRef: 'Helsetilsynet 2026/123' });
    expect(hold.status).toBe(201);

    const preview = await (await get(supervisor, '/recordings/purge/preview?date=2023-03-10')).json() as any;
    expect(preview.wouldDelete).toBeGreaterThanOrEqual(1);
    expect(preview.heldBack).toBeGreaterThanOrEqual(1);
    expect(preview.sample.map((s: { id: string }) => s.id)).toContain(due);
    expect(preview.sample.map((s: { id: string }) => s.id)).not.toContain(held);
    expect(await server.prisma.recording.count({ where: { id: due } })).toBe(1);

    const before = await server.app.jobs.purge.run('2023-03-09'); // the day before deleteAfter
    expect(before.ran).toBe(true);
    expect(await server.prisma.recording.count({ where: { id: due } })).toBe(1);

    const row = await server.prisma.recording.findUniqueOrThrow({ where: { id: due } });
    const result = await server.app.jobs.purge.run('2023-03-10');
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect(await server.prisma.recording.count({ where: { id: due } })).toBe(0);
    expect(existsSync(join(storeRoot, row.blobKey))).toBe(false);
    const tomb = await server.prisma.recordingTombstone.findUniqueOrThrow({ where: { recordingId: due } });
    expect(tomb).toMatchObject({ sha256: row.sha256, rule: expect.stringContaining('§ 20') });
    expect(tomb.fileDeletedAt).not.toBeNull();
    expect(await server.prisma.recording.count({ where: { id: { in: [held, young] } } })).toBe(2);

    // Releasing the hold, with a reason, lets the next purge take it.
    const holdId = ((await hold.json()) as any).holds[0].id;
    const released = await post(supervisor, `/recordings/${held}/holds/${holdId}/release`, { reason: 'Saken er avsluttet' });
    expect(((await released.json()) as any).holds[0]).toMatchObject({ releasedBy: 'Kari Vik', releaseReason: 'Saken er avsluttet' });
    await server.app.jobs.purge.run('2023-03-10');
    expect(await server.prisma.recording.count({ where: { id: held } })).toBe(0);
    expect(await server.prisma.auditLog.count({ where: { entityId: held, action: { in: ['recording.hold', 'recording.hold.release'] } } })).toBe(2);
  });

  it('a purge killed between the database and the files finishes on the next run', async () => {
    const id = await old();
    const row = await server.prisma.recording.findUniqueOrThrow({ where: { id } });
    await expect(server.app.jobs.purge.run('2024-01-01', { afterBatchCommitted: () => { throw new Error('killed'); } })).rejects.toThrow('killed');
    expect(await server.prisma.recording.count({ where: { id } })).toBe(0);
    expect(existsSync(join(storeRoot, row.blobKey))).toBe(true); // not yet
    expect((await server.prisma.recordingTombstone.findUniqueOrThrow({ where: { recordingId: id } })).fileDeletedAt).toBeNull();

    const rerun = await server.app.jobs.purge.run('2024-01-01');
    expect(rerun.filesFinished).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(storeRoot, row.blobKey))).toBe(false);
    expect((await server.prisma.recordingTombstone.findUniqueOrThrow({ where: { recordingId: id } })).fileDeletedAt).not.toBeNull();
    const runs = await server.prisma.purgeRun.findMany({ where: { error: 'killed' } });
    expect(runs.length).toBe(1);
  });

  it('a purge killed after deleting files but before marking them finishes too', async () => {
    const id = await old();
    await expect(server.app.jobs.purge.run('2024-01-01', { afterFilesDeleted: () => { throw new Error('killed again'); } })).rejects.toThrow('killed again');
    expect((await server.prisma.recordingTombstone.findUniqueOrThrow({ where: { recordingId: id } })).fileDeletedAt).toBeNull();
    await server.app.jobs.purge.run('2024-01-01');
    expect((await server.prisma.recordingTombstone.findUniqueOrThrow({ where: { recordingId: id } })).fileDeletedAt).not.toBeNull();
  });

  it('two servers purging at once delete each recording once', async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, old));
    const other = await startServer();
    try {
      const [a, b] = await Promise.all([server.app.jobs.purge.run('2024-01-01'), other.app.jobs.purge.run('2024-01-01')]);
      expect(a.deleted + b.deleted).toBe(30);
      expect([a.ran, b.ran]).toContain(true);
      const notRun = [a, b].find((r) => !r.ran);
      if (notRun) expect(notRun.reason).toMatch(/another server/);
      expect(await server.prisma.recording.count({ where: { id: { in: ids } } })).toBe(0);
      expect(await server.prisma.recordingTombstone.count({ where: { recordingId: { in: ids }, fileDeletedAt: { not: null } } })).toBe(30);
    } finally {
      await other.close();
    }
  });

  it('shows the retention overview to a supervisor, not to an operator', async () => {
    const overview = await get(supervisor, '/recordings/retention');
    expect(overview.status).toBe(200);
    const body = (await overview.json()) as any;
    expect(body.deletedPerMonth.length).toBeGreaterThan(0);
    expect(body.purgeRuns.length).toBeGreaterThan(0);
    expect((await get(operator, '/recordings/retention')).status).toBe(403);
  });
});
