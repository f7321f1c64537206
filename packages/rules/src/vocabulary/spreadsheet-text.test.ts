import { describe, expect, it } from 'vitest';
import { spreadsheetCell, spreadsheetText } from './spreadsheet-text.ts';

describe('spreadsheetText', () => {
  it('prefixes text that a spreadsheet would read as a formula, and nothing else', () => {
    for (const formula of ['=HYPERLINK("http://x","点击")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(spreadsheetText(formula)).toBe(`'${formula}`);
    for (const text of ['张三', '态度生硬 = 扣分', '1+1', '', "'已是文本", '+2', '-0.5'])
      expect(spreadsheetText(text)).toBe(text);
  });

  it('leaves numbers and empty cells as they are', () => {
    expect(spreadsheetCell(-3)).toBe(-3);
    expect(spreadsheetCell(null)).toBeNull();
    expect(spreadsheetCell(undefined)).toBeUndefined();
    expect(spreadsheetCell('=1')).toBe("'=1");
  });
});
