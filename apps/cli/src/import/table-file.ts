import { readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';

/** A file refused whole: one line naming the file and why; nothing is written. */
export class FileRefusal extends Error {}

/** The largest file an import reads (a large center's year of cases as CSV is about 150 MB). */
export const MAX_IMPORT_BYTES = 160 * 1024 * 1024;

/** A table: the header row and the data rows, every cell as text (trimmed). */
export interface TTable {
  header: string[];
  rows: string[][];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Decodes CSV bytes: UTF-8 (with or without BOM) when valid, else GB18030 (GBK exports). */
export function decodeCsv(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new FileRefusal(`${file}：无法识别的文字编码（须为 UTF-8 或 GB18030/GBK 的 CSV，或 XLSX）`);
    }
  }
}

/** RFC 4180 CSV (quoted fields, "" inside quotes, CRLF or LF); blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field.trim());
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      field = '';
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field.trim());
  if (row.some((c) => c !== '')) rows.push(row);
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
  }
  return String(v).trim();
}

/**
 * Reads an import file: XLSX (its first sheet) or CSV. Refuses, in one line, a missing, empty, too
 * large or binary file and text in an unknown encoding.
 */
export async function readTable(file: string): Promise<TTable> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new FileRefusal(`${file}：无法读取文件（${(e as NodeJS.ErrnoException).code ?? 'error'}）`);
  }
  if (size === 0) throw new FileRefusal(`${file}：文件为空`);
  if (size > MAX_IMPORT_BYTES) {
    throw new FileRefusal(
      `${file}：文件过大（${Math.round(size / 1024 / 1024)} MB，上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB），请按月拆分后导入`,
    );
  }
  const bytes = readFileSync(file);
  let cells: string[][];
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new FileRefusal(`${file}：不是有效的 XLSX 文件`);
    }
    const sheet = wb.worksheets[0];
    cells = [];
    sheet?.eachRow((r) => {
      const values = (r.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (values.some((c) => c !== '')) cells.push(values);
    });
  } else {
    if (bytes.subarray(0, 8192).includes(0)) {
      throw new FileRefusal(`${file}：不是文本表格（二进制文件），请导入 CSV 或 XLSX`);
    }
    cells = parseCsv(decodeCsv(bytes, file));
  }
  const [header, ...rows] = cells;
  if (!header) throw new FileRefusal(`${file}：文件为空`);
  return { header: header.map((h) => h.replace(/^\*/, '').trim()), rows };
}
