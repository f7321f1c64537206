import ExcelJS from 'exceljs';
import { displayWidth } from './text-width.ts';

/** The cells of an XLSX cell value as text (dates as YYYY-MM-DD, formulas by their result). */
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
 * The rows of an XLSX workbook's first sheet, every cell as trimmed text, blank rows left out; null
 * when the bytes are not a workbook exceljs can read.
 */
export async function readWorkbookRows(bytes: Uint8Array): Promise<string[][] | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const rows: string[][] = [];
  wb.worksheets[0]?.eachRow((r) => {
    const values = (r.values as ExcelJS.CellValue[]).slice(1).map((v) => cellText(v).trim());
    if (values.some((c) => c !== '')) rows.push(values);
  });
  return rows;
}

/**
 * An import template: one sheet, a bold header row (required columns marked `*`) and example rows,
 * every cell as text so dates and codes stay as typed.
 */
export async function writeImportTemplate(
  sheetName: string,
  header: readonly { text: string; isRequired: boolean }[],
  examples: readonly (readonly string[])[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  sheet.addRow(header.map((h) => (h.isRequired ? `*${h.text}` : h.text))).font = { bold: true };
  for (const row of examples) sheet.addRow([...row]);
  header.forEach((h, i) => {
    const widest = Math.max(displayWidth(h.text) + 2, ...examples.map((r) => displayWidth(r[i] ?? '')));
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(12, widest + 2);
    col.numFmt = '@';
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
