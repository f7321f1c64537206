/**
 * `node apps/cli/bin/chuangkou.mjs bulletin <kind> [--year Y] [--quarter Q] [--month M] [--date D] [--out FILE] [--phone P] [--staff S]`
 * writes one bulletin (.xlsx, ready to print) from the database in DATA_DIR (SQLite) or DATABASE_URL
 * (PostgreSQL), and prints the file's path. Bad input (a flag the kind does not read included): one line
 * on stderr, exit 1, no file written.
 */
import { resolve } from 'node:path';
import { centerBulletinOf, type TBulletinRequest } from '@chuangkou/api';
import {
  BULLETIN_KINDS,
  bulletinFileName,
  isBulletinError,
  isBulletinKind,
  type TBulletinKind,
  writeBulletinFile,
} from '@chuangkou/bulletin';
import { listCenters, listStaff, migrateToLatest, openDatabase } from '@chuangkou/db';
import { isIsoDate, RulesError } from '@chuangkou/rules';
import { repoRoot } from '../repo-root.ts';

export const BULLETIN_USAGE = `用法 usage: bulletin <kind> [--year Y] [--quarter Q] [--month M] [--date YYYY-MM-DD] [--out FILE] [--phone P] [--center CODE]
  results     季度考核结果公示        --year --quarter [--phone P] (default: the last ended quarter)
  behaviours  不规范行为通报          --year and --quarter or --month (not both)
  fines       月度处罚汇总（签批）    --year --month (default: last month)
  patrol      巡查值班记录表          blank, or --date D filled from that day's patrols
  awards      红旗窗口通报            --year --month (monthly) or --year alone (annual)
  yearend     年终总评                --year
  cadres      后备干部推荐名单（内部）--year
  complaintLadder 投诉处理决定       --staff 姓名或编号 [--year Y]（规范化服务通知 一(一)）
  uniform     没收工作服通知          --year --month (default: last month)
  yellowcard  黄牌警告通报            --year --month (monthly) or --year alone (the year's)
  unitletters 通报所在单位函          --year --month (default: last month), one letter per unit
  ballot      季度互评表（纸质）      --year --quarter (default: this quarter), one sheet per window
`;

class UsageError extends Error {}

type TOptions = {
  kind: TBulletinKind;
  year?: number;
  quarter?: number;
  month?: number;
  date?: string;
  out?: string;
  phone?: string;
  center?: string;
  /** a person's name or id (complaintLadder) */
  staff?: string;
};

function integer(flag: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} 须为 ${min}–${max} 的整数，收到 "${raw}"`);
  }
  return value;
}

type TFlag = 'year' | 'quarter' | 'month' | 'date' | 'out' | 'phone' | 'center' | 'staff';

/** The period flags each kind reads (with --out and --center, which every kind takes). */
const KIND_FLAGS: Record<TBulletinKind, readonly TFlag[]> = {
  results: ['year', 'quarter', 'phone'],
  behaviours: ['year', 'quarter', 'month'],
  fines: ['year', 'month'],
  patrol: ['date'],
  awards: ['year', 'month'],
  yearend: ['year'],
  cadres: ['year'],
  complaintLadder: ['year', 'staff'],
  uniform: ['year', 'month'],
  yellowcard: ['year', 'month'],
  unitletters: ['year', 'month'],
  ballot: ['year', 'quarter'],
};
const COMMON_FLAGS: readonly TFlag[] = ['out', 'center'];
const FLAGS: readonly TFlag[] = ['year', 'quarter', 'month', 'date', 'out', 'phone', 'center', 'staff'];

/**
 * Parses `<kind> --flag value …`. A flag the kind does not read is refused (never silently ignored),
 * and so is a flag without its value (`--year --out f.xlsx` names --year, not --out).
 */
function parse(argv: readonly string[]): TOptions {
  const [kind, ...rest] = argv;
  if (kind === undefined) throw new UsageError(`缺少通报类型，可用：${BULLETIN_KINDS.join('、')}`);
  if (!isBulletinKind(kind))
    throw new UsageError(`未知的通报类型“${kind}”，可用：${BULLETIN_KINDS.join('、')}`);
  const options: TOptions = { kind };
  const accepted = [...KIND_FLAGS[kind], ...COMMON_FLAGS];
  for (let i = 0; i < rest.length; i += 2) {
    const arg = rest[i]!;
    const flag = arg.slice(2) as TFlag;
    if (!arg.startsWith('--') || !FLAGS.includes(flag)) throw new UsageError(`未知参数 ${arg}`);
    if (!accepted.includes(flag)) {
      const takes = accepted.map((f) => `--${f}`).join(' ');
      throw new UsageError(`${kind} 不接受 ${arg}（可用：${takes}）`);
    }
    if (flag in options) throw new UsageError(`${arg} 重复给出`);
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} 缺少取值`);
    switch (flag) {
      case 'year':
        options.year = integer(arg, value, 2000, 2100);
        break;
      case 'quarter':
        options.quarter = integer(arg, value, 1, 4);
        break;
      case 'month':
        options.month = integer(arg, value, 1, 12);
        break;
      case 'date':
        if (!isIsoDate(value)) throw new UsageError(`--date 须为 YYYY-MM-DD 日期，收到 "${value}"`);
        options.date = value;
        break;
      default:
        options[flag] = value;
    }
  }
  if (options.quarter !== undefined && options.month !== undefined)
    throw new UsageError(`${kind} 只接受 --quarter 或 --month 其中之一`);
  if (kind === 'complaintLadder' && options.staff === undefined)
    throw new UsageError('complaintLadder 须给出 --staff（工作人员姓名或编号）');
  return options;
}

