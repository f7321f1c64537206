/**
 * Display width of text in "half-width" units: a CJK character (and full-width punctuation) counts 2,
 * ASCII counts 1. exceljs has no auto-fit, so column widths and row heights are computed from this.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  if (code < 0x1100) return false;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2014 && code <= 0x201f) || // — ‘ ’ “ ” are full width in 宋体
    code === 0x2026 ||
    (code >= 0x2160 && code <= 0x217f) ||
    (code >= 0x2460 && code <= 0x24ff) || // ① ②
    (code >= 0x25a0 && code <= 0x25ff) || // ■ ▲ ○
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * How many lines `text` takes in a cell `width` units wide at `fontSize` points (11 pt is the unit):
 * explicit line breaks count, each paragraph wraps on its own.
 */
export function wrappedLines(text: string, width: number, fontSize = 11): number {
  const usable = Math.max(1, width - 1);
  const scale = (fontSize / 11) * 1.05;
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil((displayWidth(part) * scale) / usable));
  return lines;
}
