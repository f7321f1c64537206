import { spreadsheetCell, spreadsheetText } from '@chuangkou/rules/vocabulary';
import type { Row, Style, stream, Worksheet } from 'exceljs';
import { FONT_SIZES, PAGE_FOOTER, pageSetup, STYLES, type TAlign } from './print-style.ts';
import { displayWidth, wrappedLines } from './text-width.ts';

export type TCell = string | number | null;

/** A column of the sheet's grid: its header in the main table and how its cells look. */
export type TColumn = {
  header: string;
  align?: TAlign;
  /** Wrap long text (the width is capped at `maxWidth`, the row grows instead). */
  wrap?: boolean;
  minWidth?: number;
  maxWidth?: number;
  numFmt?: string;
};

/** A merged line across the whole width (titles and text only: merges cost quadratic time). */
export type TLine =
  | { kind: 'text'; text: string; align?: TAlign; font?: 'official' | 'meta'; bold?: boolean }
  | { kind: 'split'; left: string; right: string }
  | { kind: 'section'; text: string }
  | { kind: 'blank' };

export type TRow = { cells: readonly TCell[]; isMarked?: boolean };

/** A table on the sheet's column grid; `header` defaults to the columns' headers. */
export type TTable = { kind: 'table'; header?: readonly string[]; rows: readonly TRow[]; emptyText?: string };

/** A whole sheet: title, lines before the main table, the main table, then more lines and tables. */
export type TSheetSpec = {
  name: string;
  orientation: 'portrait' | 'landscape';
  columns: readonly TColumn[];
  title: string;
  preamble: readonly TLine[];
  table: TTable;
  after: readonly (TLine | TTable)[];
  /** Minimum data row height in points (the blank patrol form wants room to write). */
  minRowHeight?: number;
};

const TABLE_LINE_HEIGHT = 14.5;
const DEFAULT_ROW_HEIGHT = 20;

/** Column widths from the text (CJK = 2), the headers included, within each column's bounds. */
export function columnWidths(spec: TSheetSpec): number[] {
  // A header may wrap onto two lines (or break where it says): a little more than half its width.
  const headerWidth = (text: string) =>
    Math.max(
      ...text
        .split('\n')
        .map((line) => (displayWidth(line) <= 8 ? displayWidth(line) : displayWidth(line) / 2 + 2)),
    );
  const widths = spec.columns.map((column) => headerWidth(column.header));
  const visit = (cells: readonly (TCell | undefined)[]) => {
    for (let i = 0; i < widths.length; i++) {
      const value = cells[i];
      if (value === null || value === undefined) continue;
      const width = displayWidth(typeof value === 'number' ? String(value) : value);
      if (width > widths[i]!) widths[i] = width;
    }
  };
  for (const block of [spec.table, ...spec.after]) {
    if (block.kind !== 'table') continue;
    block.header?.forEach((text, i) => {
      if (i < widths.length && headerWidth(text) > widths[i]!) widths[i] = headerWidth(text);
    });
    for (const row of block.rows) visit(row.cells);
  }
  return widths.map((width, i) => {
    const column = spec.columns[i]!;
    const fitted = Math.ceil(width * 1.1) + 3;
    return Math.min(column.maxWidth ?? 60, Math.max(column.minWidth ?? 6, fitted));
  });
}

/**
 * Writes one sheet into a streaming workbook, committing rows as it goes. The main table's header row
 * is frozen and repeated on every printed page.
 */
