import { writeImportTemplate } from '@chuangkou/bulletin';
import type { Db, TRole, TUser } from '@chuangkou/db';
import { DomainError } from '../../errors.ts';
import { audit } from '../audit.ts';
import { CALENDAR_COLUMNS, importCalendarRows } from './calendar.import.ts';
import { CASE_COLUMNS, caseExample, importCaseRows } from './cases.import.ts';
import { mapHeader, RowErrorList, type TColumn, type TRowError, tableRows } from './import-columns.ts';
import type { TImportTable } from './import-file.ts';
import { importMatterRows, MATTER_COLUMNS, matterExample } from './matters.import.ts';
import { importRatingRows, RATING_COLUMNS, ratingExample } from './ratings.import.ts';
import { importRosterRows, ROSTER_COLUMNS } from './roster.import.ts';

/** The kinds of import, the same on the command line and the 导入 page. */
export const IMPORT_KINDS = ['roster', 'matters', 'cases', 'ratings', 'calendar'] as const;
export type TImportKind = (typeof IMPORT_KINDS)[number];

interface TKindSpec {
  columns: readonly TColumn[];
  /** the template's sheet name and the kind's name in messages */
  title: string;
  /** who may import it (the command line acts as the first enabled account of these roles) */
  roles: readonly TRole[];
}

export const IMPORT_KIND_SPECS: Readonly<Record<TImportKind, TKindSpec>> = {
  roster: { columns: ROSTER_COLUMNS, title: '人员名册', roles: ['admin'] },
  matters: { columns: MATTER_COLUMNS, title: '事项目录', roles: ['admin'] },
  cases: { columns: CASE_COLUMNS, title: '办件导入', roles: ['admin', 'supervisor', 'leader'] },
  ratings: { columns: RATING_COLUMNS, title: '好差评', roles: ['admin', 'supervisor'] },
  calendar: { columns: CALENDAR_COLUMNS, title: '节假日安排', roles: ['admin'] },
};

/** Whether a user may import a kind (the 导入 page and the command line alike). */
export const mayImport = (user: TUser, kind: TImportKind): boolean =>
  IMPORT_KIND_SPECS[kind].roles.includes(user.role);

/** Refuses a user who may not import a kind, naming the field. */
export function assertMayImport(user: TUser, kind: TImportKind): void {
  if (!mayImport(user, kind))
    throw new DomainError('FORBIDDEN', `无权导入「${IMPORT_KIND_SPECS[kind].title}」`, 'kind');
}

export const isImportKind = (k: string): k is TImportKind => (IMPORT_KINDS as readonly string[]).includes(k);

/** Every bad row of a file (the first MAX_ROW_ERRORS of `count`); nothing was written. */
export class ImportRowErrors extends Error {
  override readonly name = 'ImportRowErrors';
  constructor(
    readonly errors: readonly TRowError[],
    readonly count: number,
  ) {
    super(`${count} 行有误，未写入任何数据`);
  }
}

/** Thrown inside the transaction of a dry run once everything passed: rolls it back. */
class DryRunDone extends Error {
  constructor(readonly result: TImportResult) {
    super('dry run');
  }
}

export interface TImportResult {
  kind: TImportKind;
  isDryRun: boolean;
  /** what was (or in a dry run, would be) written, by what */
  counts: Record<string, number>;
  /** one line for a person: rows read, what is new, what was already there */
  summary: string;
}

export interface TImportOptions {
  isDryRun: boolean;
  /**
   * the 导入 page's job: its id is the import's audit entry's entity id, written in the import's own
   * transaction, so after a restart the job is found committed there or known not to have written
   */
  jobId?: string;
  /** called as rows are read: rows so far, bytes read so far, bytes in all */
  onProgress?: (p: { rows: number; bytesRead: number; bytes: number }) => void;
}

/**
 * Imports a file of one kind into the user's center, all or nothing, in one transaction with its audit
 * entry (the counts and the file's name). A dry run does everything and rolls it back. Bad rows are
 * thrown together as `ImportRowErrors`; a file refused whole is a `FileRefusal` (both write nothing).
 */
