import { randomUUID } from 'node:crypto';
import type { Db, TUser } from '@chuangkou/db';
import { RulesError } from '@chuangkou/rules';
import { DomainError, notFound } from '../../errors.ts';
import { MAX_ROW_ERRORS, type TRowError } from './import-columns.ts';
import { FileRefusal, openImportTable } from './import-file.ts';
import { ImportRowErrors, runImport, type TImportKind, type TImportResult } from './run-import.ts';

/** An import running on the server for the 导入 page, which polls it for its progress and outcome. */
export interface TImportJob {
  id: string;
  kind: TImportKind;
  fileName: string;
  isDryRun: boolean;
  state: 'running' | 'done' | 'badRows' | 'refused';
  rows: number;
  bytesRead: number;
  bytes: number;
  result: TImportResult | null;
  /** the bad rows (the first MAX_ROW_ERRORS), when state is badRows */
  errors: TRowError[];
  errorCount: number;
  /** the one-line refusal, when state is refused */
  message: string | null;
}

/** Jobs kept for polling after they end: the newest few per server. */
const KEPT = 50;
const jobs = new Map<string, { userId: number; job: TImportJob }>();

function forget() {
  for (const [id, j] of jobs) {
    if (jobs.size <= KEPT) return;
    if (j.job.state !== 'running') jobs.delete(id);
  }
}

/**
 * Starts importing an uploaded file (already on disk at `path`; `cleanUp` when the job ends) and returns
 * at once; `importJob` tells its progress. The import itself is `runImport`, as on the command line.
 */
export function startImportJob(
  db: Db,
  user: TUser,
  today: string,
  input: {
    kind: TImportKind;
    path: string;
    fileName: string;
    isDryRun: boolean;
    /** removes the uploaded file once the job ended */
    cleanUp: () => Promise<void>;
  },
): TImportJob {
  const job: TImportJob = {
    id: randomUUID(),
    kind: input.kind,
    fileName: input.fileName,
    isDryRun: input.isDryRun,
    state: 'running',
    rows: 0,
    bytesRead: 0,
    bytes: 0,
    result: null,
    errors: [],
    errorCount: 0,
    message: null,
  };
  jobs.set(job.id, { userId: user.id, job });
  forget();
  void (async () => {
    try {
      const table = await openImportTable(input.path, input.fileName);
      job.bytes = table.bytes;
      job.result = await runImport(db, user, today, input.kind, table, {
        isDryRun: input.isDryRun,
        onProgress: (p) => {
          job.rows = p.rows;
          job.bytesRead = p.bytesRead;
        },
      });
      job.rows = Number(job.result.counts.rows ?? job.rows);
      job.bytesRead = job.bytes;
      job.state = 'done';
    } catch (e) {
      if (e instanceof ImportRowErrors) {
        job.state = 'badRows';
        job.errors = e.errors.slice(0, MAX_ROW_ERRORS);
        job.errorCount = e.count;
      } else {
        job.state = 'refused';
        job.message =
          e instanceof FileRefusal || e instanceof DomainError
            ? e.message
            : e instanceof RulesError
              ? e.messageZh
              : '导入失败（服务器内部错误），未写入任何数据';
        if (!(e instanceof FileRefusal || e instanceof DomainError || e instanceof RulesError))
          console.error('[import]', e);
      }
    } finally {
      await input.cleanUp().catch(() => {});
    }
  })();
  return job;
}

/** A job started by this user (another user's job does not exist for them). */
export function importJob(user: TUser, id: string): TImportJob {
  const j = jobs.get(id);
  if (!j || j.userId !== user.id) throw notFound('导入任务', 'id');
  return { ...j.job };
}
