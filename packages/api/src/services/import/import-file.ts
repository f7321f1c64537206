import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { readWorkbookRows } from '@chuangkou/bulletin';

/** A file refused whole: one line naming the file and why; nothing is written. */
export class FileRefusal extends Error {
  override readonly name = 'FileRefusal';
}

/** The largest file an import reads (a large center's year of cases as CSV is about 150 MB). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** An import file opened for reading: its header, then its data rows one at a time. */
export interface TImportTable {
  /** the file's name as the person gave it (printed in refusals) */
  name: string;
  header: string[];
  /**
   * the data rows in order, blank rows left out, in batches as they are read (a CSV piece's rows: a
   * row at a time would cost an await per row); CSV is read as a stream
   */
  batches: AsyncIterable<string[][]>;
  bytes: number;
  /** how many bytes of the file were read so far (progress) */
  bytesRead(): number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CHUNK = 1024 * 1024;

/**
 * RFC 4180 CSV read piece by piece (quoted fields, "" inside quotes, CRLF or LF, a field may span
 * pieces); cells are trimmed and blank lines skipped.
 */
export class CsvRowParser {
  private row: string[] = [];
  private field = '';
  private isQuoted = false;
  private wasQuote = false;
  private isCr = false;

  /** The rows completed by this piece of text. */
  push(text: string): string[][] {
    const out: string[][] = [];
    let start = 0;
    const n = text.length;
    let i = 0;
    if (this.isCr) {
      this.isCr = false;
      if (n > 0 && text.charCodeAt(0) === 10) start = i = 1;
    }
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.isQuoted) {
        if (this.wasQuote) {
          this.wasQuote = false;
          if (c === 34) {
            // "" inside quotes: one quote
            this.field += '"';
            start = ++i;
            continue;
          }
          this.isQuoted = false;
          start = i;
          continue;
        }
        if (c === 34) {
          this.field += text.slice(start, i);
          this.wasQuote = true;
          start = ++i;
          continue;
        }
        i++;
        continue;
      }
      if (c === 34 && this.field === '' && i === start) {
        this.isQuoted = true;
        start = ++i;
        continue;
      }
      if (c === 44) {
        this.row.push((this.field + text.slice(start, i)).trim());
        this.field = '';
        start = ++i;
        continue;
      }
      if (c === 10 || c === 13) {
        this.row.push((this.field + text.slice(start, i)).trim());
        this.field = '';
        this.endRow(out);
        if (c === 13) {
          if (i + 1 < n) {
            if (text.charCodeAt(i + 1) === 10) i++;
          } else this.isCr = true;
        }
        start = ++i;
        continue;
      }
      i++;
    }
    if (!(this.isQuoted && this.wasQuote)) this.field += text.slice(start, n);
    return out;
  }

  /** The last row, when the text does not end with a line break. */
  end(): string[][] {
    const out: string[][] = [];
    if (this.field !== '' || this.row.length > 0) {
      this.row.push(this.field.trim());
      this.field = '';
      this.endRow(out);
    }
    return out;
  }

  private endRow(out: string[][]) {
    const row = this.row;
    this.row = [];
    for (const cell of row) {
      if (cell !== '') {
        out.push(row);
        return;
      }
    }
  }
}

/** The decoder of a CSV file from its first bytes: UTF-8 when they are valid UTF-8, else GB18030. */
function pickDecoder(head: Uint8Array, name: string): TextDecoder {
  for (const label of ['utf-8', 'gb18030']) {
    try {
      // stream: a character cut at the end of the sample is not an error
      new TextDecoder(label, { fatal: true }).decode(head, { stream: true });
      return new TextDecoder(label, { fatal: true, ignoreBOM: false });
    } catch {
      // try the next encoding
    }
  }
  throw new FileRefusal(`${name}：无法识别的文字编码（须为 UTF-8 或 GB18030/GBK 的 CSV，或 XLSX）`);
}

const refuseEncoding = (name: string) =>
  new FileRefusal(`${name}：文字编码有误（须为 UTF-8 或 GB18030/GBK 的 CSV，或 XLSX）`);

async function* csvRows(path: string, name: string, decoder: TextDecoder, counter: { read: number }) {
  const parser = new CsvRowParser();
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    counter.read += chunk.length;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      stream.destroy();
      throw refuseEncoding(name);
    }
    const rows = parser.push(text);
    if (rows.length > 0) yield rows;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw refuseEncoding(name);
  }
  const rows = [...parser.push(tail), ...parser.end()];
  if (rows.length > 0) yield rows;
}

/** Rows in batches of `size` (an XLSX sheet is read whole). */
function* inBatches(rows: string[][], size: number): Generator<string[][]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

function readHead(path: string, length: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens an import file: XLSX (its first sheet, read whole) or CSV (read as a stream, so memory stays
 * flat as the file grows). Refuses in one line, before anything is written: a missing, empty, too
 * large or binary file, text in an unknown encoding, and a file with a header but no rows.
 */
export async function openImportTable(
  path: string,
  name: string,
  maxBytes: number = MAX_IMPORT_BYTES,
): Promise<TImportTable> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw new FileRefusal(`${name}：无法读取文件（${(e as NodeJS.ErrnoException).code ?? 'error'}）`);
  }
  if (size === 0) throw new FileRefusal(`${name}：文件为空`);
  if (size > maxBytes) {
    const mb = (b: number) => Math.round(b / 1024 / 1024);
    throw new FileRefusal(`${name}：文件过大（${mb(size)} MB，上限 ${mb(maxBytes)} MB），请按月拆分后导入`);
  }
  const head = readHead(path, Math.min(size, 64 * 1024));
  const counter = { read: 0 };
  let batches: AsyncIterator<string[][]> | Iterator<string[][]>;
  if (ZIP_MAGIC.every((b, i) => head[i] === b)) {
    const cells = await readWorkbookRows(await readFile(path));
    if (cells === null) throw new FileRefusal(`${name}：不是有效的 XLSX 文件`);
    counter.read = size;
    batches = inBatches(cells, 2_000);
  } else {
    if (head.subarray(0, 8192).includes(0)) {
      throw new FileRefusal(`${name}：不是文本表格（二进制文件），请导入 CSV 或 XLSX`);
    }
    batches = csvRows(path, name, pickDecoder(head, name), counter)[Symbol.asyncIterator]();
  }
  const first = await batches.next();
  if (first.done) throw new FileRefusal(`${name}：文件为空`);
  // the header is the first row; the rest of its batch are data rows
  const [headerCells, ...firstRows] = first.value;
  const header = headerCells!.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .replace(/^\*/, '')
      .trim(),
  );
  async function* rest(): AsyncGenerator<string[][]> {
    if (firstRows.length > 0) yield firstRows;
    for (let b = await batches.next(); !b.done; b = await batches.next()) yield b.value;
  }
  return { name, header, batches: rest(), bytes: size, bytesRead: () => counter.read };
}