export async function runImport(
  db: Db,
  user: TUser,
  today: string,
  kind: TImportKind,
  table: TImportTable,
  options: TImportOptions,
): Promise<TImportResult> {
  const spec = IMPORT_KIND_SPECS[kind];
  const at = mapHeader(table.header, spec.columns, table.name);
  const progress = (rows: number) =>
    options.onProgress?.({ rows, bytesRead: table.bytesRead(), bytes: table.bytes });
  try {
    return await db.transaction().execute(async (tx) => {
      const errors = new RowErrorList();
      const rows = tableRows(table, at, spec.columns, errors);
      const { counts, summary } = await commitKind(tx, user, today, kind, rows, errors, progress);
      // reported by line: a kind checks some columns as it reads a row, others once its chunk is looked
      // up or its batch written (a duplicate code, after the later rows were read)
      if (errors.count > 0)
        throw new ImportRowErrors(
          [...errors.list].sort((a, b) => a.line - b.line),
          errors.count,
        );
      await audit(tx, user, 'import', options.jobId ?? null, kind, null, {
        file: table.name,
        ...counts,
        summary,
      });
      const result = { kind, isDryRun: options.isDryRun, counts, summary };
      if (options.isDryRun) throw new DryRunDone({ ...result, summary: `${summary}（试运行，未写入）` });
      return result;
    });
  } catch (e) {
    if (e instanceof DryRunDone) return e.result;
    throw e;
  }
}

async function commitKind(
  db: Db,
  user: TUser,
  today: string,
  kind: TImportKind,
  rows: ReturnType<typeof tableRows>,
  errors: RowErrorList,
  progress: (rows: number) => void,
): Promise<{ counts: Record<string, number>; summary: string }> {
  switch (kind) {
    case 'cases': {
      const c = await importCaseRows(db, user, today, rows, errors, progress);
      return {
        counts: { ...c },
        summary: `${c.rows} 行：新增 ${c.imported} 件（办结 ${c.decided} 件，超期建议 ${c.proposals} 条），已存在未变 ${c.skipped} 件`,
      };
    }
    case 'roster': {
      const c = await importRosterRows(db, user, today, rows, errors);
      return {
        counts: { ...c },
        summary: `${c.rows} 行：新增单位 ${c.units} 个、窗口 ${c.windows} 个、人员 ${c.staff} 人${c.updated > 0 ? `，按工号修改 ${c.updated} 人` : ''}，已存在未变 ${c.unchanged} 人`,
      };
    }
    case 'matters': {
      const c = await importMatterRows(db, user, rows, errors);
      return {
        counts: { ...c },
        summary: `${c.rows} 行：新增事项 ${c.created} 项、修改 ${c.updated} 项，已存在未变 ${c.unchanged} 项`,
      };
    }
    case 'ratings': {
      const c = await importRatingRows(db, user, today, rows, errors, progress);
      const marks = [
        c.afterReset > 0 ? `重置查询密码后作出、待核实 ${c.afterReset} 条` : '',
        c.followUps > 0 ? `差评回访 ${c.followUps} 条` : '',
      ].filter((x) => x !== '');
      return {
        counts: { ...c },
        summary: `${c.rows} 行：新增评价 ${c.imported} 条${marks.length > 0 ? `（${marks.join('，')}）` : ''}，已存在未变 ${c.skipped} 条`,
      };
    }
    case 'calendar': {
      const c = await importCalendarRows(db, user, rows, errors);
      return { counts: { rows: c.rows, changed: c.changed }, summary: c.summary };
    }
  }
}

/**
 * The XLSX template of a kind: the Chinese header row (required columns marked `*`) and an example row
 * that imports cleanly into the center (its own matter, person and unit where the kind names them).
 */
export async function importTemplate(
  db: Db,
  centerId: number,
  today: string,
  kind: TImportKind,
): Promise<Uint8Array> {
  const spec = IMPORT_KIND_SPECS[kind];
  const example =
    kind === 'cases'
      ? await caseExample(db, centerId, today)
      : kind === 'matters'
        ? await matterExample(db, centerId)
        : kind === 'ratings'
          ? await ratingExample(db, centerId)
          : {};
  return writeImportTemplate(
    spec.title,
    spec.columns.map((c) => ({ text: c.header, isRequired: c.isRequired })),
    [spec.columns.map((c) => example[c.key] ?? c.example)],
  );
}
