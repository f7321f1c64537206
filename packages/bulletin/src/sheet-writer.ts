import { spreadsheetCell, spreadsheetText } from '@chuangkou/rules/vocabulary';
import type { Row, Style, stream, Worksheet } from 'exceljs';
import { FONT_SIZES, pageFooter, pageSetup, runningHeader, STYLES, type TAlign } from './print-style.ts';
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
  | { kind: 'blank'; height?: number }
  /** Boxes side by side across the width, bordered, each a merged cell (the sign-off's opinions). */
  | { kind: 'boxes'; texts: readonly string[]; height: number };

export type TRow = { cells: readonly TCell[]; isMarked?: boolean };

/**
 * Lines printed on one page (a sign-off block: opinions and signatures): when they would not fit on
 * what is left of the page, a page break goes before them, so a signature never stands alone.
 */
export type TKeep = { kind: 'keep'; lines: readonly (TLine | TTable)[] };

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
  after: readonly (TLine | TTable | TKeep)[];
  /** Minimum data row height in points (the blank patrol form wants room to write). */
  minRowHeight?: number;
  /**
   * The running head printed at the top of every page (title and period, so a continuation page says
   * what it belongs to); defaults to the title.
   */
  runningHead?: string;
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
 * is frozen and repeated on every printed page. Returns the rows after which a manual page break was
 * put (before a kept block that would not fit on the page).
 */
