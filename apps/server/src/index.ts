import { hashPassword, publishDemoHistory } from '@chuangkou/api';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  isDemoLoaded,
  loadDemoIfEmpty,
  migrateToLatest,
  openDatabase,
  pruneAttemptLogs,
} from '@chuangkou/db';
import { loadEnv } from './env.ts';
import { createServer } from './server.ts';

/**
 * How long sign-in and status-query attempts are kept. The limits look back 15 minutes to an hour;
 * the rest is a short history of failed sign-ins for an administrator. Sessions opened are in the
 * audit log, which is kept for good.
 */
const ATTEMPT_LOG_DAYS = 90;

/** `pnpm start`: migrate, load the demo center into an empty database, serve on PORT. */
async function main(): Promise<void> {
  const env = loadEnv();
  const handle = openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const applied = await migrateToLatest(handle.db);
  if (applied.length) console.log(`数据库迁移 migrations applied: ${applied.join(', ')}`);
  const prune = () =>
    pruneAttemptLogs(handle.db, new Date(Date.now() - ATTEMPT_LOG_DAYS * 86_400_000).toISOString()).catch(
      (e: unknown) => console.error('[db] pruning the attempt logs failed:', e),
    );
  await prune();
  setInterval(prune, 6 * 3_600_000).unref();
  if (env.DEMO === 'auto') {
    const loaded = await loadDemoIfEmpty(handle.db, {
      today: env.TODAY,
      hashPassword,
      log: (line) => console.log(`  demo ${line}`),
    });
    if (loaded) {
      const published = await publishDemoHistory(
        handle.db,
        env.TODAY ?? new Date().toISOString().slice(0, 10),
      );
      console.log(
        `已载入演示数据 demo data loaded: ${loaded.staff} staff, ${loaded.cases} cases, ${published} quarters published`,
      );
    }
  }
  const server = createServer({
    db: handle.db,
    webDist: env.WEB_DIST,
    maxBodyBytes: env.MAX_BODY_BYTES,
    maxBatchSize: env.MAX_BATCH_SIZE,
    isSecure: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
    today: env.TODAY ? () => env.TODAY! : undefined,
  });
  server.listen(env.PORT, env.HOST, () => {
    const where = env.DATABASE_URL ? 'PostgreSQL' : `SQLite in ${env.DATA_DIR}`;
    console.log(`\n窗口考核系统已启动 listening on http://localhost:${env.PORT}  (${where})`);
    void isDemoLoaded(handle.db).then((isDemo) => {
      if (!isDemo) return;
      console.log(
        `演示账号 demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}`,
      );
    });
  });
  const stop = () => {
    server.close(() => void handle.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error('启动失败 failed to start:', e);
  process.exit(1);
});
