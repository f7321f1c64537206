import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peerTierCounts, validComplaintCounts } from './analytics/analytics.repository.ts';
import {
  insertPublishedAssessment,
  listLatestPublished,
  listRevisions,
} from './assessments/assessments.repository.ts';
import { appendAudit, countAudit, listAudit } from './audit/audit.repository.ts';
import { insertComplaint, setComplaintVerification } from './complaints/complaints.repository.ts';
import { insertFineSignOff, listFineSignOffs } from './fines/fine-sign-offs.repository.ts';
import { listStaff } from './org/org.repository.ts';
import { insertPeerRating, listPeerRatings } from './peer-ratings/peer-ratings.repository.ts';
import {
  findPolicyInForce,
  findPolicyVersion,
  findPolicyVersionInForce,
  insertPolicyVersion,
} from './policies/policies.repository.ts';
import { findRecord, insertRecord, listRecords, revokeRecord } from './records/records.repository.ts';
import { seedFixture, type TFixture } from './testing/fixture.ts';
import { createTestDatabase, TEST_DIALECTS, type TTestDatabase } from './testing/test-database.ts';
import { beginAttempt, countedFailures, settleAttempt } from './users/attempts.repository.ts';
import { pruneAttemptLogs } from './users/login-attempts.repository.ts';
import { findSessionUser, insertSession, insertUser } from './users/users.repository.ts';

