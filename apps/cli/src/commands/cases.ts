/**
 * `cases import FILE [--center CODE] [--as USERNAME]` imports handled cases (a JSON array of rows, or
 * `{ "cases": [...] }`; FILE may be - for stdin) through the same rules as the window, all or none;
 * `cases overdue [--today D] [--center CODE]` prints the alerts of the open cases, one per line:
 * level, kind, acceptance code, matter, window, handler, deadline, detail (tab-separated).
 * The database is DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL). Bad input: one line on stderr,
 * exit 1, nothing written.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importCases, listCaseAlerts, type TCaseAlertRow, ZImportCaseRow } from '@chuangkou/api';
import { listCenters, listUsers, migrateToLatest, openDatabase, type TUser } from '@chuangkou/db';
import { CASE_ALERT_LABELS, isIsoDate, RulesError } from '@chuangkou/rules';
import { z } from 'zod';
import { repoRoot } from '../repo-root.ts';
export const CASES_USAGE = `用法 usage:
  cases import FILE [--center CODE] [--as USERNAME]   导入办件（JSON；FILE 为 - 时读标准输入），全部成功或全部不写入
  cases overdue [--today YYYY-MM-DD] [--center CODE]  列出已超期（红）、即将到期（黄）、上报待解释、联办部门超时
`;

class UsageError extends Error {}

const ZFile = z.union([z.array(ZImportCaseRow), z.object({ cases: z.array(ZImportCaseRow) })]);

const REPO_ROOT = repoRoot();

function flags(args: readonly string[], allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i]!;
    const value = args[i + 1];
    if (!allowed.includes(flag)) throw new UsageError(`未知参数 ${flag}`);
    if (!value) throw new UsageError(`${flag} 缺少取值`);
    out[flag.slice(2)] = value;
  }
  return out;
}

function readRows(file: string, cwd: string): z.infer<typeof ZImportCaseRow>[] {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(`${file}：无法读取文件（${(e as NodeJS.ErrnoException).code ?? 'error'}）`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}：不是有效的 JSON（${(e as Error).message}）`);
  }
  const parsed = ZFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    throw new UsageError(`${file}：cases${at.replace(/^\.cases/, '')}：${issue.message}`);
  }
  const rows = Array.isArray(parsed.data) ? parsed.data : parsed.data.cases;
  if (rows.length === 0) throw new UsageError(`${file}：没有办件`);
  return rows;
}

function alertLine(a: TCaseAlertRow): string {
  const al = a.alert;
  const detail =
    al.kind === 'deadlineNear'
      ? `剩余 ${al.workingDaysLeft} 个工作日`
      : al.kind === 'overdue'
        ? `超期 ${al.overdueWorkingDays} 个工作日`
        : al.kind === 'explanationDue'
          ? `${al.forwardedOn} 上报，已等待 ${al.daysWaiting} 天，尚未向中心作出解释`
          : al.kind === 'awaitingUpper'
            ? `${al.forwardedOn} 上报，已等待 ${al.daysWaiting} 天${al.explanationFiledOn ? `，已于 ${al.explanationFiledOn} 作出解释` : ''}（不计入窗口时限）`
            : al.kind === 'notifyDue'
              ? `${al.decidedOn} 办结，未通知申请人，超出时限 ${al.overdueWorkingDays} 个工作日`
              : `${al.department} 应于 ${al.due} 前反馈`;
  const level = al.level === 'red' ? '红' : al.level === 'info' ? '蓝' : '黄';
  return [
    level,
    CASE_ALERT_LABELS[al.kind].zh,
    a.acceptanceCode ?? `#${a.caseId}`,
    a.matterName,
    a.windowName,
    a.staffName ?? '',
    a.deadline ?? '',
    detail,
  ].join('\t');
}

/** Runs `cases …`; returns the exit code. `env`: DATA_DIR / DATABASE_URL, TODAY, INIT_CWD. */
export async function runCases(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    process.stdout.write(CASES_USAGE);
    return sub === undefined ? 1 : 0;
  }
  let handle: ReturnType<typeof openDatabase> | undefined;
  try {
    const cwd = env.INIT_CWD ?? process.cwd();
    const today = env.TODAY && isIsoDate(env.TODAY) ? env.TODAY : new Date().toISOString().slice(0, 10);
    let rows: z.infer<typeof ZImportCaseRow>[] = [];
    let options: Record<string, string>;
    if (sub === 'import') {
      const [file, ...more] = rest;
      if (!file) throw new UsageError('缺少文件：cases import FILE');
      options = flags(more, ['--center', '--as']);
      rows = readRows(file, cwd);
    } else if (sub === 'overdue') {
      options = flags(rest, ['--center', '--today']);
      if (options.today !== undefined && !isIsoDate(options.today))
        throw new UsageError(`--today 须为 YYYY-MM-DD 日期，收到 "${options.today}"`);
    } else {
      throw new UsageError(`未知的子命令 "${sub}"\n${CASES_USAGE}`);
    }
    handle = openDatabase({
      databaseUrl: env.DATABASE_URL || undefined,
      dataDir: env.DATA_DIR ? resolve(cwd, env.DATA_DIR) : resolve(REPO_ROOT, 'data'),
    });
    await migrateToLatest(handle.db);
    const centers = await listCenters(handle.db);
    const center = options.center ? centers.find((c) => c.code === options.center) : centers[0];
    if (!center)
      throw new UsageError(
        options.center ? `没有代码为 ${options.center} 的服务中心` : '数据库中没有服务中心',
      );
    const users = (await listUsers(handle.db, center.id)).filter((u) => !u.isDisabled);
    const user: TUser | undefined = options.as
      ? users.find((u) => u.username === options.as)
      : (users.find((u) => u.role === 'supervisor') ?? users.find((u) => u.role === 'leader'));
    if (!user || (user.role !== 'supervisor' && user.role !== 'leader'))
      throw new UsageError(
        options.as ? `${options.as} 不是该中心的审管科或中心领导账号` : '该中心没有审管科或中心领导账号',
      );

    if (sub === 'import') {
      const result = await handle.db.transaction().execute((db) => importCases(db, user, today, rows));
      process.stdout.write(
        `已导入 ${result.imported} 件，其中办结 ${result.decided} 件，生成超期扣分/罚款建议 ${result.proposals} 条（待审管科确认）\n`,
      );
    } else {
      const alerts = await listCaseAlerts(handle.db, user, options.today ?? today);
      for (const a of alerts) process.stdout.write(`${alertLine(a)}\n`);
      process.stderr.write(`${alerts.length} 条预警\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`${oneLine(error)}\n`);
    return 1;
  } finally {
    await handle?.close();
  }
}

function oneLine(error: unknown): string {
  let message: string;
  if (error instanceof UsageError) message = error.message;
  else if (error instanceof RulesError) message = error.messageZh;
  else if (error instanceof Error && error.name === 'DomainError') message = error.message;
  else message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
