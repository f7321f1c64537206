/** PNG and Excel export of a chart card. exceljs is loaded only when a user exports (it is ~1 MB). */
import { spreadsheetCell, spreadsheetText } from '@chuangkou/rules/vocabulary';

export type TExportColumn = { title: string; value: (row: never) => string | number | null | undefined };

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Display width of a text in Excel columns, counting a CJK character as 2 (exceljs has no auto-fit). */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(char) ? 2 : 1;
  return width;
}

/** Safe file and sheet names: no `/ \ ? * [ ] :`, sheets at most 31 characters. */
export function safeName(text: string, max = 80): string {
  return text.replace(/[/\\?*[\]:]/g, '_').slice(0, max) || 'sheet';
}

/** Renders an SVG element (a recharts surface) to a PNG at twice its size on a white background. */
export async function svgToPngBlob(svg: SVGSVGElement): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.fontFamily = getComputedStyle(svg).fontFamily;
  const source = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas unavailable');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'),
  );
}

export type TSheet = { title: string; header: string[]; rows: (string | number | null | undefined)[][] };

/**
 * The rows an export writes: the title, the header, then the data, with text that looks like a formula
 * (= + - @) prefixed so it stays text when the sheet is edited or saved as CSV.
 */
export function exportRowsOf(sheet: TSheet): (string | number)[][] {
  return [
    [spreadsheetText(sheet.title)],
    sheet.header.map(spreadsheetText),
    ...sheet.rows.map((row) => row.map((cell) => spreadsheetCell(cell ?? ''))),
  ];
}

/** Builds an .xlsx with a bold frozen header and widths fitted to Chinese text. */
export async function sheetToXlsxBlob(sheet: TSheet): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'chuangkou';
  const worksheet = workbook.addWorksheet(safeName(sheet.title, 31), {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const [title, headerCells, ...rows] = exportRowsOf(sheet);
  worksheet.addRow(title!).font = { bold: true, size: 14 };
  const header = worksheet.addRow(headerCells!);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const row of rows) worksheet.addRow(row);
  sheet.header.forEach((title, index) => {
    const widest = Math.max(
      textWidth(title),
      ...sheet.rows.map((row) => textWidth(String(row[index] ?? ''))),
    );
    worksheet.getColumn(index + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
