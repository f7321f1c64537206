/**
 * `import <kind> FILE [--dry-run] [--center CODE] [--as USERNAME]` imports a spreadsheet (CSV in UTF-8
 * or GB18030, or XLSX) into the center: `cases` (a platform export) and `calendar` (a year's holidays
 * and 调休 working days). A dry run writes nothing and prints every bad row as `第N行 列名: 说明`
 * (exit 1), or a summary (exit 0). A commit is all or nothing, in one transaction with its audit
 * entry; rows already stored (same acceptance code, same year's schedule) change nothing.
 * `import <kind> --template FILE` writes the kind's XLSX template (Chinese header, an example row).
 */
import { resolve } from 'node:path';
import { audit, DomainError, enterCalendarYear, importCases } from '@chuangkou/api';
import {
  type Db,
  listCenters,
  listMatters,
  listStaff,
  listUsers,
  migrateToLatest,
  openDatabase,
  type TUser,
} from '@chuangkou/db';
import { isIsoDate, RulesError } from '@chuangkou/rules';
import ExcelJS from 'exceljs';
import {
  CALENDAR_COLUMNS,
  CASE_COLUMNS,
  calendarRows,
  caseRows,
  mapHeader,
  type TColumn,
  type TRowError,
} from '../import/kinds.ts';
import { commitRoster, ROSTER_COLUMNS } from '../import/roster.ts';
import { FileRefusal, readTable } from '../import/table-file.ts';
import { repoRoot } from '../repo-root.ts';

export const IMPORT_USAGE = `用法 usage:
  import cases|calendar|roster FILE [--dry-run] [--center CODE] [--as USERNAME]   导入（CSV UTF-8/GB18030 或 XLSX），全部成功或全部不写入
  import cases|calendar|roster --template FILE                               写出该类的 XLSX 模板
`;

const KINDS = { cases: CASE_COLUMNS, calendar: CALENDAR_COLUMNS, roster: ROSTER_COLUMNS } as const;
type TKind = keyof typeof KINDS;

class UsageError extends Error {}
/** Thrown inside the transaction of a dry run once everything passed: rolls it back. */
class DryRunDone extends Error {
  constructor(readonly summary: string) {
    super('dry run');
  }
}

const rowLine = (e: TRowError) => `第${e.line}行 ${e.column}: ${e.message}`;
const BATCH = 5_000;

function options(args: readonly string[]): {
  file?: string;
  dryRun: boolean;
  template?: string;
  flags: Record<string, string>;
} {
  const out: { file?: string; dryRun: boolean; template?: string; flags: Record<string, string> } = {
    dryRun: false,
    flags: {},
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dry-run') out.dryRun = true;
    else if (a === '--template' || a === '--center' || a === '--as') {
      const v = args[++i];
      if (!v) throw new UsageError(`${a} 缺少取值`);
      if (a === '--template') out.template = v;
      else out.flags[a.slice(2)] = v;
    } else if (a.startsWith('--')) throw new UsageError(`未知参数 ${a}`);
    else if (out.file === undefined) out.file = a;
    else throw new UsageError(`多余的参数 ${a}`);
  }
  return out;
}

async function writeTemplate(kind: TKind, file: string, example: Partial<Record<string, string>>) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet({ cases: '办件导入', calendar: '节假日安排', roster: '人员名册' }[kind]);
  const columns: TColumn[] = KINDS[kind];
  sheet.addRow(columns.map((c) => (c.required ? `*${c.header}` : c.header))).font = { bold: true };
  sheet.addRow(columns.map((c) => example[c.key] ?? c.example));
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, c.header.length * 2 + 4);
  });
  await wb.xlsx.writeFile(file);
}

