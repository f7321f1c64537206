/**
 * Text that a spreadsheet would read as a formula when it is edited or saved as CSV: it begins with
 * = + - @ (or a tab or carriage return, which some programs strip first). Such text is written with a
 * leading apostrophe, so it stays text wherever the sheet goes (OWASP, CSV injection). A signed plain
 * number (`+2`, the bonus of a red-flag window) computes nothing and is left as printed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-]\d+(\.\d+)?$/;

/** The text as it is written into a spreadsheet cell: prefixed with `'` when it looks like a formula. */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text) ? `'${text}` : text;
}

/** A cell value: numbers stay numbers; text is neutralised as `spreadsheetText` does. */
export function spreadsheetCell<T extends string | number | null | undefined>(value: T): T {
  return (typeof value === 'string' ? spreadsheetText(value) : value) as T;
}