export function writeSheet(workbook: stream.xlsx.WorkbookWriter, spec: TSheetSpec): void {
  const widths = columnWidths(spec);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const lastColumn = spec.columns.length;
  const headerRow = 2 + spec.preamble.length;
  const sheet = workbook.addWorksheet(spec.name, {
    pageSetup: pageSetup(spec.orientation, headerRow),
    headerFooter: { oddFooter: PAGE_FOOTER, differentFirst: false, differentOddEven: false },
    views: [
      { state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: 'A1' },
    ],
  });
  sheet.columns = widths.map((width) => ({ width }));

  const cellStyles = spec.columns.map((column) => ({
    normal: STYLES.cell(column.align ?? 'center', column.wrap ?? false, false, column.numFmt),
    marked: STYLES.cell(column.align ?? 'center', column.wrap ?? false, true, column.numFmt),
  }));
  const officialStyles = {
    left: STYLES.official('left'),
    center: STYLES.official('center'),
    right: STYLES.official('right'),
  };
  const metaStyles = {
    left: STYLES.meta('left'),
    center: STYLES.meta('center'),
    right: STYLES.meta('right'),
  };
  const metaBoldStyles = {
    left: STYLES.meta('left', true),
    center: STYLES.meta('center', true),
    right: STYLES.meta('right', true),
  };

  let rowNumber = 0;
  const nextRow = (): Row => sheet.getRow(++rowNumber);
  const mergedLine = (text: string, style: Partial<Style>, height: number) => {
    const row = nextRow();
    row.height = height;
    const cell = row.getCell(1);
    cell.value = spreadsheetText(text);
    cell.style = style;
    if (lastColumn > 1) sheet.mergeCells(rowNumber, 1, rowNumber, lastColumn);
    row.commit();
  };

  const writeLine = (line: TLine) => {
    switch (line.kind) {
      case 'blank': {
        const row = nextRow();
        row.height = 12;
        row.commit();
        return;
      }
      case 'section':
        mergedLine(line.text, STYLES.section, 24);
        return;
      case 'text': {
        const size = line.font === 'meta' ? FONT_SIZES.meta : FONT_SIZES.official;
        const styles = line.font === 'meta' ? (line.bold ? metaBoldStyles : metaStyles) : officialStyles;
        const lines = wrappedLines(line.text, totalWidth, size);
        mergedLine(line.text, styles[line.align ?? 'left'], Math.max(22, lines * size * 1.45 + 6));
        return;
      }
      case 'split': {
        const row = nextRow();
        row.height = 24;
        const middle = Math.max(1, Math.ceil(lastColumn / 2));
        const left = row.getCell(1);
        left.value = spreadsheetText(line.left);
        left.style = metaStyles.left;
        const right = row.getCell(middle + 1);
        right.value = spreadsheetText(line.right);
        right.style = metaStyles.right;
        if (middle > 1) sheet.mergeCells(rowNumber, 1, rowNumber, middle);
        if (lastColumn - middle > 1) sheet.mergeCells(rowNumber, middle + 1, rowNumber, lastColumn);
        row.commit();
        return;
      }
    }
  };

  const writeHeader = (header: readonly string[]) => {
    const row = nextRow();
    const lines = Math.max(...header.map((text, i) => wrappedLines(text, widths[i]!)));
    row.height = Math.max(24, lines * TABLE_LINE_HEIGHT + 6);
    for (let i = 0; i < lastColumn; i++) {
      const cell = row.getCell(i + 1);
      cell.value = spreadsheetText(header[i] ?? '');
      cell.style = STYLES.header;
    }
    row.commit();
  };

  const wrapColumns = spec.columns.flatMap((column, i) => (column.wrap ? [i] : []));
  const minHeight = spec.minRowHeight ?? DEFAULT_ROW_HEIGHT;
  const writeTable = (table: TTable) => {
    writeHeader(table.header ?? spec.columns.map((column) => column.header));
    if (table.rows.length === 0) {
      mergedLine(table.emptyText ?? '无', cellStyles[0]!.normal, minHeight);
      return;
    }
    for (const data of table.rows) {
      const row = nextRow();
      let lines = 1;
      for (const i of wrapColumns) {
        const value = data.cells[i];
        if (typeof value === 'string') lines = Math.max(lines, wrappedLines(value, widths[i]!));
      }
      row.height = Math.max(minHeight, lines * TABLE_LINE_HEIGHT + 6);
      for (let i = 0; i < lastColumn; i++) {
        const cell = row.getCell(i + 1);
        const value = data.cells[i];
        // text that looks like a formula stays text (a clerk's comment beginning with =, +, - or @)
        if (value !== null && value !== undefined) cell.value = spreadsheetCell(value);
        const styles = cellStyles[i]!;
        cell.style = data.isMarked ? styles.marked : styles.normal;
      }
      row.commit();
    }
  };

  mergedLine(
    spec.title,
    STYLES.title,
    Math.max(40, wrappedLines(spec.title, totalWidth, FONT_SIZES.title) * 30),
  );
  for (const line of spec.preamble) writeLine(line);
  writeTable(spec.table);
  for (const block of spec.after) {
    if (block.kind === 'table') writeTable(block);
    else writeLine(block);
  }
  (sheet as unknown as Worksheet & { commit(): void }).commit();
}

/** Excel's rules for sheet names: at most 31 characters, none of / \ ? * [ ] :. */
export function safeSheetName(name: string): string {
  return name.replace(/[/\\?*[\]:]/g, '_').slice(0, 31);
}
