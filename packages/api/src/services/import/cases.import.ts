import { type Db, listMatters, listStaff, type TUser, takenAcceptanceCodes } from '@chuangkou/db';
import { CASE_DECISION_LABELS, isIsoDate, RulesError } from '@chuangkou/rules';
import { DomainError } from '../../errors.ts';
import { ZImportCaseRow } from '../../routers/cases/case.schemas.ts';
import { importCases, type TImportRow } from '../cases/import-cases.service.ts';
import type { RowErrorList, TColumn, TRow } from './import-columns.ts';

export const CASE_COLUMNS: TColumn[] = [
  { key: 'code', header: '受理编号', isRequired: true, example: '2026110300000001' },
  { key: 'matter', header: '事项名称', isRequired: true, example: '不动产转移登记' },
  { key: 'staff', header: '受理人', isRequired: true, example: '' },
  { key: 'applicant', header: '申请人', isRequired: true, example: '王小明' },
  { key: 'phone', header: '联系电话', isRequired: false, example: '13800000000' },
  { key: 'receivedOn', header: '收件日期', isRequired: true, example: '2026-11-02' },
  { key: 'completeOn', header: '材料补齐日期', isRequired: false, example: '' },
  { key: 'decidedOn', header: '办结日期', isRequired: false, example: '2026-11-04' },
  { key: 'decision', header: '办理结果', isRequired: false, example: '予以批准' },
  { key: 'notifiedOn', header: '通知日期', isRequired: false, example: '' },
  { key: 'pickedUpOn', header: '取件日期', isRequired: false, example: '' },
];

/** The column of a field of the API's import row. */
const COLUMN_OF_FIELD: Record<string, string> = {
  acceptanceCode: 'code',
  applicantName: 'applicant',
  applicantPhone: 'phone',
  receivedOn: 'receivedOn',
  materialsCompleteOn: 'completeOn',
  decidedOn: 'decidedOn',
  notifiedOn: 'notifiedOn',
  pickedUpOn: 'pickedUpOn',
};

const DATE_KEYS = ['receivedOn', 'completeOn', 'decidedOn', 'notifiedOn', 'pickedUpOn'] as const;
const DECISIONS = new Map<string, 'approved' | 'refused'>([
  [CASE_DECISION_LABELS.approved.zh, 'approved'],
  ['准予', 'approved'],
  ['批准', 'approved'],
  ['办结', 'approved'],
  [CASE_DECISION_LABELS.refused.zh, 'refused'],
  ['不予', 'refused'],
  ['不予许可', 'refused'],
]);

/** Rows checked and written together: a chunk's codes are looked up in one query, its cases inserted together. */
const CHUNK = 5_000;

export interface TCaseImportCounts {
  rows: number;
  imported: number;
  skipped: number;
  decided: number;
  proposals: number;
}

/**
 * A platform export of cases: the matter by its name in the catalog, the person who accepted it by name
 * (a name two people share is refused), dates as YYYY-MM-DD. Rows are read, checked and written in
 * chunks as the file streams in; a row whose acceptance code is already stored is skipped (importing the
 * same file again changes nothing). Once a row is bad nothing more is written, but every row is still
 * checked so that all bad rows are reported; the caller rolls the transaction back.
 */
export async function importCaseRows(
  db: Db,
  user: TUser,
  today: string,
  rows: AsyncIterable<TRow>,
  errors: RowErrorList,
  onProgress: (rows: number) => void = () => {},
): Promise<TCaseImportCounts> {
  const matters = await listMatters(db, { centerId: user.centerId });
  const staff = await listStaff(db, { centerId: user.centerId });
  const matterByName = new Map(matters.map((m) => [m.name, m.id]));
  const staffByName = new Map<string, number[]>();
  for (const s of staff) staffByName.set(s.name, [...(staffByName.get(s.name) ?? []), s.id]);
  const seen = new Set<string>();
  const counts: TCaseImportCounts = { rows: 0, imported: 0, skipped: 0, decided: 0, proposals: 0 };
  let chunk: { line: number; record: TImportRow }[] = [];

  const flush = async () => {
    const batch = chunk;
    chunk = [];
    if (batch.length === 0 || errors.count > 0) return;
    const taken = await takenAcceptanceCodes(
      db,
      batch.map((r) => r.record.acceptanceCode!),
    );
    const fresh = batch.filter((r) => !taken.has(r.record.acceptanceCode!));
    counts.skipped += batch.length - fresh.length;
    try {
      const r = await importCases(
        db,
        user,
        today,
        fresh.map((x) => x.record),
      );
      counts.imported += r.imported;
      counts.decided += r.decided;
      counts.proposals += r.proposals;
    } catch (e) {
      const row = rowErrorOf(e, fresh);
      if (!row) throw e;
      errors.add(row);
    }
  };

  for await (const row of rows) {
    counts.rows++;
    const record = caseRecord(row, matterByName, staffByName, seen);
    if (record !== null && !row.isBad()) chunk.push({ line: row.line, record });
    if (chunk.length >= CHUNK) {
      await flush();
      onProgress(counts.rows);
    }
  }
  await flush();
  onProgress(counts.rows);
  return counts;
}

