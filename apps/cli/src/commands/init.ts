/**
 * `init --center NAME --admin USER [--code CODE] [--city CITY] [--name 姓名]` moves a new center into
 * the database (an empty one, or one holding other centers): the center with the default policies and
 * its first center administrator, whose one-time password is printed once (the account must set its
 * own, at least 8 characters, at the first login). Audited. A center of that name or code, or a
 * username taken, is refused in one line and nothing is written.
 */
import { resolve } from 'node:path';
import { DomainError, initCenter, issueOneTimePassword, type TInitCenterInput } from '@chuangkou/api';
import { migrateToLatest, openDatabase } from '@chuangkou/db';
import { repoRoot } from '../repo-root.ts';

export const INIT_USAGE = `init --center 中心名称 --admin 用户名 [--code 中心代码] [--city 城市] [--name 姓名]
  新建服务中心及其第一位中心管理员（默认考核、处罚、办件规则）；用户名自动加本中心前缀（如 hz.admin），
  一次性密码只显示这一次，首次登录须修改（至少8位）。中心代码缺省时取 C1、C2…
`;

class UsageError extends Error {}

const FLAGS = {
  '--center': 'name',
  '--admin': 'admin',
  '--code': 'code',
  '--city': 'city',
  '--name': 'adminName',
} as const;

function options(args: string[]): TInitCenterInput {
  const o: Partial<Record<(typeof FLAGS)[keyof typeof FLAGS], string>> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!(a in FLAGS)) throw new UsageError(`未知参数 "${a}"（init --help 查看用法）`);
    const v = args[++i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} 缺少取值`);
    o[FLAGS[a as keyof typeof FLAGS]] = v;
  }
  if (o.name === undefined) throw new UsageError('缺少 --center 中心名称');
  if (o.admin === undefined) throw new UsageError('缺少 --admin 用户名');
  return { ...o, name: o.name, admin: o.admin };
}

/** Runs `init …`; returns the exit code. `env`: DATA_DIR / DATABASE_URL, INIT_CWD. */
export async function runInit(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(INIT_USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  let handle: ReturnType<typeof openDatabase> | undefined;
  try {
    const input = options(argv);
    const cwd = env.INIT_CWD ?? process.cwd();
    handle = openDatabase({
      databaseUrl: env.DATABASE_URL || undefined,
      dataDir: env.DATA_DIR ? resolve(cwd, env.DATA_DIR) : resolve(repoRoot(), 'data'),
    });
    const db = handle.db;
    await migrateToLatest(db);
    // hashed before the transaction: scrypt takes a third of a second
    const secret = await issueOneTimePassword();
    const { center, user, oneTimePassword } = await db
      .transaction()
      .execute((tx) => initCenter(tx, input, secret));
    process.stdout.write(
      `已创建服务中心 ${center.name}（代码 ${center.code}）及中心管理员 ${user.username}\n` +
        `一次性密码：${oneTimePassword}\n` +
        '此密码只显示这一次；首次登录须改为自己的密码（至少8位）。\n',
    );
    return 0;
  } catch (error) {
    const message =
      error instanceof UsageError || error instanceof DomainError
        ? error.message
        : `internal error: ${String(error)}`;
    process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ').trim()}\n`);
    return 1;
  } finally {
    await handle?.close();
  }
}
