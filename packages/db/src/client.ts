import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DB } from './database.ts';
import { migrationProvider } from './migrations/index.ts';

export type TDialectName = 'sqlite' | 'postgres';

/** A database handle, or a transaction: every repository function takes one of these first. */
export type Db = Kysely<DB> | Transaction<DB>;

/** The root handle (can open transactions). */
export type DbRoot = Kysely<DB>;

export interface TDatabase {
  db: Kysely<DB>;
  dialect: TDialectName;
  /** the raw better-sqlite3 handle (benchmarks, backups); undefined on PostgreSQL */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export interface TOpenOptions {
  /** PostgreSQL connection string; when set, PostgreSQL is used */
  databaseUrl?: string | undefined;
  /** directory for the SQLite file (created if missing) */
  dataDir?: string | undefined;
  /** SQLite file name inside dataDir, or ':memory:' */
  file?: string;
}

/** Opens the database: PostgreSQL when a URL is given, else a SQLite file under dataDir. The dialect is chosen here, once. */
export function openDatabase(options: TOpenOptions): TDatabase {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client whose server connection ends (a restart, or a test dropping its database) emits
    // 'error' on the pool; unhandled, that would crash the process. The pool replaces the client.
    pool.on('error', (error) => {
      if ((error as { code?: string }).code !== '57P01')
        console.error(`[db] idle PostgreSQL client: ${error.message}`);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = options.file ?? 'chuangkou.sqlite';
  let location = file;
  if (file !== ':memory:') {
    const dir = options.dataDir ?? 'data';
    mkdirSync(dir, { recursive: true });
    location = path.join(dir, file);
  }
  const sqlite = new SQLite(location);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // NORMAL is safe from corruption under WAL; publishing switches to FULL for its own commit.
  sqlite.pragma('synchronous = NORMAL');
  // a 64 MB page cache (the default is 2 MB): the cases table and its ten indexes stay in memory while a
  // year of cases is imported or read; the memory is bounded by it
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/** How many prepared statements the SQLite handle keeps (least recently used dropped first). */
const STATEMENT_CACHE_SIZE = 500;

type TSqliteStatement = ReturnType<SqliteDatabase['prepare']>;

/** Makes a row object from a row read as an array, for one statement's column names. */
type TRowMaker = (row: unknown[]) => Record<string, unknown>;

/**
 * An object literal with the statement's column names, compiled once per statement: every row of it
 * gets the same shape, made in one step (duplicate names: the later value at the first one's place,
 * as the driver does). With a column named `__proto__` the fields are assigned one at a time, as the
 * driver assigns them (that one through the prototype's setter), since a literal would read it apart.
 */
function rowMakerOf(names: readonly string[]): TRowMaker {
  if (names.includes('__proto__'))
    return (row) => {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) o[names[i]!] = row[i];
      return o;
    };
  const fields = names.map((name, i) => `${JSON.stringify(name)}: row[${i}]`).join(', ');
  return new Function('row', `return { ${fields} };`) as TRowMaker;
}

/**
 * A statement whose rows are read as arrays and made into objects here. The driver builds each row
 * object a property at a time from native code: a page of 200 cases (40 columns) took 2.2–2.8 ms so
 * against 1.4–1.9 ms read as arrays and made by one literal, and the rows are then read and serialised
 * faster too. The column names are read again after a schema change (`schemaVersion`: SQLite
 * re-prepares a statement then, and its columns may change with it), after the statement ran, so they
 * are those of the rows just read. A stream is left to the driver.
 */
function namedRows(stmt: SQLite.Statement, schemaVersion: () => unknown): TSqliteStatement {
  if (!stmt.reader) return stmt as unknown as TSqliteStatement;
  stmt.raw(true);
  let version: unknown;
  let make: TRowMaker = () => ({});
  return {
    reader: true,
    get busy() {
      return stmt.busy;
    },
    all(...parameters: unknown[]) {
      const rows = stmt.all(...parameters) as unknown[];
      const now = schemaVersion();
      if (now !== version) {
        make = rowMakerOf(stmt.columns().map((c) => c.name));
        version = now;
      }
      // in place: each array is dropped as its object is made
      for (let r = 0; r < rows.length; r++) rows[r] = make(rows[r] as unknown[]);
      return rows;
    },
    run: (...parameters: unknown[]) => stmt.run(...parameters),
    // a stream (rare) reads the driver's own objects
    *iterate(...parameters: unknown[]) {
      stmt.raw(false);
      try {
        yield* stmt.iterate(...parameters);
      } finally {
        stmt.raw(true);
      }
    },
  } as unknown as TSqliteStatement;
}

/**
 * Kysely's SQLite driver prepares every statement anew (measured: 4–6× the raw driver on small
 * statements). Kysely compiles a query to the same SQL text each time, so the handle given to Kysely
 * keeps the prepared statements by SQL text and reuses them. A statement still iterating (a stream)
 * is never handed out twice: a busy one is prepared afresh. SQLite re-prepares a cached statement
 * itself after a schema change. Rows are read as arrays and named here (`namedRows`).
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, TSqliteStatement & { busy: boolean }>();
  const version = sqlite.prepare('pragma schema_version').pluck();
  const schemaVersion = () => version.get();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        // refresh its place in the LRU order
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const stmt = namedRows(sqlite.prepare(text), schemaVersion) as TSqliteStatement & { busy: boolean };
      if (!hit) {
        cache.set(text, stmt);
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      return stmt;
    },
  };
}

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`migration failed${failed ? ` at ${failed.migrationName}` : ''}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Normalises a count or sum: `pg` returns bigint/numeric as strings, SQLite as numbers. */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

/** Converts a 0/1 (or pg boolean) column to a boolean. */
export function bool(value: unknown): boolean {
  return value === 1 || value === true || value === '1';
}

/** ISO instant for `created_at` and friends. */
export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * A transaction whose commit must survive a power loss (publishing a quarter, a sign-off): SQLite runs
 * it with synchronous=FULL instead of the WAL default NORMAL, which can lose the last commits on power
 * loss; PostgreSQL commits durably anyway.
 */
export async function durableTransaction<T>(
  db: DbRoot,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return db.transaction().execute(fn);
  await sql`pragma synchronous = FULL`.execute(db);
  try {
    return await db.transaction().execute(fn);
  } finally {
    await sql`pragma synchronous = NORMAL`.execute(db);
  }
}
