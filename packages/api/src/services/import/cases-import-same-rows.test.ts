import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, insertMatter, listMatters, TEST_DIALECTS, type TMatter } from '@chuangkou/db';
import { chinaWorkCalendar } from '@chuangkou/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup, TODAY } from '../../testing/api-test-setup.ts';
import { importCases, type TImportRow } from '../cases/import-cases.service.ts';
import { openImportTable } from './import-file.ts';
import { ImportRowErrors, runImport } from './run-import.ts';

const dir = mkdtempSync(join(tmpdir(), 'api-import-same-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cal = chinaWorkCalendar();
/** More rows than a batch of the file import, so that several batches (and their rollups) are written. */
const ROWS = 4_500;
const ALREADY_STORED = 25;

interface TCsvCase {
  code: string;
  matter: string;
  staff: string;
  applicant: string;
  phone: string;
  receivedOn: string;
  decidedOn: string;
  decision: string;
  notifiedOn: string;
  pickedUpOn: string;
}

/** Varied cases: on time, late (proposals), undecided, notified late, picked up, immediate, 暂定. */
function csvCases(staffNames: readonly string[]): TCsvCase[] {
  const out: TCsvCase[] = [];
  let day = '2026-01-05';
  for (let i = 0; i < ROWS; i++) {
    if (i % 25 === 0) day = cal.addWorkingDays(day, 1);
    const kind = i % 9;
    const matter = kind === 7 ? '即办事项' : kind === 8 ? '长时限事项' : '不动产转移登记';
    const receivedOn = kind === 8 ? cal.addWorkingDays('2026-11-10', i % 7) : day;
    const late = i % 4 === 0 ? 6 : 2;
    const decidedOn =
      kind === 3 || kind === 8 ? '' : kind === 7 ? receivedOn : cal.addWorkingDays(receivedOn, late);
    out.push({
      code: `S${String(i).padStart(7, '0')}`,
      matter,
      staff: staffNames[i % staffNames.length]!,
      applicant: `申请人${i}`,
      phone: i % 3 === 0 ? '' : `1380000${String(i).padStart(4, '0')}`,
      receivedOn,
      decidedOn,
      // decided ones are approved here (a refusal, with its 不予许可理由, is tested beside the other kinds)
      decision: decidedOn === '' || i % 10 === 5 ? '' : '予以批准',
      notifiedOn: decidedOn !== '' && i % 5 === 1 ? cal.addWorkingDays(decidedOn, i % 2 === 0 ? 1 : 4) : '',
      pickedUpOn: decidedOn !== '' && i % 5 === 1 && i % 3 === 0 ? cal.addWorkingDays(decidedOn, 5) : '',
    });
  }
  return out;
}

/** Every row the import writes, by acceptance code, without the ids and the time they were written. */
async function writtenRows(db: Db) {
  const cases = await db.selectFrom('cases').selectAll().orderBy('acceptance_code').execute();
  const events = await db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['c.acceptance_code', 'e.center_id', 'e.kind', 'e.day', 'e.payload', 'e.user_id'])
    .orderBy('c.acceptance_code')
    .orderBy('e.id')
    .execute();
  const proposals = await db
    .selectFrom('case_sanction_proposals as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select([
      'c.acceptance_code',
      'p.center_id',
      'p.staff_id',
      'p.item',
      'p.qty',
      'p.day',
      'p.reason',
      'p.status',
    ])
    .orderBy('c.acceptance_code')
    .orderBy('p.id')
    .execute();
  const daily = await db.selectFrom('case_daily').selectAll().orderBy('window_id').orderBy('day').execute();
  const withoutIds = (r: object) => {
    const { id: _id, version: _version, created_at: _createdAt, ...rest } = r as Record<string, unknown>;
    return rest;
  };
  return {
    cases: cases.map(withoutIds),
    events,
    proposals,
    daily: daily.map(withoutIds),
  };
}