describe.each(TEST_DIALECTS)('repositories on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TFixture;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    f = await seedFixture(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('lists a page of cases along an index matching the scope and the order, never sorting them all', async () => {
    if (dialect !== 'sqlite') return;
    for (const scope of ['center_id', 'window_id', 'staff_id']) {
      const plan = t
        .sqlite!.prepare(
          `explain query plan select * from cases where ${scope} = 1 and id < 1000000 order by id desc limit 200`,
        )
        .all() as { detail: string }[];
      const details = plan.map((p) => p.detail).join(' | ');
      expect({ scope, details }).toEqual({
        scope,
        details: expect.stringMatching(/USING (COVERING )?INDEX cases_/),
      });
      expect({ scope, details }).toEqual({ scope, details: expect.not.stringContaining('TEMP B-TREE') });
    }
  });

  it('runs SQLite with WAL, foreign keys and a busy timeout', async () => {
    if (dialect !== 'sqlite') return;
    expect(t.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(t.sqlite!.pragma('busy_timeout', { simple: true })).toBe(5000);
    // :memory: databases report "memory"; the file case is covered by openDatabase's own test
    expect(['wal', 'memory']).toContain(t.sqlite!.pragma('journal_mode', { simple: true }));
  });

  it('refuses a staff member in a unit that does not exist (foreign keys on)', async () => {
    await expect(
      t.db
        .insertInto('staff')
        .values({
          center_id: f.centerId,
          unit_id: 999_999,
          name: 'x',
          post: 'front',
          is_window_head: 0,
          is_active: 1,
          created_at: 'now',
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('stores a record and revokes it with a reason, keeping the row', async () => {
    const rec = await insertRecord(t.db, {
      centerId: f.centerId,
      scheme: 'points',
      staffId: f.staff[0]!.id,
      windowId: null,
      item: 'A4',
      qty: 2,
      level: null,
      aggravated: true,
      date: '2026-07-03',
      note: null,
      source: 'manual',
      sourceId: null,
      recordedBy: null,
    });
    const read = await findRecord(t.db, rec.id);
    expect(read).toMatchObject({ item: 'A4', qty: 2, aggravated: true, status: 'active' });
    await revokeRecord(t.db, rec.id, { reason: '录入错误', by: null });
    const revoked = await findRecord(t.db, rec.id);
    expect(revoked).toMatchObject({ status: 'revoked', revokeReason: '录入错误', aggravated: true });
    const active = await listRecords(t.db, { centerId: f.centerId, status: 'active' });
    expect(active.find((r) => r.id === rec.id)).toBeUndefined();
  });

  it('includes window-level records in a person’s list', async () => {
    const rec = await insertRecord(t.db, {
      centerId: f.centerId,
      scheme: 'points',
      staffId: null,
      windowId: f.windowIds[0],
      item: 'B8',
      qty: 1,
      level: null,
      aggravated: false,
      date: '2026-08-20',
      note: null,
      source: 'award',
      sourceId: null,
      recordedBy: null,
    });
    const mine = await listRecords(t.db, { centerId: f.centerId, staffId: f.staff[1]!.id });
    expect(mine.map((r) => r.id)).toContain(rec.id);
    const notMine = await listRecords(t.db, { centerId: f.centerId, staffId: f.staff[2]!.id });
    expect(notMine.map((r) => r.id)).not.toContain(rec.id);
  });

  it('refuses a second rating of the same person in a quarter and a self-rating', async () => {
    const [a, b] = [f.staff[0]!.id, f.staff[1]!.id];
    await insertPeerRating(t.db, {
      centerId: f.centerId,
      year: 2026,
      quarter: 3,
      raterId: a,
      rateeId: b,
      tier: 'good',
    });
    await expect(
      insertPeerRating(t.db, {
        centerId: f.centerId,
        year: 2026,
        quarter: 3,
        raterId: a,
        rateeId: b,
        tier: 'poor',
      }),
    ).rejects.toThrow();
    await expect(
      insertPeerRating(t.db, {
        centerId: f.centerId,
        year: 2026,
        quarter: 3,
        raterId: a,
        rateeId: a,
        tier: 'good',
      }),
    ).rejects.toThrow();
    const ratings = await listPeerRatings(t.db, { centerId: f.centerId, year: 2026, quarter: 3 });
    expect(ratings).toHaveLength(1);
    const tiers = await peerTierCounts(t.db, { centerId: f.centerId, year: 2026, quarter: 3 });
    expect(tiers).toEqual([{ staffId: b, unitId: f.unitId, windowId: f.windowIds[0], good: 1, total: 1 }]);
  });

  it('keeps the audit log append-only', async () => {
    await appendAudit(t.db, {
      centerId: f.centerId,
      userId: null,
      entity: 'record',
      entityId: 1,
      action: 'create',
      after: { a: 1 },
    });
    const n = await countAudit(t.db);
    expect(typeof n).toBe('number');
    await expect(sql`update audit_log set action = 'x'`.execute(t.db)).rejects.toThrow();
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow();
    expect(await countAudit(t.db)).toBe(n);
    const [entry] = await listAudit(t.db, { centerId: f.centerId });
    expect(entry).toMatchObject({ entity: 'record', entityId: '1', action: 'create', after: { a: 1 } });
  });

  it('keeps published snapshots immutable and lists the latest revision', async () => {
    const policy = await insertPolicyVersion(t.db, {
      centerId: f.centerId,
      code: 'A',
      effectiveFrom: '2020-01-01',
      body: { code: 'A' },
      createdBy: null,
    });
    await insertPolicyVersion(t.db, {
      centerId: f.centerId,
      code: 'A',
      effectiveFrom: '2027-01-01',
      body: { code: 'A', v: 2 },
      createdBy: null,
    });
    expect((await findPolicyInForce(t.db, f.centerId, 'A', '2026-09-30'))?.version).toBe(1);
    expect((await findPolicyInForce(t.db, f.centerId, 'A', '2027-02-01'))?.version).toBe(2);
    // the version in force without its body, then that version's body by id
    const head = await findPolicyVersionInForce(t.db, f.centerId, 'A', '2027-02-01');
    expect(head).toEqual({ id: expect.any(Number), version: 2 });
    expect((await findPolicyVersion(t.db, head!.id))?.body).toEqual({ code: 'A', v: 2 });
    expect(await findPolicyVersionInForce(t.db, f.centerId, 'A', '2019-12-31')).toBeUndefined();
    // a version is never edited nor removed (the API keeps parsed versions by id on that promise)
    await expect(sql`update policies set body = '{}'`.execute(t.db)).rejects.toThrow();
    await expect(sql`delete from policies`.execute(t.db)).rejects.toThrow();
    expect((await findPolicyVersion(t.db, policy.id))?.body).toEqual({ code: 'A' });
    const base = {
      centerId: f.centerId,
      year: 2026,
      quarter: 2,
      policyId: policy.id,
      policyVersion: 1,
      publishedBy: null,
    };
    await insertPublishedAssessment(t.db, { ...base, revision: 1, snapshot: { results: [1] }, reason: null });
    await insertPublishedAssessment(t.db, {
      ...base,
      revision: 2,
      snapshot: { results: [2] },
      reason: '更正',
    });
    await expect(
      insertPublishedAssessment(t.db, { ...base, revision: 2, snapshot: {}, reason: 'dup' }),
    ).rejects.toThrow();
    await expect(sql`update published_assessments set snapshot = '{}'`.execute(t.db)).rejects.toThrow();
    const revisions = await listRevisions(t.db, f.centerId, 2026, 2);
    expect(revisions.map((r) => r.snapshot)).toEqual([{ results: [1] }, { results: [2] }]);
    const latest = await listLatestPublished(t.db, f.centerId, 2026, 2026);
    expect(latest.map((r) => r.revision)).toEqual([2]);
  });

  it('counts attempts written before one: per pair since its last success, per address, per key; prunes old ones', async () => {
    const at = (minute: number) => `2026-11-26T08:${String(minute).padStart(2, '0')}:00.000Z`;
    const attempt = async (
      username: string,
      address: string | null,
      outcome: 'failed' | 'ok' | 'refused',
      minute: number,
    ) => {
      const id = await beginAttempt(t.db, 'login', { key: username, address, at: at(minute) });
      if (outcome !== 'failed') await settleAttempt(t.db, 'login', id, outcome);
      return id;
    };
    await attempt('clerk', '10.0.0.1', 'failed', 1);
    await attempt('clerk', '10.0.0.1', 'ok', 2);
    await attempt('clerk', '10.0.0.2', 'failed', 3);
    await attempt('clerk', '10.0.0.1', 'failed', 4);
    await attempt('clerk', '10.0.0.1', 'refused', 4);
    await attempt('other', '10.0.0.1', 'failed', 5);
    await attempt('other', null, 'failed', 6);
    const last = await attempt('clerk', '10.0.0.1', 'failed', 7);
    const since = { pairSince: at(0), addressSince: at(0), keySince: at(0) };
    expect(
      await countedFailures(t.db, 'login', { key: 'clerk', address: '10.0.0.1', beforeId: last, ...since }),
    ).toEqual({
      byPair: [at(4)],
      byAddress: [at(1), at(4), at(5)],
      byKey: [at(1), at(3), at(4)],
    });
    // an attempt counts only those written before it
    expect(
      await countedFailures(t.db, 'login', {
        key: 'clerk',
        address: '10.0.0.1',
        beforeId: last + 1,
        ...since,
      }),
    ).toEqual({
      byPair: [at(4), at(7)],
      byAddress: [at(1), at(4), at(5), at(7)],
      byKey: [at(1), at(3), at(4), at(7)],
    });
    expect(
      (await countedFailures(t.db, 'login', { key: 'other', address: null, beforeId: last, ...since }))
        .byPair,
    ).toEqual([at(6)]);
    expect(await pruneAttemptLogs(t.db, at(4))).toEqual({ loginAttempts: 3, statusQueryAttempts: 0 });
    const statusId = await beginAttempt(t.db, 'statusQuery', { key: 'C1', address: 'a', at: at(8) });
    expect(
      await countedFailures(t.db, 'statusQuery', {
        key: 'C1',
        address: 'a',
        beforeId: statusId + 1,
        ...since,
      }),
    ).toEqual({ byPair: [at(8)], byAddress: [at(8)], byKey: [at(8)] });
  });

  it('keeps fine sign-offs append-only, one signature per line and month', async () => {
    const policy = await insertPolicyVersion(t.db, {
      centerId: f.centerId,
      code: 'B',
      effectiveFrom: '2000-01-01',
      body: { code: 'B' },
      createdBy: null,
    });
    const user = await insertUser(t.db, {
      centerId: f.centerId,
      username: 'signer',
      passwordHash: 'x',
      role: 'supervisor',
      staffId: null,
      displayName: '审管科吴科长',
    });
    const base = {
      centerId: f.centerId,
      year: 2026,
      month: 9,
      userId: user.id,
      userName: user.displayName,
      policyId: policy.id,
      policyVersion: policy.version,
      summary: { staff: [{ staff: '1', fine: 30 }] },
    };
    await insertFineSignOff(t.db, { ...base, line: 'supervision' });
    await insertFineSignOff(t.db, { ...base, line: 'deputy' });
    await expect(insertFineSignOff(t.db, { ...base, line: 'deputy' })).rejects.toThrow();
    await expect(sql`update fine_sign_offs set user_name = 'x'`.execute(t.db)).rejects.toThrow();
    await expect(sql`delete from fine_sign_offs`.execute(t.db)).rejects.toThrow();
    const signed = await listFineSignOffs(t.db, f.centerId, 2026, 9);
    expect(signed.map((s) => [s.line, s.userName])).toEqual([
      ['supervision', '审管科吴科长'],
      ['deputy', '审管科吴科长'],
    ]);
    expect(signed[0]!.summary).toEqual(base.summary);
    expect(await listFineSignOffs(t.db, f.centerId, 2026, 10)).toEqual([]);
  });

  it('counts valid complaints by channel', async () => {
    const c = await insertComplaint(t.db, {
      centerId: f.centerId,
      channel: 'hotline12345',
      date: '2026-09-10',
      windowId: f.windowIds[0],
      staffId: f.staff[0]!.id,
      content: '态度生硬',
      createdBy: null,
    });
    await insertComplaint(t.db, {
      centerId: f.centerId,
      channel: 'online',
      date: '2026-09-11',
      windowId: f.windowIds[0],
      staffId: null,
      content: '未核实',
      createdBy: null,
    });
    await setComplaintVerification(t.db, c.id, {
      isValid: true,
      cause: 'attitude',
      note: null,
      by: null,
      recordId: null,
    });
    const byChannel = await validComplaintCounts(
      t.db,
      { centerId: f.centerId, from: '2026-09-01', to: '2026-09-30' },
      'channel',
    );
    expect(byChannel).toEqual([{ key: 'hotline12345', count: 1 }]);
  });

  it('finds a session user only before expiry', async () => {
    const u = await insertUser(t.db, {
      centerId: f.centerId,
      username: `u_${dialect}`,
      passwordHash: 'x',
      role: 'staff',
      staffId: f.staff[0]!.id,
      displayName: '张三',
    });
    await insertSession(t.db, { id: 'live', userId: u.id, expiresAt: '2099-01-01T00:00:00.000Z' });
    await insertSession(t.db, { id: 'dead', userId: u.id, expiresAt: '2000-01-01T00:00:00.000Z' });
    const now = new Date().toISOString();
    expect((await findSessionUser(t.db, 'live', now))?.username).toBe(`u_${dialect}`);
    expect(await findSessionUser(t.db, 'dead', now)).toBeUndefined();
  });

  it('isolates centers in staff lists', async () => {
    const mine = await listStaff(t.db, { centerId: f.centerId });
    expect(mine.map((s) => s.name)).toEqual(['张三', '李四', '王五', '赵六']);
    expect(mine.every((s) => s.isActive === true)).toBe(true);
  });
});