function caseRecord(
  row: TRow,
  matterByName: Map<string, number>,
  staffByName: Map<string, number[]>,
  seen: Set<string>,
): TImportRow | null {
  const { get, fail } = row;
  if (row.isBad()) return null;
  const code = get('code');
  if (seen.has(code)) fail('code', `受理编号 ${code} 在文件中重复`);
  seen.add(code);
  const matterId = matterByName.get(get('matter'));
  if (matterId === undefined) fail('matter', `事项目录中没有「${get('matter')}」`);
  const ids = staffByName.get(get('staff')) ?? [];
  if (ids.length === 0) fail('staff', `没有名为「${get('staff')}」的在岗工作人员`);
  if (ids.length > 1) fail('staff', `「${get('staff')}」有重名，无法确定是哪一位`);
  for (const k of DATE_KEYS) {
    const v = get(k);
    if (v !== '' && !isIsoDate(v)) fail(k, `日期无效：${v}（格式 YYYY-MM-DD）`);
  }
  const decisionText = get('decision');
  const decision = decisionText === '' ? undefined : DECISIONS.get(decisionText);
  if (decisionText !== '' && decision === undefined)
    fail('decision', `无法识别的办理结果「${decisionText}」`);
  if (matterId === undefined || ids.length !== 1) return null;
  const opt = (k: string) => (get(k) === '' ? undefined : get(k));
  const parsed = ZImportCaseRow.safeParse({
    acceptanceCode: code,
    matterId,
    staffId: ids[0],
    applicantName: get('applicant'),
    applicantPhone: opt('phone'),
    receivedOn: get('receivedOn'),
    materialsCompleteOn: opt('completeOn'),
    decidedOn: opt('decidedOn'),
    decision,
    notifiedOn: opt('notifiedOn'),
    pickedUpOn: opt('pickedUpOn'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(COLUMN_OF_FIELD[String(issue?.path[0])] ?? 'code', issue?.message ?? '无效');
    return null;
  }
  return parsed.data;
}

/** A rules or domain refusal `cases[i].field` of a chunk, named by its line and column. */
function rowErrorOf(e: unknown, batch: readonly { line: number }[]) {
  const field = e instanceof DomainError ? e.field : e instanceof RulesError ? e.path : undefined;
  const message = e instanceof DomainError ? e.message : e instanceof RulesError ? e.detailZh : null;
  const m = field ? /^cases\[(\d+)\]\.?(.*)$/.exec(field) : null;
  if (!m || message === null) return null;
  const key =
    { acceptanceCode: 'code', applicantName: 'applicant', materialsCompleteOn: 'completeOn' }[m[2] ?? ''] ??
    m[2];
  const header = CASE_COLUMNS.find((c) => key?.startsWith(c.key))?.header ?? m[2] ?? '';
  return { line: batch[Number(m[1])]?.line ?? 0, column: header, message: message.replace(/^[^：]*：/, '') };
}

/** An example case row that imports cleanly into the center: its first matter and a person of its unit. */
export async function caseExample(db: Db, centerId: number, today: string): Promise<Record<string, string>> {
  const matter = (await listMatters(db, { centerId })).find((m) => m.type !== 'immediate');
  const person = matter && (await listStaff(db, { centerId, unitId: matter.unitId }))[0];
  if (!matter || !person) return {};
  return {
    code: `T${today.replaceAll('-', '')}0001`,
    matter: matter.name,
    staff: person.name,
    receivedOn: today,
    decidedOn: '',
    decision: '',
  };
}
