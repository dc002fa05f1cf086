// Recordings under § 20: ingest with checksum (idempotent, also under simultaneous retries),
// linking to calls, audited playback with ranges, holds, and a purge that never deletes too early
// nor a held recording, survives a crash and an undeletable file, and runs once at a time.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCentre, createIntegrationKey, createUser } from './support/factories.js';
import { login, startServer, testConfig, type TestServer } from './support/test-app.js';

// The centres, users and recorder keys are this file's own (support/factories.ts). The purge is
// the installation's: it takes whatever has come due, so the checks on it name this file's recordings.
let server: TestServer;
let key: string;
let operator: string;
let supervisor: string;
/** The own AMK centre (its recorder, operator and supervisor) and another AMK centre with a recorder and an operator. */
let centre: { id: string; code: string };
let other: { id: string; code: string };
let otherKey: string;
let users: Record<'operator' | 'supervisor' | 'other' | 'auditor' | 'responder', { username: string }>;
const storeRoot = join(testConfig().DATA_DIR, 'recordings');

beforeAll(async () => {
  server = await startServer();
  const { prisma } = server;
  [centre, other] = await Promise.all([createCentre(prisma), createCentre(prisma)]);
  [key, otherKey] = await Promise.all([
    createIntegrationKey(prisma, centre.code, 'recorder'),
    createIntegrationKey(prisma, other.code, 'recorder other'),
  ]);
  const [o, s, x, a, r] = await Promise.all([
    createUser(prisma, centre.id),
    createUser(prisma, centre.id, { role: 'supervisor', displayName: 'Kari Test' }),
    createUser(prisma, other.id),
    // an auditor (Statens helsetilsyn's reader) and an akutthjelper, both of another centre than the recording's
    createUser(prisma, other.id, { role: 'auditor' }),
    createUser(prisma, other.id, { role: 'responder' }),
  ]);
  users = { operator: o, supervisor: s, other: x, auditor: a, responder: r };
  [operator, supervisor] = await Promise.all([login(server, o.username), login(server, s.username)]);
});
afterAll(() => server.close());

