import { randomUUID } from 'node:crypto';
import { type Db, listAudit, type TAuditRecord, type TUser } from '@chuangkou/db';
import { RulesError } from '@chuangkou/rules';
import { DomainError, notFound } from '../../errors.ts';
import { MAX_ROW_ERRORS, type TRowError } from './import-columns.ts';
import { FileRefusal, openImportTable } from './import-file.ts';
import { ImportRowErrors, runImport, type TImportKind, type TImportResult } from './run-import.ts';

/** An import running on the server for the 导入 page, which polls it for its progress and outcome. */
export interface TImportJob {
  id: string;
  /** null for an interrupted job: the server no longer knows what it was importing */
  kind: TImportKind | null;
  fileName: string;
  isDryRun: boolean;
  /**
   * interrupted: the server no longer knows the job (it restarted while the job ran, or the job was
   * forgotten) and the audit log holds no commit of it: nothing was written (an import is one
   * transaction, and a dry run never writes)
   */
  state: 'running' | 'done' | 'badRows' | 'refused' | 'interrupted';
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

/** Jobs kept for polling after they end: the newest few per server (in memory: a restart forgets them). */
const KEPT = 50;
const jobs = new Map<string, { userId: number; job: TImportJob }>();

/** What a restart of the server does to the jobs (tests). */
export function forgetImportJobs(): void {
  jobs.clear();
}

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
        jobId: job.id,
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

/**
 * A job this user started (another user's job does not exist for them). A job the server no longer
 * knows is read back from its audit entry when it committed, else it is `interrupted`.
 */
export async function importJob(db: Db, user: TUser, id: string): Promise<TImportJob> {
  const j = jobs.get(id);
  if (j) {
    if (j.userId !== user.id) throw notFound('导入任务', 'id');
    return { ...j.job };
  }
  const [entry] = await listAudit(db, { centerId: user.centerId, entity: 'import', entityId: id, limit: 1 });
  if (!entry) return interruptedJob(id);
  if (entry.userId !== user.id) throw notFound('导入任务', 'id');
  return committedJob(id, entry);
}

/** The fields of a job the server no longer holds in memory. */
const forgotten = (id: string) => ({
  id,
  isDryRun: false,
  bytesRead: 0,
  bytes: 0,
  errors: [],
  errorCount: 0,
});

/** A job with no commit in the audit log: nothing was written (one transaction; a dry run never writes). */
function interruptedJob(id: string): TImportJob {
  return {
    ...forgotten(id),
    kind: null,
    fileName: '',
    state: 'interrupted',
    rows: 0,
    result: null,
    message:
      '服务器在导入过程中重启，未写入任何数据（导入在一个事务中完成，中断即全部撤回），请重新选择文件导入',
  };
}

/** A committed job, read back from its audit entry (the file's name, the counts and the summary). */
function committedJob(id: string, entry: TAuditRecord): TImportJob {
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const counts = Object.fromEntries(
    Object.entries(after).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
  const kind = entry.action as TImportKind;
  return {
    ...forgotten(id),
    kind,
    fileName: typeof after.file === 'string' ? after.file : '',
    state: 'done',
    rows: counts.rows ?? 0,
    result: {
      kind,
      isDryRun: false,
      counts,
      summary: typeof after.summary === 'string' ? after.summary : '',
    },
    message: null,
  };
}
