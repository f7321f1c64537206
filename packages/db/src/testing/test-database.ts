import { randomBytes } from 'node:crypto';
import { Migrator } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase, type TDatabase, type TDialectName } from '../client.ts';
import { migrationProvider, migrations } from '../migrations/index.ts';

/** The dialects every database suite runs on (Kysely's test-setup habit). */
export const TEST_DIALECTS: readonly TDialectName[] = ['sqlite', 'postgres'];

/** Admin connection to the shared PostgreSQL; each run creates and drops its own database there. */
const PG_ADMIN_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TTestDatabase extends TDatabase {
  /** closes the handle and, on PostgreSQL, drops the run's database */
  destroy(): Promise<void>;
  /** on PostgreSQL, the run's database's URL (a server process started by a test connects to it) */
  databaseUrl?: string;
}

/** The name of the migration just before `name`: a migration's own test stops there, then runs it. */
export function migrationBefore(name: string): string {
  const names = Object.keys(migrations).sort();
  const i = names.indexOf(name);
  if (i < 1) throw new Error(`no migration before ${name}`);
  return names[i - 1]!;
}

/** Migrates to the latest schema, or only up to (and with) the migration `upTo`. */
async function migrate(handle: TDatabase, upTo: string | undefined): Promise<void> {
  if (upTo === undefined) {
    await migrateToLatest(handle.db);
    return;
  }
  const { error } = await new Migrator({ db: handle.db, provider: migrationProvider }).migrateTo(upTo);
  if (error) throw error;
}

/**
 * A fresh, migrated database: SQLite in memory, or a randomly named PostgreSQL database created for
 * this run (so runs never see each other's rows) and dropped by `destroy()`. `upTo` stops the
 * migrations after the one named (a migration's own test then runs the rest).
 */
export async function createTestDatabase(dialect: TDialectName, upTo?: string): Promise<TTestDatabase> {
  if (dialect === 'sqlite') {
    const handle = openDatabase({ file: ':memory:' });
    await migrate(handle, upTo);
    return { ...handle, destroy: () => handle.close() };
  }
  const name = `ck_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString() });
  await migrate(handle, upTo);
  return {
    ...handle,
    databaseUrl: url.toString(),
    destroy: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      try {
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
