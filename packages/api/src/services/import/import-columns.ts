import { FileRefusal, type TImportTable } from './import-file.ts';

/**
 * A column of an import kind: its Chinese header (and other names exports give it), whether it is
 * required, and the template's example.
 */
export interface TColumn {
  key: string;
  header: string;
  /** other headers read as this column (the template writes `header`) */
  aliases?: readonly string[];
  isRequired: boolean;
  example: string;
}

/** A bad row: `第N行 列名: 说明` (N counts the header as row 1, as a spreadsheet does). */
export interface TRowError {
  line: number;
  column: string;
  message: string;
}

/** The cells of one data row by column key, and a way to mark it bad. */
export interface TRow {
  line: number;
  get(key: string): string;
  fail(key: string, message: string): void;
  isBad(): boolean;
}

/**
 * The column index of each key, by its header or an alias (the first one found), or a refusal naming the
 * missing headers (a file of another kind). An optional column may be absent.
 */
export function mapHeader(header: readonly string[], columns: readonly TColumn[], file: string) {
  const at = new Map<string, number>();
  const missing: string[] = [];
  for (const c of columns) {
    const i = [c.header, ...(c.aliases ?? [])].map((h) => header.indexOf(h)).find((x) => x >= 0) ?? -1;
    if (i >= 0) at.set(c.key, i);
    else if (c.isRequired) missing.push(c.header);
  }
  if (missing.length > 0) {
    throw new FileRefusal(`${file}：表头不符，缺少列 ${missing.join('、')}（请下载该类模板）`);
  }
  return at;
}

/** The most bad rows kept for the report: the rest are counted, not listed. */
export const MAX_ROW_ERRORS = 1000;

/** The bad rows of one import: every one counted, the first MAX_ROW_ERRORS kept. */
export class RowErrorList {
  readonly list: TRowError[] = [];
  count = 0;
  add(e: TRowError) {
    this.count++;
    if (this.list.length < MAX_ROW_ERRORS) this.list.push(e);
  }
}

/** What the rows of one table share: where each column is, its header, where errors go. */
interface TRowContext {
  at: Map<string, number>;
  header: Map<string, string>;
  errors: RowErrorList;
}

/** A data row: its methods are the class's (a file of a million rows makes no closures per row). */
class TableRow implements TRow {
  private isRowBad = false;
  constructor(
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly context: TRowContext,
  ) {}
  get(key: string): string {
    const idx = this.context.at.get(key);
    return idx === undefined ? '' : (this.cells[idx] ?? '');
  }
  fail(key: string, message: string): void {
    this.isRowBad = true;
    this.context.errors.add({ line: this.line, column: this.context.header.get(key) ?? key, message });
  }
  isBad(): boolean {
    return this.isRowBad;
  }
}

/** The rows of a table, in the batches they were read in. */
export type TRowBatches = AsyncIterable<readonly TRow[]>;

/**
 * Reads the data rows of a table as `TRow`s, in the batches the file was read in: required cells are
 * checked here (`必填`), every other check is the kind's. Line numbers count the header as row 1.
 */
export async function* tableRows(
  table: TImportTable,
  at: Map<string, number>,
  columns: readonly TColumn[],
  errors: RowErrorList,
): AsyncGenerator<readonly TRow[]> {
  const context: TRowContext = { at, header: new Map(columns.map((c) => [c.key, c.header])), errors };
  const required = columns.filter((c) => c.isRequired).map((c) => c.key);
  let line = 1;
  for await (const cellRows of table.batches) {
    const batch: TRow[] = [];
    for (const cells of cellRows) {
      const row = new TableRow(++line, cells, context);
      for (const key of required) if (row.get(key) === '') row.fail(key, '必填');
      batch.push(row);
    }
    yield batch;
  }
  if (line === 1) throw new FileRefusal(`${table.name}：只有表头，没有数据行`);
}