describe.each(TEST_DIALECTS)('importing cases from a file on %s', (dialect) => {
  let file: TApiSetup;
  let perRow: TApiSetup;
  let rows: TCsvCase[];
  beforeAll(async () => {
    [file, perRow] = [await setupApi(dialect), await setupApi(dialect)];
    for (const s of [file, perRow]) {
      await insertMatter(s.t.db, {
        centerId: s.f.centerId,
        unitId: s.f.unitId,
        name: '不动产转移登记',
        type: 'promised',
        promisedDays: 3,
      });
      await insertMatter(s.t.db, {
        centerId: s.f.centerId,
        unitId: s.f.unitId,
        name: '即办事项',
        type: 'immediate',
        promisedDays: 0,
      });
      await insertMatter(s.t.db, {
        centerId: s.f.centerId,
        unitId: s.f.unitId,
        name: '长时限事项',
        type: 'promised',
        promisedDays: 40,
      });
    }
    rows = csvCases(file.f.staff.map((p) => p.name));
  }, 120_000);
  afterAll(async () => {
    await file?.t.destroy();
    await perRow?.t.destroy();
  });

  const importRow = (r: TCsvCase, matters: readonly TMatter[], s: TApiSetup): TImportRow => ({
    acceptanceCode: r.code,
    matterId: matters.find((m) => m.name === r.matter)!.id,
    staffId: s.f.staff.find((p) => p.name === r.staff)!.id,
    applicantName: r.applicant,
    applicantPhone: r.phone || undefined,
    receivedOn: r.receivedOn,
    decidedOn: r.decidedOn || undefined,
    decision: r.decision === '' ? undefined : r.decision === '不予许可' ? 'refused' : 'approved',
    notifiedOn: r.notifiedOn || undefined,
    pickedUpOn: r.pickedUpOn || undefined,
  });

  const writeCsv = (name: string, list: readonly TCsvCase[]) => {
    const path = join(dir, name);
    writeFileSync(
      path,
      `受理编号,事项名称,受理人,申请人,联系电话,收件日期,办结日期,办理结果,通知日期,取件日期\n${list
        .map((r) =>
          [
            r.code,
            r.matter,
            r.staff,
            r.applicant,
            r.phone,
            r.receivedOn,
            r.decidedOn,
            r.decision,
            r.notifiedOn,
            r.pickedUpOn,
          ].join(','),
        )
        .join('\n')}\n`,
    );
    return path;
  };

  it('writes nothing when a row of a later batch is bad, and names a code repeated batches apart', async () => {
    const before = await writtenRows(file.t.db);
    const bad = rows.map((r, i) =>
      i === 4_200 ? { ...r, code: rows[7]!.code } : i === 4_300 ? { ...r, staff: '无此人' } : r,
    );
    const path = writeCsv(`cases-bad-${dialect}.csv`, bad);
    let refusal: unknown;
    try {
      await runImport(file.t.db, file.users.admin, TODAY, 'cases', await openImportTable(path, 'bad.csv'), {
        isDryRun: false,
      });
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(ImportRowErrors);
    expect((refusal as ImportRowErrors).errors).toEqual([
      { line: 4_202, column: '受理编号', message: `受理编号 ${rows[7]!.code} 在文件中重复` },
      { line: 4_302, column: '受理人', message: '没有名为「无此人」的在岗工作人员' },
    ]);
    // the first two batches were written inside the transaction, and rolled back with it
    expect(await writtenRows(file.t.db)).toEqual(before);
  }, 300_000);

  it('writes exactly the rows that entering each case through the case rules one by one writes', async () => {
    const mattersOf = (s: TApiSetup) => listMatters(s.t.db, { centerId: s.f.centerId });
    // a few cases stored before, in both: the file skips them, the per-row path is not given them
    for (const s of [file, perRow]) {
      const matters = await mattersOf(s);
      await importCases(
        s.t.db,
        s.users.admin,
        TODAY,
        rows.slice(0, ALREADY_STORED).map((r) => importRow(r, matters, s)),
      );
    }
    const path = writeCsv(`cases-${dialect}.csv`, rows);
    const result = await runImport(
      file.t.db,
      file.users.admin,
      TODAY,
      'cases',
      await openImportTable(path, 'cases.csv'),
      { isDryRun: false },
    );
    const matters = await mattersOf(perRow);
    const one = await importCases(
      perRow.t.db,
      perRow.users.admin,
      TODAY,
      rows.slice(ALREADY_STORED).map((r) => importRow(r, matters, perRow)),
    );
    expect(result.counts).toMatchObject({
      rows: ROWS,
      skipped: ALREADY_STORED,
      imported: one.imported,
      decided: one.decided,
      proposals: one.proposals,
    });
    // the variety the comparison rests on
    expect(one.proposals).toBeGreaterThan(100);
    const a = await writtenRows(file.t.db);
    const b = await writtenRows(perRow.t.db);
    expect(a.cases).toHaveLength(ROWS);
    expect(new Set(a.cases.map((c) => c.stage)).size).toBeGreaterThanOrEqual(3);
    expect(a.cases.some((c) => Number(c.is_deadline_provisional) === 1)).toBe(true);
    expect(a.cases.some((c) => Number(c.is_notified_late) === 1)).toBe(true);
    expect(a.cases).toEqual(b.cases);
    expect(a.events).toEqual(b.events);
    expect(a.proposals).toEqual(b.proposals);
    expect(a.daily).toEqual(b.daily);
  }, 300_000);
});