/** The period a kind covers by default: what a supervisor prints next. */
function requestOf(options: TOptions, today: string, staffId = 0): TBulletinRequest {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  const lastQuarter = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
  const lastMonth = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const asQuarter = (q: number) => q as 1 | 2 | 3 | 4;
  switch (options.kind) {
    case 'results':
      return options.quarter === undefined && options.year === undefined
        ? { kind: 'results', year: lastQuarter.year, quarter: asQuarter(lastQuarter.quarter) }
        : { kind: 'results', year: options.year ?? year, quarter: asQuarter(options.quarter ?? quarter) };
    case 'behaviours':
      if (options.month !== undefined)
        return { kind: 'behaviours', year: options.year ?? year, month: options.month };
      return options.quarter === undefined && options.year === undefined
        ? { kind: 'behaviours', year: lastQuarter.year, quarter: asQuarter(lastQuarter.quarter) }
        : { kind: 'behaviours', year: options.year ?? year, quarter: asQuarter(options.quarter ?? quarter) };
    case 'fines':
      return options.month === undefined && options.year === undefined
        ? { kind: 'fines', ...lastMonth }
        : { kind: 'fines', year: options.year ?? year, month: options.month ?? month };
    case 'patrol':
      return { kind: 'patrol', date: options.date };
    case 'awards':
      return options.month === undefined && options.year === undefined
        ? { kind: 'awards', ...lastMonth }
        : { kind: 'awards', year: options.year ?? year, month: options.month };
    case 'yearend':
    case 'cadres':
      return { kind: options.kind, year: options.year ?? (month <= 3 ? year - 1 : year) };
    case 'complaintLadder':
      return { kind: 'complaintLadder', year: options.year ?? year, staffId };
    case 'uniform':
      return options.month === undefined && options.year === undefined
        ? { kind: 'uniform', ...lastMonth }
        : { kind: 'uniform', year: options.year ?? year, month: options.month ?? month };
    case 'yellowcard':
      return options.month === undefined && options.year === undefined
        ? { kind: 'yellowcard', ...lastMonth }
        : { kind: 'yellowcard', year: options.year ?? year, month: options.month };
    case 'unitletters':
      return options.month === undefined && options.year === undefined
        ? { kind: 'unitletters', ...lastMonth }
        : { kind: 'unitletters', year: options.year ?? year, month: options.month ?? month };
    case 'ballot':
      // the ballot is handed out during the quarter it rates
      return { kind: 'ballot', year: options.year ?? year, quarter: asQuarter(options.quarter ?? quarter) };
  }
}

const REPO_ROOT = repoRoot();

/**
 * Runs `bulletin <kind> …`; returns the exit code. `env` holds DATA_DIR / DATABASE_URL (and TODAY, an
 * ISO date, for reproducible runs); relative paths resolve against INIT_CWD (where pnpm was called).
 */
export async function runBulletin(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(BULLETIN_USAGE);
    return 0;
  }
  let handle: ReturnType<typeof openDatabase> | undefined;
  try {
    const options = parse(argv);
    const today = env.TODAY && isIsoDate(env.TODAY) ? env.TODAY : new Date().toISOString().slice(0, 10);
    const cwd = env.INIT_CWD ?? process.cwd();
    handle = openDatabase({
      databaseUrl: env.DATABASE_URL || undefined,
      dataDir: env.DATA_DIR ? resolve(cwd, env.DATA_DIR) : resolve(REPO_ROOT, 'data'),
    });
    await migrateToLatest(handle.db);
    const centers = await listCenters(handle.db);
    const center = options.center ? centers.find((c) => c.code === options.center) : centers[0];
    if (!center) {
      throw new UsageError(
        options.center
          ? `没有代码为 ${options.center} 的服务中心`
          : '数据库中没有服务中心（先运行 pnpm start 载入演示数据）',
      );
    }
    const staffId = options.staff === undefined ? 0 : await staffIdOf(handle.db, center.id, options.staff);
    // no user here: the command reads as the center's operator, through the bulletins' own functions
    const bulletin = await centerBulletinOf(handle.db, center.id, requestOf(options, today, staffId), today, {
      objectionPhone: options.phone,
    });
    const out = resolve(cwd, options.out ?? bulletinFileName(bulletin));
    const written = await writeBulletinFile(bulletin, out);
    process.stdout.write(`${written.path}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${oneLine(error)}\n`);
    return 1;
  } finally {
    await handle?.close();
  }
}

/** `--staff`: a person of the center by id, or by name when exactly one person has it. */
async function staffIdOf(
  db: Parameters<typeof listStaff>[0],
  centerId: number,
  raw: string,
): Promise<number> {
  const staff = await listStaff(db, { centerId, includeInactive: true });
  const byId = /^\d+$/.test(raw) ? staff.find((s) => s.id === Number(raw)) : undefined;
  if (byId) return byId.id;
  const named = staff.filter((s) => s.name === raw);
  if (named.length === 1) return named[0]!.id;
  if (named.length > 1)
    throw new UsageError(
      `--staff “${raw}”有${named.length}人同名，请给出编号：${named.map((s) => s.id).join('、')}`,
    );
  throw new UsageError(`--staff 没有名为或编号为“${raw}”的工作人员`);
}

/** A user-facing error as one line; anything unexpected as "internal error", never a stack trace. */
function oneLine(error: unknown): string {
  let message: string;
  if (error instanceof UsageError || isBulletinError(error)) message = error.message;
  else if (error instanceof RulesError) message = error.messageZh;
  else if (error instanceof Error && error.name === 'DomainError') message = error.message;
  else message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
