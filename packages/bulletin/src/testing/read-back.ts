import ExcelJS from 'exceljs';

/** Loads a written .xlsx with exceljs' in-memory reader, as a user's spreadsheet program would. */
export async function readBack(source: Buffer | string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof source === 'string') await workbook.xlsx.readFile(source);
  else await workbook.xlsx.load(source as unknown as ArrayBuffer);
  return workbook;
}

/** The text of a cell (numbers as they print), '' when empty. */
export function text(sheet: ExcelJS.Worksheet, address: string): string {
  const value = sheet.getCell(address).value;
  return value === null || value === undefined ? '' : String(value);
}

/** The texts of a row, columns 1..n. */
export function rowTexts(sheet: ExcelJS.Worksheet, row: number, columns = sheet.columnCount): string[] {
  return Array.from({ length: columns }, (_, i) => {
    const value = sheet.getRow(row).getCell(i + 1).value;
    return value === null || value === undefined ? '' : String(value);
  });
}

/** The merged ranges of a sheet, e.g. ['A1:K1', 'A2:K2']. */
export function merges(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.model as unknown as { merges: string[] }).merges;
}

/** The first row (from `from`) whose cell in `column` has exactly this text, or -1. */
export function findRow(sheet: ExcelJS.Worksheet, column: number, value: string, from = 1): number {
  for (let row = from; row <= sheet.rowCount; row++) {
    const cell = sheet.getRow(row).getCell(column).value;
    if (cell !== null && String(cell) === value) return row;
  }
  return -1;
}
