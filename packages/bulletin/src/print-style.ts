import type { Alignment, Borders, Fill, Font, Margins, PageSetup, Style } from 'exceljs';

/**
 * The official print look. Fonts are the names Chinese Windows and WPS know; `charset: 134` (GB2312)
 * lets Excel pick the Chinese face. 黑体 stands in for 方正小标宋 in titles: it is on every Chinese
 * machine, 方正小标宋 is not.
 */
export const FONTS = {
  /** Tables: 宋体 (SimSun). */
  table: '宋体',
  /** Official text (公文正文): 仿宋. */
  official: '仿宋',
  /** Titles: 黑体, bold, large. */
  title: '黑体',
} as const;

/** Point sizes: title 小二 (18), official text 四号 (14), tables 11, notes 12. */
export const FONT_SIZES = { title: 18, official: 14, meta: 12, table: 11, header: 11 } as const;

/** A4 = paper size 9 in OOXML. */
export const PAPER_A4 = 9;

/** Margins in inches: 2 cm sides, 2.2 cm top and bottom, header and footer 0.8 cm. */
export const MARGINS: Margins = {
  left: 0.79,
  right: 0.79,
  top: 0.87,
  bottom: 0.87,
  header: 0.31,
  footer: 0.31,
};

/** Page number footer: 第 N 页 共 M 页, centred, 宋体 10. */
export const PAGE_FOOTER = '&C&"宋体,常规"&10第 &P 页  共 &N 页';

/**
 * The footer of a sheet that is one document among several in its workbook (a letter per unit, a
 * ballot per group, a supplement beside the month's summary): 第 N 页 only. Each sheet's numbering
 * starts again at 1 (`firstPageNumber` in {@link pageSetup}), but LibreOffice fills &N with the pages
 * of the whole workbook, not of the sheet (a second one-page letter printed 第1页 共4页), and no
 * header/footer field gives a sheet's own page count; so the count is left out rather than printed
 * wrong.
 */
export const PAGE_FOOTER_OF_SEVERAL = '&C&"宋体,常规"&10第 &P 页';

/** The page footer of a sheet in a workbook of `sheetCount` sheets (documents). */
export function pageFooter(sheetCount: number): string {
  return sheetCount > 1 ? PAGE_FOOTER_OF_SEVERAL : PAGE_FOOTER;
}

/**
 * The running head of every page: the document's title (with its period), 宋体 9, right-aligned, so a
 * continuation page carries what it belongs to. `&` is doubled (a code character in headers).
 */
export function runningHeader(text: string): string {
  return `&R&"宋体,常规"&9${text.replace(/&/g, '&&')}`;
}

export type TAlign = 'left' | 'center' | 'right';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Marked rows (不称职) print in light grey, visible in black and white. */
const MARK_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

function font(name: string, size: number, bold = false): Partial<Font> {
  return { name, size, bold, charset: 134 };
}

function alignment(horizontal: TAlign, wrapText: boolean): Partial<Alignment> {
  return { horizontal, vertical: 'middle', wrapText };
}

/**
 * Style objects are created once and shared by every cell that uses them: exceljs caches the style id
 * by object identity (a WeakMap), which keeps a 20,000-row bulletin fast. Never mutate them.
 */
export const STYLES = {
  title: { font: font(FONTS.title, FONT_SIZES.title, true), alignment: alignment('center', true) },
  official: (align: TAlign): Partial<Style> => ({
    font: font(FONTS.official, FONT_SIZES.official),
    alignment: { ...alignment(align, true), vertical: 'top' },
  }),
  meta: (align: TAlign, bold = false): Partial<Style> => ({
    font: font(FONTS.official, FONT_SIZES.meta, bold),
    alignment: alignment(align, true),
  }),
  section: { font: font(FONTS.table, FONT_SIZES.meta, true), alignment: alignment('left', false) },
  /** A bordered box to write in (the sign-off's opinions): text at the top left, wrapped. */
  box: {
    font: font(FONTS.official, FONT_SIZES.meta),
    alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
    border: BORDERS,
  } as Partial<Style>,
  header: {
    font: font(FONTS.table, FONT_SIZES.header, true),
    alignment: alignment('center', true),
    border: BORDERS,
  },
  cell: (align: TAlign, wrap: boolean, isMarked: boolean, numFmt?: string): Partial<Style> => ({
    font: font(FONTS.table, FONT_SIZES.table, isMarked),
    alignment: alignment(align, wrap),
    border: BORDERS,
    ...(isMarked ? { fill: MARK_FILL } : {}),
    ...(numFmt ? { numFmt } : {}),
  }),
} as const;

/** The page setup of every bulletin sheet: A4, fitted to one page wide, as many pages tall as needed. */
export function pageSetup(orientation: 'portrait' | 'landscape', headerRow: number): Partial<PageSetup> {
  return {
    paperSize: PAPER_A4,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    // (horizontalCentered is not written by the streaming writer; fitted to the width, it is moot.)
    margins: MARGINS,
    printTitlesRow: `${headerRow}:${headerRow}`,
    // every sheet is a document of its own: its pages are numbered from 1, not on from the sheet before
    firstPageNumber: 1,
  };
}