/** An example case row that imports cleanly into the center: its first matter and a person of its unit. */
async function caseExample(db: Db, centerId: number, today: string): Promise<Record<string, string>> {
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

/** Runs `import …`; returns the exit code. `env`: DATA_DIR / DATABASE_URL, TODAY, INIT_CWD. */
export async function runImport(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [kind, ...rest] = argv;
  if (kind === undefined || kind === '--help' || kind === '-h') {
    process.stdout.write(IMPORT_USAGE);
    return kind === undefined ? 1 : 0;
  }
  let handle: ReturnType<typeof openDatabase> | undefined;
  try {
    if (!(kind in KINDS))
      throw new UsageError(`未知的导入类型 "${kind}"（可用：${Object.keys(KINDS).join('、')}）`);
    const k = kind as TKind;
    const cwd = env.INIT_CWD ?? process.cwd();
    const today = env.TODAY && isIsoDate(env.TODAY) ? env.TODAY : new Date().toISOString().slice(0, 10);
    const o = options(rest);
    const open = async () => {
      handle = openDatabase({
        databaseUrl: env.DATABASE_URL || undefined,
        dataDir: env.DATA_DIR ? resolve(cwd, env.DATA_DIR) : resolve(repoRoot(), 'data'),
      });
      await migrateToLatest(handle.db);
      const centers = await listCenters(handle.db);
      const center = o.flags.center ? centers.find((c) => c.code === o.flags.center) : centers[0];
      return { db: handle.db, center };
    };
    if (o.template !== undefined) {
      let example: Record<string, string> = {};
      if (k === 'cases') {
        const { db, center } = await open();
        if (center) example = await caseExample(db, center.id, today);
      }
      await writeTemplate(k, resolve(cwd, o.template), example);
      process.stdout.write(`已写出模板 ${o.template}\n`);
      return 0;
    }
    if (o.file === undefined) throw new UsageError(`缺少文件：import ${k} FILE`);
    const file = resolve(cwd, o.file);
    const table = await readTable(file);
    const at = mapHeader(table, KINDS[k], o.file);
    const { db, center } = await open();
    if (!center)
      throw new UsageError(
        o.flags.center ? `没有代码为 ${o.flags.center} 的服务中心` : '数据库中没有服务中心',
      );
    const user = pickUser(await listUsers(db, center.id), k, o.flags.as);
    const summary = await db
      .transaction()
      .execute(async (tx) => {
        const s =
          k === 'cases'
            ? await commitCases(tx, user, today, table, at, o.file!)
            : k === 'calendar'
              ? await commitCalendar(tx, user, table, at, o.file!)
              : await commitRosterFile(tx, user, today, table, at, o.file!);
        if (o.dryRun) throw new DryRunDone(`${s}（试运行，未写入）`);
        return s;
      })
      .catch((e: unknown) => {
        if (e instanceof DryRunDone) return e.summary;
        throw e;
      });
    process.stdout.write(`${summary}\n`);
    return 0;
  } catch (error) {
    if (error instanceof RowErrors) {
      for (const e of error.errors) process.stdout.write(`${rowLine(e)}\n`);
      process.stderr.write(`${error.errors.length} 行有误，未写入任何数据\n`);
      return 1;
    }
    process.stderr.write(`${oneLine(error)}\n`);
    return 1;
  } finally {
    await (handle as ReturnType<typeof openDatabase> | undefined)?.close();
  }
}

/** Every bad row of a file; nothing was written. */
class RowErrors extends Error {
  constructor(readonly errors: TRowError[]) {
    super('bad rows');
  }
}

function pickUser(users: TUser[], kind: TKind, as: string | undefined): TUser {
  const ok: readonly string[] = kind === 'cases' ? ['supervisor', 'leader'] : ['admin'];
  const enabled = users.filter((u) => !u.isDisabled && ok.includes(u.role));
  const user = as ? enabled.find((u) => u.username === as) : enabled[0];
  if (!user) throw new UsageError(as ? `${as} 不能导入此类数据` : '该中心没有可执行此导入的账号');
  return user;
}

/** A rules or domain refusal `cases[i].field` named by its line and column. */
function rowErrorOf(e: unknown, lines: readonly number[], offset: number): TRowError | null {
  const field = e instanceof DomainError ? e.field : e instanceof RulesError ? e.path : undefined;
  const message = e instanceof DomainError ? e.message : e instanceof RulesError ? e.detailZh : null;
  const m = field ? /^cases\[(\d+)\]\.?(.*)$/.exec(field) : null;
  if (!m || message === null) return null;
  const key =
    { acceptanceCode: 'code', applicantName: 'applicant', materialsCompleteOn: 'completeOn' }[m[2] ?? ''] ??
    m[2];
  const header = CASE_COLUMNS.find((c) => key?.startsWith(c.key))?.header ?? m[2] ?? '';
  return {
    line: lines[offset + Number(m[1])] ?? 0,
    column: header,
    message: message.replace(/^[^：]*：/, ''),
  };
}

async function commitCases(
  db: Db,
  user: TUser,
  today: string,
  table: Awaited<ReturnType<typeof readTable>>,
  at: Map<string, number>,
  file: string,
) {
  const { records, skipped, errors } = await caseRows(db, user, table, at);
  if (errors.length > 0) throw new RowErrors(errors);
  const lines = records.map((r) => r.line);
  let imported = 0;
  let decided = 0;
  let proposals = 0;
  const progress = records.length > BATCH && process.stderr.isTTY;
  for (let i = 0; i < records.length; i += BATCH) {
    try {
      const r = await importCases(
        db,
        user,
        today,
        records.slice(i, i + BATCH).map((x) => x.record),
      );
      imported += r.imported;
      decided += r.decided;
      proposals += r.proposals;
    } catch (e) {
      const row = rowErrorOf(e, lines, i);
      if (row) throw new RowErrors([row]);
      throw e;
    }
    if (progress) process.stderr.write(`\r${Math.min(i + BATCH, records.length)} / ${records.length}`);
  }
  if (progress) process.stderr.write('\n');
  const counts = { file, rows: table.rows.length, imported, skipped, decided, proposals };
  await audit(db, user, 'import', null, 'cases', null, counts);
  return `${table.rows.length} 行：新增 ${imported} 件（办结 ${decided} 件，超期建议 ${proposals} 条），已存在未变 ${skipped} 件`;
}

async function commitCalendar(
  db: Db,
  user: TUser,
  table: Awaited<ReturnType<typeof readTable>>,
  at: Map<string, number>,
  file: string,
) {
  const { years, errors } = calendarRows(table, at);
  if (errors.length > 0) throw new RowErrors(errors);
  const done: string[] = [];
  let changed = 0;
  for (const [year, s] of [...years].sort(([a], [b]) => a - b)) {
    try {
      const r = await enterCalendarYear(db, user, {
        year,
        holidays: s.holidays,
        workdays: s.workdays,
        source: 'import',
      });
      changed += r.changed;
      done.push(
        `${year} 年（放假 ${s.holidays.length} 天，调休上班 ${s.workdays.length} 天，重算期限 ${r.changed} 件）`,
      );
    } catch (e) {
      if (e instanceof DomainError && e.field) {
        const m = /^(holidays|workdays)\[(\d+)\]\.(\w+)$/.exec(e.field);
        const line = m
          ? (m[1] === 'holidays' ? s.holidayLines : s.workdayLines)[Number(m[2])]
          : s.holidayLines[0];
        const column = CALENDAR_COLUMNS.find((c) => c.key === (m?.[3] === 'name' ? 'name' : 'date'))!.header;
        throw new RowErrors([{ line: line ?? 0, column, message: e.message.replace(/^[^：]*：/, '') }]);
      }
      throw e;
    }
  }
  await audit(db, user, 'import', null, 'calendar', null, {
    file,
    rows: table.rows.length,
    years: [...years.keys()],
    changed,
  });
  return `${table.rows.length} 行：${done.join('；')}`;
}

async function commitRosterFile(
  db: Db,
  user: TUser,
  today: string,
  table: Awaited<ReturnType<typeof readTable>>,
  at: Map<string, number>,
  file: string,
) {
  const { errors, ...counts } = await commitRoster(db, user, today, table, at);
  if (errors.length > 0) throw new RowErrors(errors);
  await audit(db, user, 'import', null, 'roster', null, { file, rows: table.rows.length, ...counts });
  return `${table.rows.length} 行：新增单位 ${counts.units} 个、窗口 ${counts.windows} 个、人员 ${counts.staff} 人，已存在未变 ${counts.unchanged} 人`;
}

function oneLine(error: unknown): string {
  let message: string;
  if (error instanceof UsageError || error instanceof FileRefusal) message = error.message;
  else if (error instanceof RulesError) message = error.messageZh;
  else if (error instanceof DomainError) message = error.message;
  else message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
