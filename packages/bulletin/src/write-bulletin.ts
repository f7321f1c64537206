import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, constants, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { BULLETIN_KIND_LABELS, BULLETIN_KINDS, type TBulletinKind } from '@chuangkou/rules';
import ExcelJS from 'exceljs';
import { BulletinError } from './bulletin.errors.ts';
import type { TBulletin } from './bulletin.types.ts';
import { awardsSheets } from './kinds/awards.bulletin.ts';
import { ballotSheets } from './kinds/ballot.bulletin.ts';
import { behavioursSheets } from './kinds/behaviours.bulletin.ts';
import { cadresSheets } from './kinds/cadres.bulletin.ts';
import { complaintLadderSheets } from './kinds/complaint-ladder.bulletin.ts';
import { finesSheets } from './kinds/fines.bulletin.ts';
import { patrolSheets } from './kinds/patrol.bulletin.ts';
import { resultsSheets } from './kinds/results.bulletin.ts';
import { uniformSheets } from './kinds/uniform.bulletin.ts';
import { unitLettersSheets } from './kinds/unit-letters.bulletin.ts';
import { yearEndSheets } from './kinds/yearend.bulletin.ts';
import { yellowCardSheets } from './kinds/yellow-card.bulletin.ts';
import { monthLabel, quarterLabel } from './labels.ts';
import { safeSheetName, type TSheetSpec, writeSheet } from './sheet-writer.ts';

export function isBulletinKind(kind: unknown): kind is TBulletinKind {
  return typeof kind === 'string' && (BULLETIN_KINDS as readonly string[]).includes(kind);
}

/** Throws UNKNOWN_KIND naming the kind and listing the known ones. */
export function assertBulletinKind(kind: unknown): asserts kind is TBulletinKind {
  if (!isBulletinKind(kind)) {
    throw new BulletinError(
      'UNKNOWN_KIND',
      `未知的通报类型“${String(kind)}”，可用：${BULLETIN_KINDS.join('、')}`,
      `unknown bulletin kind "${String(kind)}"; known: ${BULLETIN_KINDS.join(', ')}`,
      'kind',
    );
  }
}

/**
 * The sheets of a bulletin, validated: every input error is thrown here, before anything is written.
 */
export function bulletinSheets(bulletin: TBulletin): TSheetSpec[] {
  const kind: unknown = (bulletin as { kind?: unknown }).kind;
  assertBulletinKind(kind);
  switch (bulletin.kind) {
    case 'results':
      return resultsSheets(bulletin);
    case 'behaviours':
      return behavioursSheets(bulletin);
    case 'fines':
      return finesSheets(bulletin);
    case 'patrol':
      return patrolSheets(bulletin);
    case 'awards':
      return awardsSheets(bulletin);
    case 'yearend':
      return yearEndSheets(bulletin);
    case 'cadres':
      return cadresSheets(bulletin);
    case 'complaintLadder':
      return complaintLadderSheets(bulletin);
    case 'uniform':
      return uniformSheets(bulletin);
    case 'yellowcard':
      return yellowCardSheets(bulletin);
    case 'unitletters':
      return unitLettersSheets(bulletin);
    case 'ballot':
      return ballotSheets(bulletin);
  }
}

/** A file name for the download: 2026年第三季度季度考核结果公示.xlsx and so on. */
export function bulletinFileName(bulletin: TBulletin): string {
  const label = BULLETIN_KIND_LABELS[bulletin.kind].zh;
  switch (bulletin.kind) {
    case 'results':
      return `${quarterLabel(bulletin.period)}考核结果公示.xlsx`;
    case 'behaviours':
      return `${'quarter' in bulletin.period ? quarterLabel(bulletin.period) : monthLabel(bulletin.period)}${label}.xlsx`;
    case 'fines':
      return `${monthLabel(bulletin.period)}${label}.xlsx`;
    case 'patrol':
      return bulletin.patrol ? `${bulletin.patrol.date}${label}.xlsx` : `${label}（空白）.xlsx`;
    case 'awards':
      return `${bulletin.period.year}年${bulletin.scope === 'monthly' ? `${bulletin.period.month}月` : '度'}${bulletin.annualPending ? '月度红旗窗口汇总' : label}.xlsx`;
    case 'yellowcard':
      return `${bulletin.period.year}年${bulletin.period.month === undefined ? '度' : `${bulletin.period.month}月`}${label}.xlsx`;
    case 'unitletters':
      return `${monthLabel(bulletin.period)}${label}.xlsx`;
    case 'ballot':
      return `${quarterLabel(bulletin.period)}${label}.xlsx`;
    case 'yearend':
    case 'cadres':
      return `${bulletin.year}年${label}.xlsx`;
    case 'complaintLadder':
      return `${bulletin.year}年${bulletin.person.name}${label}.xlsx`;
    case 'uniform':
      return `${monthLabel(bulletin.period)}${label}.xlsx`;
  }
}

/**
 * Streams a bulletin as .xlsx into `output` (exceljs `WorkbookWriter` with styles): rows are committed as
 * they are written, so a 20,000-row bulletin does not sit in memory as a workbook.
 */
export async function writeBulletin(bulletin: TBulletin, output: Writable): Promise<void> {
  await writeSheets(bulletinSheets(bulletin), output, bulletin.issuer ?? bulletin.center);
}

async function writeSheets(sheets: readonly TSheetSpec[], output: Writable, creator: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = creator;
  for (const spec of sheets) writeSheet(workbook, { ...spec, name: safeSheetName(spec.name) }, sheets.length);
  await workbook.commit(); // resolves on the stream's 'finish', rejects on its 'error'
}

/** The bulletin as an in-memory .xlsx (for an HTTP download). */
export async function renderBulletin(bulletin: TBulletin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await writeBulletin(bulletin, sink);
  return Buffer.concat(chunks);
}

function unwritable(path: string, reason: string): BulletinError {
  return new BulletinError(
    'UNWRITABLE_PATH',
    `无法写入文件 ${path}：${reason}`,
    `cannot write ${path}: ${reason}`,
    'out',
  );
}

/**
 * Writes the bulletin to `path` through a temporary file in the same folder, renamed into place at the
 * end: a failure leaves neither a half-written file nor the temporary one. Input errors are thrown
 * before any file is created.
 */
export async function writeBulletinFile(
  bulletin: TBulletin,
  path: string,
): Promise<{ path: string; bytes: number }> {
  const target = resolve(path);
  const sheets = bulletinSheets(bulletin); // validate first: nothing is created for bad input
  const folder = dirname(target);
  const folderStat = await stat(folder).catch(() => null);
  if (!folderStat?.isDirectory()) throw unwritable(target, '目录不存在');
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) throw unwritable(target, '该路径是一个目录');
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw unwritable(target, '没有写入权限');
  }

  const temporary = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const file = createWriteStream(temporary, { flags: 'wx' });
  file.on('error', () => undefined); // reported through the writer's promise; never unhandled
  const closed = new Promise<void>((resolveClose) => file.once('close', () => resolveClose()));
  try {
    await writeSheets(sheets, file, bulletin.issuer ?? bulletin.center);
    await closed;
    await rename(temporary, target);
  } catch (error) {
    file.destroy();
    await closed;
    await unlink(temporary).catch(() => undefined);
    // A file-system error (ENOSPC, EACCES, EROFS …) is the path's fault; anything else is a bug: rethrown.
    if (isFileSystemError(error)) throw unwritable(target, error.message);
    throw error;
  }
  const written = await stat(target);
  return { path: target, bytes: written.size };
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error
  );
}
