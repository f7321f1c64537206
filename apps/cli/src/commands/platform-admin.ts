/**
 * `platform-admin create USERNAME [--center CODE] [--name 姓名]` makes a platform administrator (平台管理员:
 * creates centers, sees every center), which no dashboard page can: it prints the one-time password once
 * (the account must set its own, at least 8 characters, at the first login) and writes an audit entry.
 * The account signs in to the center CODE (default: the first center of the database).
 */
import { resolve } from 'node:path';
import { createPlatformAdmin, DomainError, issueOneTimePassword } from '@chuangkou/api';
import { listCenters, migrateToLatest, openDatabase } from '@chuangkou/db';
import { repoRoot } from '../repo-root.ts';

export const PLATFORM_ADMIN_USAGE = `platform-admin create USERNAME [--center CODE] [--name 姓名]
  创建平台管理员（可创建并查看所有服务中心），一次性密码只显示这一次，首次登录须修改（至少8位）
`;

class UsageError extends Error {}

function options(args: string[]): { username: string; center?: string; name?: string } {
  const [username, ...rest] = args;
  if (username === undefined || username.startsWith('--'))
    throw new UsageError(`缺少用户名：platform-admin create USERNAME`);
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a !== '--center' && a !== '--name') throw new UsageError(`未知参数 "${a}"`);
    const v = rest[++i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} 缺少取值`);
    flags[a.slice(2)] = v;
  }
  return { username, ...flags };
}

/** Runs `platform-admin …`; returns the exit code. `env`: DATA_DIR / DATABASE_URL, INIT_CWD. */
export async function runPlatformAdmin(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h') {
    process.stdout.write(PLATFORM_ADMIN_USAGE);
    return action === undefined ? 1 : 0;
  }
  let handle: ReturnType<typeof openDatabase> | undefined;
  try {
    if (action !== 'create') throw new UsageError(`未知的操作 "${action}"（可用：create）`);
    const o = options(rest);
    const cwd = env.INIT_CWD ?? process.cwd();
    handle = openDatabase({
      databaseUrl: env.DATABASE_URL || undefined,
      dataDir: env.DATA_DIR ? resolve(cwd, env.DATA_DIR) : resolve(repoRoot(), 'data'),
    });
    const db = handle.db;
    await migrateToLatest(db);
    const centers = await listCenters(db);
    const center = o.center ? centers.find((c) => c.code === o.center) : centers[0];
    if (!center)
      throw new UsageError(o.center ? `没有代码为 ${o.center} 的服务中心` : '数据库中没有服务中心');
    const secret = await issueOneTimePassword();
    const { user, oneTimePassword } = await db
      .transaction()
      .execute((tx) =>
        createPlatformAdmin(
          tx,
          { centerId: center.id, username: o.username, displayName: o.name ?? '平台管理员' },
          secret,
        ),
      );
    process.stdout.write(
      `已创建平台管理员 ${user.username}（登录中心 ${center.code} ${center.name}）\n` +
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
