/**
 * `import <kind> FILE [--dry-run] [--center CODE] [--as USERNAME]` imports a spreadsheet (CSV in UTF-8
 * or GB18030, or XLSX) into the center: `roster`, `matters`, `cases` (a platform export) and `calendar`
 * (a year's holidays and 调休 working days). A dry run writes nothing and prints every bad row as
 * `第N行 列名: 说明` (exit 1), or a summary (exit 0). A commit is all or nothing, in one transaction with
 * its audit entry; rows already stored change nothing. `import <kind> --template FILE` writes the
 * kind's XLSX template. The reading and checking are the api's (`runImport`), shared with the 导入 page.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  DomainError,
  FileRefusal,
  IMPORT_KIND_SPECS,
  IMPORT_KINDS,
  ImportRowErrors,
  runImport as importFile,
  importTemplate,
  isImportKind,
  openImportTable,
  type TImportKind,
} from '@chuangkou/api';
import { listCenters, listUsers, migrateToLatest, openDatabase, type TUser } from '@chuangkou/db';
import { isIsoDate, RulesError } from '@chuangkou/rules';
import { repoRoot } from '../repo-root.ts';

const KIND_LIST = IMPORT_KINDS.join('|');
export const IMPORT_USAGE = `用法 usage:
  import ${KIND_LIST} FILE [--dry-run] [--center CODE] [--as USERNAME]   导入（CSV UTF-8/GB18030 或 XLSX），全部成功或全部不写入
  import ${KIND_LIST} --template FILE                               写出该类的 XLSX 模板
`;

class UsageError extends Error {}

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

/** Runs `import …`; returns the exit code. `env`: DATA_DIR / DATABASE_URL, TODAY, INIT_CWD. */
export async function runImport(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [kind, ...rest] = argv;
  if (kind === undefined || kind === '--help' || kind === '-h') {
    process.stdout.write(IMPORT_USAGE);
    return kind === undefined ? 1 : 0;
  }
  let handle: ReturnType<typeof openDatabase> | undefined;
  try {
    if (!isImportKind(kind))
      throw new UsageError(`未知的导入类型 "${kind}"（可用：${IMPORT_KINDS.join('、')}）`);
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
      if (!center)
        throw new UsageError(
          o.flags.center ? `没有代码为 ${o.flags.center} 的服务中心` : '数据库中没有服务中心',
        );
      return { db: handle.db, center };
    };
    if (o.template !== undefined) {
      const { db, center } = await open();
      writeFileSync(resolve(cwd, o.template), await importTemplate(db, center.id, today, kind));
      process.stdout.write(`已写出模板 ${o.template}\n`);
      return 0;
    }
    if (o.file === undefined) throw new UsageError(`缺少文件：import ${kind} FILE`);
    const table = await openImportTable(resolve(cwd, o.file), o.file);
    const { db, center } = await open();
    const user = pickUser(await listUsers(db, center.id), kind, o.flags.as);
    const isTty = process.stderr.isTTY === true;
    const result = await importFile(db, user, today, kind, table, {
      isDryRun: o.dryRun,
      onProgress: ({ rows, bytesRead, bytes }) => {
        if (isTty && bytes > 1024 * 1024)
          process.stderr.write(`\r${rows} 行（${Math.round((bytesRead / bytes) * 100)}%）`);
      },
    });
    if (isTty && table.bytes > 1024 * 1024) process.stderr.write('\n');
    process.stdout.write(`${result.summary}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ImportRowErrors) {
      for (const e of error.errors) process.stdout.write(`第${e.line}行 ${e.column}: ${e.message}\n`);
      if (error.count > error.errors.length)
        process.stdout.write(`……另有 ${error.count - error.errors.length} 行有误未列出\n`);
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`${oneLine(error)}\n`);
    return 1;
  } finally {
    await (handle as ReturnType<typeof openDatabase> | undefined)?.close();
  }
}

function pickUser(users: TUser[], kind: TImportKind, as: string | undefined): TUser {
  const roles: readonly string[] = IMPORT_KIND_SPECS[kind].roles;
  // the command line acts as the center's operator: without --as, the first account of the kind's
  // narrowest role (cases: a supervisor before an administrator)
  const ok = kind === 'cases' ? ['supervisor', 'leader'] : kind === 'ratings' ? ['supervisor'] : roles;
  const enabled = users.filter((u) => !u.isDisabled && (as ? roles : ok).includes(u.role));
  const user = as ? enabled.find((u) => u.username === as) : enabled[0];
  if (!user) throw new UsageError(as ? `${as} 不能导入此类数据` : '该中心没有可执行此导入的账号');
  return user;
}

function oneLine(error: unknown): string {
  let message: string;
  if (error instanceof UsageError || error instanceof FileRefusal) message = error.message;
  else if (error instanceof RulesError) message = error.messageZh;
  else if (error instanceof DomainError) message = error.message;
  else message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