const sound = (text: string) => Buffer.from(`RIFF....WAVEfmt ${text}`.padEnd(4096, '.'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function upload(fields: Record<string, string>, audio: Buffer | null = sound('x'), type = 'audio/wav', recorderKey = key) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (audio) form.append('audio', new Blob([new Uint8Array(audio)], { type }), 'opptak.wav');
  const res = await fetch(`${server.url}/api/v1/integrations/recordings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${recorderKey}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}
async function ring(externalId: string) {
  const res = await fetch(`${server.url}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      externalId,
      centre: centre.code,
      line: '113',
      callerNumber: '+4790001111',
      ringingAt: new Date().toISOString(),
    }),
  });
  return (await res.json()) as { id: string };
}
const get = (cookie: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1${path}`, { headers: { cookie, ...headers } });
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

  it('two identical uploads at the same moment store one recording and one file, and both get its id', async () => {
    const audio = sound(`twice-${uid()}`);
    // February 2025: a month no other test stores in, so its folder holds only these uploads' files.
    const fields = { callExternalId: `twice-${uid()}`, recordedAt: '2025-02-03T08:00:00Z', sha256: sha(audio) };
    const results = await Promise.all(Array.from({ length: 4 }, () => upload(fields, audio)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const ids = new Set(results.map((r) => r.body.id as string));
    expect(ids.size).toBe(1);
    expect(await server.prisma.recording.count({ where: { callExternalId: fields.callExternalId } })).toBe(1);
    expect(readdirSync(join(storeRoot, centre.code, '2025-02'))).toEqual([...ids]);
    expect(readdirSync(join(storeRoot, '.incoming'))).toEqual([]);
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
    const before = await server.prisma.recording.count({ where: { centreId: centre.id } });
    const res = await upload(fields as Record<string, string>, sound('bad'), type);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
    expect(await server.prisma.recording.count({ where: { centreId: centre.id } })).toBe(before);
  });

  it('accepts the fields after the sound as well as before', async () => {
    const form = new FormData();
    form.append('audio', new Blob([new Uint8Array(sound('late fields'))], { type: 'audio/ogg' }), 'x.ogg');
    form.append('callExternalId', `late-${uid()}`);
    form.append('recordedAt', '2026-11-22T09:00:00+01:00');
    const res = await fetch(`${server.url}/api/v1/integrations/recordings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: form,
    });
    expect(res.status).toBe(201);
  });

  it('refuses an upload without the audio part, and JSON', async () => {
    expect((await upload({ callExternalId: 'c', recordedAt: '2026-11-22T09:00:00Z' }, null)).body.message).toMatch(/audio/);
    const json = await fetch(`${server.url}/api/v1/integrations/recordings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });
});

describe('playback', () => {
  it('streams with ranges, and every listen is in the audit log with who and from which centre', async () => {
    const call = await ring(`play-${uid()}`);
    const externalId = (await server.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).externalId!;
    const audio = sound('listen');
    const { body } = await upload({ callExternalId: externalId, recordedAt: new Date().toISOString() }, audio);

    const list = (await (await get(operator, `/calls/${call.id}/recordings`)).json()) as any;
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
    // One listen: the later range came from the same user minutes after the audited start, so it
    // continues that listen rather than being a new one.
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: users.operator.username, entityType: 'Recording', centreId: centre.id });
  });

  it('audits a range that starts past byte 0 unless it continues the same user’s listen of the last 10 minutes', async () => {
    const audio = sound('mid-file');
    const { body } = await upload({ callExternalId: `range-${uid()}`, recordedAt: new Date().toISOString() }, audio);
    const audited = (action = 'recording.play') =>
      server.prisma.auditLog.findMany({ where: { entityId: body.id, action }, orderBy: { id: 'asc' } });

    // `bytes=1-` out of the blue: all but one byte of the sound, and it is a listen like any other.
    const sneaky = await get(operator, `/recordings/${body.id}/audio`, { range: 'bytes=1-' });
    expect(sneaky.status).toBe(206);
    expect(Buffer.from(await sneaky.arrayBuffer()).equals(audio.subarray(1))).toBe(true);
    expect(await audited()).toHaveLength(1);
    expect((await audited())[0]).toMatchObject({ actorName: users.operator.username, detail: { range: `1-${audio.length - 1}` } });

    // The same user's next range continues that listen.
    await (await get(operator, `/recordings/${body.id}/audio`, { range: 'bytes=2000-' })).arrayBuffer();
    expect(await audited()).toHaveLength(1);

    // Another user's range is their own listen, and a download is a download.
    await (await get(supervisor, `/recordings/${body.id}/audio`, { range: 'bytes=2000-' })).arrayBuffer();
    expect((await audited()).map((a) => a.actorName)).toEqual([users.operator.username, users.supervisor.username]);
    await (await get(operator, `/recordings/${body.id}/audio?download=1`, { range: 'bytes=1-' })).arrayBuffer();
    expect((await audited('recording.download')).map((a) => a.actorName)).toEqual([users.operator.username]);

    // Eleven minutes later the same range is a new listen.
    await server.prisma.auditLog.updateMany({ where: { entityId: body.id }, data: { at: new Date(Date.now() - 11 * 60_000) } });
    await (await get(operator, `/recordings/${body.id}/audio`, { range: 'bytes=2000-' })).arrayBuffer();
    expect((await audited()).map((a) => a.actorName)).toEqual([
      users.operator.username,
      users.supervisor.username,
      users.operator.username,
    ]);
  });

  it('only the owning centre and auditors may listen', async () => {
    const { body } = await upload({ callExternalId: `who-${uid()}`, recordedAt: new Date().toISOString() });
    expect((await get(await login(server, users.other.username), `/recordings/${body.id}/audio`)).status).toBe(404);
    expect((await get(await login(server, users.auditor.username), `/recordings/${body.id}/audio`)).status).toBe(200);
    expect((await get(await login(server, users.responder.username), `/recordings/${body.id}/audio`)).status).toBe(403);
    expect((await get(operator, `/recordings/${body.id}/audio`)).status).toBe(200);
  });
});

describe('holds and the purge', () => {
  const old = () =>
    upload({ callExternalId: `old-${uid()}`, recordedAt: '2020-03-10T10:00:00Z' }, sound(uid())).then((r) => r.body.id as string);
  const post = (cookie: string, path: string, body: object) =>
    fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('never deletes before deleteAfter, never a held recording; leaves a tombstone; a dry run deletes nothing', async () => {
    const due = await old();
    const held = await old();
    const young = (await upload({ callExternalId: `young-${uid()}`, recordedAt: '2023-05-01T10:00:00Z' })).body.id as string; // due 2026-05-01
    const hold = await post(supervisor, `/recordings/${held}/holds`, { reason: 'klage', caseRef: 'Helsetilsynet 2026/123' });
    expect(hold.status).toBe(201);

    const preview = (await (await get(supervisor, '/recordings/purge/preview?date=2023-03-10')).json()) as any;
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
    expect(((await released.json()) as any).holds[0]).toMatchObject({ releasedBy: 'Kari Test', releaseReason: 'Saken er avsluttet' });
    await server.app.jobs.purge.run('2023-03-10');
    expect(await server.prisma.recording.count({ where: { id: held } })).toBe(0);
    expect(
      await server.prisma.auditLog.count({ where: { entityId: held, action: { in: ['recording.hold', 'recording.hold.release'] } } }),
    ).toBe(2);
  });

  it('a purge killed between the database and the files finishes on the next run', async () => {
    const id = await old();
    const row = await server.prisma.recording.findUniqueOrThrow({ where: { id } });
    await expect(
      server.app.jobs.purge.run('2024-01-01', {
        afterBatchCommitted: () => {
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
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
    await expect(
      server.app.jobs.purge.run('2024-01-01', {
        afterFilesDeleted: () => {
          throw new Error('killed again');
        },
      }),
    ).rejects.toThrow('killed again');
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

  it('a hold placed after the purge chose the recording, before it was deleted, keeps it', async () => {
    const id = await old();
    const row = await server.prisma.recording.findUniqueOrThrow({ where: { id } });
    let placed = 0;
    const result = await server.app.jobs.purge.run('2024-01-01', {
      afterDueSelected: async (ids) => {
        if (placed || !ids.includes(id)) return;
        // The purge has chosen the recording (no hold then); a supervisor places one now.
        placed = (await post(supervisor, `/recordings/${id}/holds`, { reason: 'tilsyn', caseRef: 'Statsforvalteren 2026/77' })).status;
      },
    });
    expect(placed).toBe(201);
    expect(result.ran).toBe(true);
    expect(await server.prisma.recording.count({ where: { id } })).toBe(1);
    expect(await server.prisma.recordingHold.count({ where: { recordingId: id, releasedAt: null } })).toBe(1);
    expect(await server.prisma.recordingTombstone.count({ where: { recordingId: id } })).toBe(0);
    expect(existsSync(join(storeRoot, row.blobKey))).toBe(true);
    // The next run sees the hold at once.
    await server.app.jobs.purge.run('2024-01-01');
    expect(await server.prisma.recording.count({ where: { id } })).toBe(1);
  });

  it('a file that cannot be deleted is reported and retried, and does not stop the deletion of others', async () => {
    const stuck = await old();
    const stuckKey = (await server.prisma.recording.findUniqueOrThrow({ where: { id: stuck } })).blobKey;
    // Where its file was, a folder with something in it: no delete can remove it.
    rmSync(join(storeRoot, stuckKey));
    mkdirSync(join(storeRoot, stuckKey));
    writeFileSync(join(storeRoot, stuckKey, 'x'), '');
    const others = [await old(), await old()];
    const fileOf = async (id: string) => join(storeRoot, (await server.prisma.recording.findUniqueOrThrow({ where: { id } })).blobKey);
    const otherFiles = await Promise.all(others.map(fileOf));
    const pending = (id: string) =>
      server.prisma.recordingTombstone.findUniqueOrThrow({ where: { recordingId: id } }).then((t) => t.fileDeletedAt === null);
    const lastRun = () => server.prisma.purgeRun.findFirstOrThrow({ orderBy: { startedAt: 'desc' } });

    const first = await server.app.jobs.purge.run('2024-01-01');
    expect(first).toMatchObject({ ran: true, filesFailed: 1 });
    expect(await server.prisma.recording.count({ where: { id: { in: [stuck, ...others] } } })).toBe(0);
    expect(await pending(stuck)).toBe(true);
    expect(await Promise.all(others.map(pending))).toEqual([false, false]);
    expect(otherFiles.map(existsSync)).toEqual([false, false]);
    expect(await lastRun()).toMatchObject({ finishedAt: expect.any(Date), error: expect.stringContaining(stuckKey) });

    // Every later run tries it again, and still deletes what has come due.
    const later = await old();
    const laterFile = await fileOf(later);
    const second = await server.app.jobs.purge.run('2024-01-01');
    expect(second).toMatchObject({ ran: true, filesFailed: 1 });
    expect(await server.prisma.recording.count({ where: { id: later } })).toBe(0);
    expect(existsSync(laterFile)).toBe(false);
    expect(await pending(later)).toBe(false);
    expect(await pending(stuck)).toBe(true);

    // Once someone has fixed the cause (the file is an ordinary, deletable file again), the next run finishes it.
    rmSync(join(storeRoot, stuckKey), { recursive: true });
    writeFileSync(join(storeRoot, stuckKey), sound('stuck'));
    const third = await server.app.jobs.purge.run('2024-01-01');
    expect(third).toMatchObject({ ran: true, filesFailed: 0 });
    expect(third.filesFinished).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(storeRoot, stuckKey))).toBe(false);
    expect(await pending(stuck)).toBe(false);
    expect((await lastRun()).error).toBeNull();
  });

  it("a dry run counts and lists only the caller's centre's recordings; an auditor's every centre's", async () => {
    const theirs = (
      await upload({ callExternalId: `theirs-${uid()}`, recordedAt: '2020-03-10T10:00:00Z' }, sound(uid()), 'audio/wav', otherKey)
    ).body.id as string;
    const ours = await old();
    const due = (centreId?: string) =>
      server.prisma.recording.count({
        where: { deleteAfter: { lte: new Date('2024-01-01') }, holds: { none: { releasedAt: null } }, ...(centreId && { centreId }) },
      });
    const held = (centreId?: string) =>
      server.prisma.recording.count({
        where: { deleteAfter: { lte: new Date('2024-01-01') }, holds: { some: { releasedAt: null } }, ...(centreId && { centreId }) },
      });

    const mine = (await (await get(supervisor, '/recordings/purge/preview?date=2024-01-01')).json()) as any;
    expect(mine.wouldDelete).toBe(await due(centre.id));
    expect(mine.heldBack).toBe(await held(centre.id));
    expect(mine.sample.map((s: { id: string }) => s.id)).toContain(ours);
    expect(mine.sample.map((s: { id: string }) => s.id)).not.toContain(theirs);

    const all = (await (await get(await login(server, users.auditor.username), '/recordings/purge/preview?date=2024-01-01')).json()) as any;
    expect(all.wouldDelete).toBe(await due());
    expect(all.wouldDelete).toBe(mine.wouldDelete + 1);
    expect(all.heldBack).toBe(await held());
    expect(all.sample.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([ours, theirs]));
    await server.app.jobs.purge.run('2024-01-01');
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
