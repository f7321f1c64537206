import { type TImportCaseRow, ZImportCaseRow } from '@chuangkou/api';
import type { Db, TUser } from '@chuangkou/db';
import { listMatters, listStaff, takenAcceptanceCodes } from '@chuangkou/db';
import { CASE_DECISION_LABELS, isIsoDate } from '@chuangkou/rules';
import { FileRefusal, type TTable } from './table-file.ts';

/** A column of an import kind: its Chinese header, whether it is required, and the template's example. */
export interface TColumn {
  key: string;
  header: string;
  required: boolean;
  example: string;
}

/** A bad row: `第N行 列名: 说明` (N counts the header as row 1, as a spreadsheet does). */
export interface TRowError {
  line: number;
  column: string;
  message: string;
}

export const CASE_COLUMNS: TColumn[] = [
  { key: 'code', header: '受理编号', required: true, example: '2026110300000001' },
  { key: 'matter', header: '事项名称', required: true, example: '不动产转移登记' },
  { key: 'staff', header: '受理人', required: true, example: '' },
  { key: 'applicant', header: '申请人', required: true, example: '王小明' },
  { key: 'phone', header: '联系电话', required: false, example: '13800000000' },
  { key: 'receivedOn', header: '收件日期', required: true, example: '2026-11-02' },
  { key: 'completeOn', header: '材料补齐日期', required: false, example: '' },
  { key: 'decidedOn', header: '办结日期', required: false, example: '2026-11-04' },
  { key: 'decision', header: '办理结果', required: false, example: '予以批准' },
  { key: 'notifiedOn', header: '通知日期', required: false, example: '' },
  { key: 'pickedUpOn', header: '取件日期', required: false, example: '' },
];

export const CALENDAR_COLUMNS: TColumn[] = [
  { key: 'date', header: '日期', required: true, example: '2027-01-01' },
  { key: 'kind', header: '类型', required: true, example: '放假' },
  { key: 'name', header: '节日名称', required: true, example: '元旦' },
];

/** The column index of each key, or a refusal naming the missing headers (a file of another kind). */
export function mapHeader(table: TTable, columns: readonly TColumn[], file: string): Map<string, number> {
  const at = new Map<string, number>();
  const missing: string[] = [];
  for (const c of columns) {
    const i = table.header.indexOf(c.header);
    if (i >= 0) at.set(c.key, i);
    else if (c.required) missing.push(c.header);
  }
  if (missing.length > 0) {
    throw new FileRefusal(`${file}：表头不符，缺少列 ${missing.join('、')}（可用 --template 下载模板）`);
  }
  if (table.rows.length === 0) throw new FileRefusal(`${file}：只有表头，没有数据行`);
  return at;
}

/** Reads the rows with a per-row converter, collecting every bad row instead of stopping at the first. */
export function eachRow<T>(
  table: TTable,
  at: Map<string, number>,
  columns: readonly TColumn[],
  convert: (get: (key: string) => string, fail: (key: string, message: string) => void) => T | null,
): { records: { line: number; record: T }[]; errors: TRowError[] } {
  const header = new Map(columns.map((c) => [c.key, c.header]));
  const records: { line: number; record: T }[] = [];
  const errors: TRowError[] = [];
  table.rows.forEach((cells, i) => {
    const line = i + 2;
    let isBad = false;
    const get = (key: string) => {
      const idx = at.get(key);
      return idx === undefined ? '' : (cells[idx] ?? '').trim();
    };
    const fail = (key: string, message: string) => {
      isBad = true;
      errors.push({ line, column: header.get(key) ?? key, message });
    };
    for (const c of columns) if (c.required && get(c.key) === '') fail(c.key, '必填');
    if (isBad) return;
    const record = convert(get, fail);
    if (!isBad && record !== null) records.push({ line, record });
  });
  return { records, errors };
}

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

/**
 * A platform export of cases as the API's import rows: the matter by its name in the catalog, the
 * person who accepted it by name (a name two people share is refused: give the window), dates as
 * YYYY-MM-DD. A row whose acceptance code is already stored is skipped: importing the same file again
 * changes nothing.
 */
export async function caseRows(db: Db, user: TUser, table: TTable, at: Map<string, number>) {
  const matters = await listMatters(db, { centerId: user.centerId });
  const staff = await listStaff(db, { centerId: user.centerId });
  const matterByName = new Map(matters.map((m) => [m.name, m.id]));
  const staffByName = new Map<string, number[]>();
  for (const s of staff) staffByName.set(s.name, [...(staffByName.get(s.name) ?? []), s.id]);
  const seen = new Set<string>();
  const parsed = eachRow<TImportCaseRow>(table, at, CASE_COLUMNS, (get, fail) => {
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
    const row = ZImportCaseRow.safeParse({
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
    if (!row.success) {
      const issue = row.error.issues[0];
      fail(COLUMN_OF_FIELD[String(issue?.path[0])] ?? 'code', issue?.message ?? '无效');
      return null;
    }
    return row.data;
  });
  const taken = await takenAcceptanceCodes(
    db,
    parsed.records.map((r) => r.record.acceptanceCode!),
  );
  const fresh = parsed.records.filter((r) => !taken.has(r.record.acceptanceCode!));
  return { records: fresh, skipped: parsed.records.length - fresh.length, errors: parsed.errors };
}

/** A year's schedule per year of the file: 类型 放假 (a day off) or 上班 (a 调休 working day). */
export function calendarRows(table: TTable, at: Map<string, number>) {
  const parsed = eachRow<{ date: string; kind: 'holiday' | 'workday'; name: string }>(
    table,
    at,
    CALENDAR_COLUMNS,
    (get, fail) => {
      const date = get('date');
      if (!isIsoDate(date)) fail('date', `日期无效：${date}（格式 YYYY-MM-DD）`);
      const kindText = get('kind');
      const kind = ['放假', '休息', '假日'].includes(kindText)
        ? 'holiday'
        : ['上班', '调休上班', '补班'].includes(kindText)
          ? 'workday'
          : null;
      if (kind === null) fail('kind', `类型须为「放假」或「上班」，收到「${kindText}」`);
      return kind === null ? null : { date, kind, name: get('name') };
    },
  );
  type TDay = { date: string; name: string };
  const years = new Map<
    number,
    { holidays: TDay[]; workdays: TDay[]; holidayLines: number[]; workdayLines: number[] }
  >();
  for (const { line, record } of parsed.records) {
    const y = Number(record.date.slice(0, 4));
    const entry = years.get(y) ?? { holidays: [], workdays: [], holidayLines: [], workdayLines: [] };
    const day = { date: record.date, name: record.name };
    if (record.kind === 'holiday') {
      entry.holidays.push(day);
      entry.holidayLines.push(line);
    } else {
      entry.workdays.push(day);
      entry.workdayLines.push(line);
    }
    years.set(y, entry);
  }
  return { years, errors: parsed.errors };
}
