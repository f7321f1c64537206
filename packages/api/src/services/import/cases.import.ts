import {
  type Db,
  insertImportedCases,
  listMatters,
  listStaff,
  openImportCodeSet,
  type TImportedCaseRows,
  type TNewCase,
  type TUser,
  takenAcceptanceCodes,
} from '@chuangkou/db';
import {
  buildImportedCase,
  CASE_DECISION_LABELS,
  isIsoDate,
  RulesError,
  type TCaseRules,
} from '@chuangkou/rules';
import { DomainError } from '../../errors.ts';
import { ZImportCaseRow } from '../../routers/cases/case.schemas.ts';
import { centerCalendar } from '../calendar.service.ts';
import { resolveHandler } from '../cases/case-access.ts';
import { caseRulesByDate } from '../cases/case-rules.ts';
import type { TImportRow } from '../cases/import-cases.service.ts';
import { scopeOf } from '../scope.ts';
import type { RowErrorList, TColumn, TRow, TRowBatches } from './import-columns.ts';

export const CASE_COLUMNS: TColumn[] = [
  {
    key: 'code',
    header: '受理编号',
    aliases: ['受理编码'],
    isRequired: true,
    example: '2026110300000001',
  },
  { key: 'matter', header: '事项名称', isRequired: true, example: '不动产转移登记' },
  { key: 'staff', header: '受理人', isRequired: true, example: '' },
  { key: 'applicant', header: '申请人', isRequired: true, example: '王小明' },
  { key: 'phone', header: '联系电话', isRequired: false, example: '13800000000' },
  { key: 'receivedOn', header: '收件日期', isRequired: true, example: '2026-11-02' },
  { key: 'completeOn', header: '材料补齐日期', isRequired: false, example: '' },
  { key: 'decidedOn', header: '办结日期', isRequired: false, example: '2026-11-04' },
  { key: 'decision', header: '办理结果', isRequired: false, example: '予以批准' },
  // the written reasons of a refusal (several separated by ；or ;); an older file without the column imports
  { key: 'reasons', header: '不予许可理由', isRequired: false, example: '' },
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
  reasons: 'reasons',
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

/** Rows written together: one statement set (and one rollup update) per batch. */
const BATCH = 2_000;

export interface TCaseImportCounts {
  rows: number;
  imported: number;
  skipped: number;
  decided: number;
  proposals: number;
}

interface TPending {
  line: number;
  code: string;
  /** null when the row is bad (its code still counts for the duplicates of later rows) */
  rows: TImportedCaseRows | null;
}

/**
 * A platform export of cases: the matter by its name in the catalog, the person who accepted it by name
 * (a name two people share is refused), dates as YYYY-MM-DD. Each row goes through the case rules
 * (`buildImportedCase`: the deadline, the flags, the day counts and the overdue proposals, as if entered
 * at the window step by step) as the file streams in; rows are written in batches. A row whose
 * acceptance code is already stored is skipped (importing the same file again changes nothing); a code
 * twice in the file is a bad row. The codes read so far are kept in a temporary table, not in memory.
 * Once a row is bad nothing more is written, but every row is still checked so that all bad rows are
 * reported; the caller rolls the transaction back.
 */
export async function importCaseRows(
  db: Db,
  user: TUser,
  today: string,
  rows: TRowBatches,
  errors: RowErrorList,
  onProgress: (rows: number) => void = () => {},
): Promise<TCaseImportCounts> {
  const matters = await listMatters(db, { centerId: user.centerId });
  const staff = await listStaff(db, { centerId: user.centerId });
  const matterByName = new Map(matters.map((m) => [m.name, m.id]));
  const matterById = new Map(matters.map((m) => [m.id, m]));
  const staffByName = new Map<string, number[]>();
  for (const s of staff) staffByName.set(s.name, [...(staffByName.get(s.name) ?? []), s.id]);
  const cal = await centerCalendar(db, user.centerId);
  const scope = await scopeOf(db, user);
  const rulesByDate = caseRulesByDate(db, user.centerId);
  const rules = new Map<string, TCaseRules>();
  const handlers = new Map<number, { staffId: number; windowId: number } | Error>();
  const codes = await openImportCodeSet(db);
  const counts: TCaseImportCounts = { rows: 0, imported: 0, skipped: 0, decided: 0, proposals: 0 };
  let batch: TPending[] = [];

  const flush = async () => {
    const pending = batch;
    batch = [];
    if (pending.length === 0) return;
    const fresh = await codes.record([...new Set(pending.map((p) => p.code))]);
    const inBatch = new Set<string>();
    const good: TPending[] = [];
    for (const p of pending) {
      if (inBatch.has(p.code) || !fresh.has(p.code)) {
        errors.add({ line: p.line, column: '受理编号', message: `受理编号 ${p.code} 在文件中重复` });
        continue;
      }
      inBatch.add(p.code);
      if (p.rows) good.push(p);
    }
    if (errors.count > 0) return;
    const taken = await takenAcceptanceCodes(
      db,
      good.map((p) => p.code),
    );
    const written = good.filter((p) => !taken.has(p.code)).map((p) => p.rows!);
    counts.skipped += good.length - written.length;
    await insertImportedCases(db, written);
    counts.imported += written.length;
    for (const w of written) {
      if (w.case.decidedOn) counts.decided++;
      counts.proposals += w.proposals.length;
    }
  };

  for await (const read of rows)
    for (const row of read) {
      counts.rows++;
      // a row without its required cells is only reported (its code, if any, is not a code yet)
      if (row.isBad()) continue;
      const record = caseRecord(row, matterByName, staffByName);
      if (record === null || row.isBad()) {
        batch.push({ line: row.line, code: row.get('code'), rows: null });
      } else {
        batch.push({
          line: row.line,
          code: record.acceptanceCode!,
          // awaited only when a person or a decision day is met for the first time
          rows: caseRows(
            record,
            row.line,
            handlers.get(record.staffId) ?? (await handlerOf(record)),
            record.decidedOn ? (rules.get(record.decidedOn) ?? (await rulesFor(record))) : undefined,
          ),
        });
      }
      if (batch.length >= BATCH) {
        await flush();
        onProgress(counts.rows);
      }
    }
  await flush();
  await codes.close();
  onProgress(counts.rows);
  return counts;

  /** The person and window of a record's staff member (read once per person), or why not. */
  function handlerOf(r: TImportRow) {
    const known = handlers.get(r.staffId);
    if (known) return known;
    const h = resolveHandler(db, user, scope, r, 'cases[0].staffId').catch((e: unknown) =>
      e instanceof Error ? e : new Error(String(e)),
    );
    return h.then((x) => {
      handlers.set(r.staffId, x);
      return x;
    });
  }

  /** The case rules in force on a record's decision day (read once per day). */
  function rulesFor(r: TImportRow): TCaseRules | undefined | Promise<TCaseRules> {
    if (!r.decidedOn) return undefined;
    const known = rules.get(r.decidedOn);
    if (known) return known;
    const day = r.decidedOn;
    return rulesByDate(day).then((x) => {
      rules.set(day, x);
      return x;
    });
  }

  /** The rows a good record writes, or null (the row's error added) when the rules refuse it. */
  function caseRows(
    r: TImportRow,
    line: number,
    h: { staffId: number; windowId: number } | Error,
    rulesOfDay: TCaseRules | undefined,
  ): TImportedCaseRows | null {
    const matter = matterById.get(r.matterId)!;
    try {
      if (h instanceof Error) throw h;
      const built = buildImportedCase(
        {
          type: matter.type,
          promisedDays: matter.promisedDays,
          matterId: matter.id,
          matterDepartments: matter.relatedDepartments,
          matterMaterials: matter.materials,
          staffId: h.staffId,
          receivedOn: r.receivedOn,
          missing: r.missing,
          materialsCompleteOn: r.materialsCompleteOn,
          decidedOn: r.decidedOn,
          decision: r.decision,
          reasons: r.reasons,
          notifiedOn: r.notifiedOn,
          pickedUpOn: r.pickedUpOn,
        },
        cal,
        today,
        () => rulesOfDay!,
      );
      const s = built.state;
      const newCase: TNewCase = {
        centerId: user.centerId,
        unitId: matter.unitId,
        windowId: h.windowId,
        staffId: h.staffId,
        matterId: matter.id,
        type: matter.type,
        stage: s.stage,
        acceptanceCode: r.acceptanceCode!,
        queryPasswordHash: null,
        applicantName: r.applicantName,
        applicantPhone: r.applicantPhone ?? '',
        handlerPhone: matter.inquiryPhone,
        receivedOn: r.receivedOn,
        acceptedOn: s.acceptedOn,
        promisedDays: matter.promisedDays,
        deadline: s.deadline,
        isDeadlineProvisional: built.isDeadlineProvisional,
        supplementCount: s.supplementCount,
        missingMaterials: s.missingMaterials,
        isOneTimeNotificationFailed: s.flags.includes('oneTimeNotificationFailed'),
        isNotifiedLate: s.flags.includes('notifiedLate'),
        decision: s.decision,
        returnReasons: s.returnReasons,
        notifiedOn: s.notifiedOn,
        pickedUpOn: s.pickedUpOn,
        acceptedByUser: user.id,
        ...built.decisionDays,
      };
      return {
        case: newCase,
        events: built.events.map((e) => ({ centerId: user.centerId, userId: user.id, ...e })),
        proposals: built.proposals.map((p) => ({
          centerId: user.centerId,
          staffId: h.staffId,
          item: p.item,
          qty: p.qty,
          day: p.date,
          reason: p.reason,
        })),
      };
    } catch (e) {
      const error = rowErrorOf(e instanceof RulesError ? e.within('cases[0]') : e, [{ line }]);
      if (!error) throw e;
      errors.add(error);
      return null;
    }
  }
}

function caseRecord(
  row: TRow,
  matterByName: Map<string, number>,
  staffByName: Map<string, number[]>,
): TImportRow | null {
  if (row.isBad()) return null;
  const code = row.get('code');
  const matterId = matterByName.get(row.get('matter'));
  if (matterId === undefined) row.fail('matter', `事项目录中没有「${row.get('matter')}」`);
  const ids = staffByName.get(row.get('staff')) ?? [];
  if (ids.length === 0) row.fail('staff', `没有名为「${row.get('staff')}」的在岗工作人员`);
  if (ids.length > 1) row.fail('staff', `「${row.get('staff')}」有重名，无法确定是哪一位`);
  for (const k of DATE_KEYS) {
    const v = row.get(k);
    if (v !== '' && !isIsoDate(v)) row.fail(k, `日期无效：${v}（格式 YYYY-MM-DD）`);
  }
  const decisionText = row.get('decision');
  const decision = decisionText === '' ? undefined : DECISIONS.get(decisionText);
  if (decisionText !== '' && decision === undefined)
    row.fail('decision', `无法识别的办理结果「${decisionText}」`);
  const reasonsText = row.get('reasons');
  const reasons =
    reasonsText === ''
      ? []
      : reasonsText
          .split(/[；;]/)
          .map((r) => r.trim())
          .filter((r) => r !== '');
  if (reasons.length > 0 && decision !== 'refused')
    row.fail('reasons', '仅办理结果为不予许可（不予批准）的办件填写理由');
  if (matterId === undefined || ids.length !== 1) return null;
  const parsed = ZImportCaseRow.safeParse({
    acceptanceCode: code,
    matterId,
    staffId: ids[0],
    applicantName: row.get('applicant'),
    applicantPhone: optional(row, 'phone'),
    receivedOn: row.get('receivedOn'),
    materialsCompleteOn: optional(row, 'completeOn'),
    decidedOn: optional(row, 'decidedOn'),
    decision,
    reasons: reasons.length > 0 ? reasons : undefined,
    notifiedOn: optional(row, 'notifiedOn'),
    pickedUpOn: optional(row, 'pickedUpOn'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    row.fail(COLUMN_OF_FIELD[String(issue?.path[0])] ?? 'code', issue?.message ?? '无效');
    return null;
  }
  return parsed.data;
}

/** A cell, or undefined when it is empty. */
function optional(row: TRow, key: string): string | undefined {
  const v = row.get(key);
  return v === '' ? undefined : v;
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