export function writeSheet(
  workbook: stream.xlsx.WorkbookWriter,
  spec: TSheetSpec,
  /** how many sheets (documents) the workbook holds: the page footer depends on it (`pageFooter`) */
  sheetCount = 1,
): { pageBreaks: number[] } {
  const widths = columnWidths(spec);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const lastColumn = spec.columns.length;
  const headerRow = 2 + spec.preamble.length;
  const sheet = workbook.addWorksheet(spec.name, {
    pageSetup: pageSetup(spec.orientation, headerRow),
    headerFooter: {
      oddHeader: runningHeader(spec.runningHead ?? spec.title),
      oddFooter: pageFooter(sheetCount),
      differentFirst: false,
      differentOddEven: false,
    },
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

  // Where the rows fall on the printed pages (fitted to the width: the scale shrinks every height),
  // so a kept block can start a new page rather than be split.
  const printable = PRINTABLE_POINTS[spec.orientation];
  const scale = Math.min(1, printable.width / widths.reduce((sum, w) => sum + columnPoints(w), 0));
  let headerHeight = 0;
  let onPage = 0;
  const place = (height: number) => {
    const h = height * scale;
    if (onPage + h > printable.height) onPage = headerHeight * scale + h;
    else onPage += h;
  };
  let rowNumber = 0;
  const pageBreaks: number[] = [];
  const nextRow = (): Row => sheet.getRow(++rowNumber);
  const mergedLine = (text: string, style: Partial<Style>, height: number) => {
    const row = nextRow();
    row.height = height;
    place(height);
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
        row.height = line.height ?? 12;
        place(row.height);
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
      case 'boxes': {
        const row = nextRow();
        row.height = line.height;
        place(row.height);
        const groups = boxColumns(widths, line.texts.length);
        groups.forEach(([from, to], i) => {
          for (let c = from; c <= to; c++) row.getCell(c).style = STYLES.box;
          row.getCell(from).value = line.texts[i] ?? '';
          if (to > from) sheet.mergeCells(rowNumber, from, rowNumber, to);
        });
        row.commit();
        return;
      }
      case 'split': {
        const row = nextRow();
        const middle = Math.max(1, Math.ceil(lastColumn / 2));
        // each half wraps in its own width: a long list of signers grows the row, never gets cut
        const leftWidth = widths.slice(0, middle).reduce((a, b) => a + b, 0);
        const rightWidth = Math.max(1, totalWidth - leftWidth);
        const lines = Math.max(
          wrappedLines(line.left, leftWidth, FONT_SIZES.meta),
          wrappedLines(line.right, rightWidth, FONT_SIZES.meta),
        );
        row.height = Math.max(24, lines * FONT_SIZES.meta * 1.45 + 6);
        place(row.height);
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

  const headerRowHeight = (header: readonly string[]) =>
    Math.max(
      24,
      Math.max(...header.map((text, i) => wrappedLines(text, widths[i]!))) * TABLE_LINE_HEIGHT + 6,
    );
  const writeHeader = (header: readonly string[]) => {
    const row = nextRow();
    row.height = headerRowHeight(header);
    if (rowNumber === headerRow) headerHeight = row.height;
    place(row.height);
    for (let i = 0; i < lastColumn; i++) {
      const cell = row.getCell(i + 1);
      cell.value = spreadsheetText(header[i] ?? '');
      cell.style = STYLES.header;
    }
    row.commit();
  };

  const wrapColumns = spec.columns.flatMap((column, i) => (column.wrap ? [i] : []));
  const minHeight = spec.minRowHeight ?? DEFAULT_ROW_HEIGHT;
  const dataRowHeight = (data: TRow) => {
    let lines = 1;
    for (const i of wrapColumns) {
      const value = data.cells[i];
      if (typeof value === 'string') lines = Math.max(lines, wrappedLines(value, widths[i]!));
    }
    return Math.max(minHeight, lines * TABLE_LINE_HEIGHT + 6);
  };
  const tableHeight = (table: TTable) =>
    headerRowHeight(table.header ?? spec.columns.map((column) => column.header)) +
    (table.rows.length === 0 ? minHeight : table.rows.reduce((sum, row) => sum + dataRowHeight(row), 0));
  const writeTable = (table: TTable) => {
    writeHeader(table.header ?? spec.columns.map((column) => column.header));
    if (table.rows.length === 0) {
      mergedLine(table.emptyText ?? '无', cellStyles[0]!.normal, minHeight);
      return;
    }
    for (const data of table.rows) {
      const row = nextRow();
      row.height = dataRowHeight(data);
      place(row.height);
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
    else if (block.kind === 'keep') {
      const height = block.lines.reduce(
        (sum, line) =>
          sum + (line.kind === 'table' ? tableHeight(line) : lineHeight(line, widths, middleOf(lastColumn))),
        0,
      );
      if (rowNumber > 0 && onPage + height * scale > printable.height * (1 - KEEP_MARGIN)) {
        // a manual break after the last row written: the block starts the next page
        (sheet as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks.push({
          id: rowNumber,
          max: 16383,
          man: 1,
        });
        pageBreaks.push(rowNumber);
        onPage = headerHeight * scale;
      }
      for (const line of block.lines) {
        if (line.kind === 'table') writeTable(line);
        else writeLine(line);
      }
    } else writeLine(block);
  }
  (sheet as unknown as Worksheet & { commit(): void }).commit();
  return { pageBreaks };
}

/** The printable area of A4 inside the margins (2 cm sides, 2.2 cm top and bottom), in points. */
const PRINTABLE_POINTS = {
  portrait: { width: 482, height: 717 },
  landscape: { width: 728, height: 470 },
} as const;

/**
 * A column's printed width in points: about 9 px a character plus 5 px padding at 96 dpi, measured on
 * LibreOffice's rendering of these sheets (fitted to the width, a 159-character landscape grid prints
 * at about 0.65); the kept blocks leave {@link KEEP_MARGIN} for other spreadsheet programs.
 */
function columnPoints(width: number): number {
  return (width * 9 + 5) * 0.75;
}

/** The share of a page a kept block leaves free, for the difference between spreadsheet programs. */
const KEEP_MARGIN = 0.08;

/** The column ranges (1-based, inclusive) of `count` boxes of about equal width across the grid. */
export function boxColumns(widths: readonly number[], count: number): [number, number][] {
  const total = widths.reduce((a, b) => a + b, 0);
  const ranges: [number, number][] = [];
  let start = 1;
  let used = 0;
  for (let box = 1; box <= count; box++) {
    const target = (total * box) / count;
    let end = start;
    used += widths[end - 1] ?? 0;
    // take columns while the box is short of its share and columns remain for the boxes after it
    while (end < widths.length - (count - box) && used + (widths[end] ?? 0) / 2 <= target) {
      used += widths[end] ?? 0;
      end++;
    }
    if (box === count) end = widths.length;
    ranges.push([start, end]);
    start = end + 1;
  }
  return ranges;
}

function middleOf(lastColumn: number): number {
  return Math.max(1, Math.ceil(lastColumn / 2));
}

/** The height a line takes (as `writeSheet` writes it), for a kept block's measure. */
function lineHeight(line: TLine, widths: readonly number[], middle: number): number {
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  switch (line.kind) {
    case 'blank':
      return line.height ?? 12;
    case 'boxes':
      return line.height;
    case 'section':
      return 24;
    case 'text': {
      const size = line.font === 'meta' ? FONT_SIZES.meta : FONT_SIZES.official;
      return Math.max(22, wrappedLines(line.text, totalWidth, size) * size * 1.45 + 6);
    }
    case 'split': {
      const leftWidth = widths.slice(0, middle).reduce((a, b) => a + b, 0);
      const lines = Math.max(
        wrappedLines(line.left, leftWidth, FONT_SIZES.meta),
        wrappedLines(line.right, Math.max(1, totalWidth - leftWidth), FONT_SIZES.meta),
      );
      return Math.max(24, lines * FONT_SIZES.meta * 1.45 + 6);
    }
  }
}

/** Excel's rules for sheet names: at most 31 characters, none of / \ ? * [ ] :. */
export function safeSheetName(name: string): string {
  return name.replace(/[/\\?*[\]:]/g, '_').slice(0, 31);
}
