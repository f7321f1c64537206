import { describe, expect, it } from 'vitest';
import { displayWidth, wrappedLines } from './text-width.ts';

describe('displayWidth', () => {
  it('counts a CJK character and full-width punctuation as 2, ASCII as 1', () => {
    expect(displayWidth('张三')).toBe(4);
    expect(displayWidth('不动产登记1号窗口')).toBe(17);
    expect(displayWidth('（30分）')).toBe(8);
    expect(displayWidth('“红旗窗口”')).toBe(12);
    expect(displayWidth('0791-83761234')).toBe(13);
    expect(displayWidth('')).toBe(0);
  });
});

describe('wrappedLines', () => {
  it('wraps by width and counts explicit line breaks', () => {
    expect(wrappedLines('张三', 20)).toBe(1);
    expect(wrappedLines('一二三四五六七八九十一二三四五六七八九十', 44)).toBe(1);
    expect(wrappedLines('一二三四五六七八九十一二三四五六七八九十', 22)).toBe(2);
    expect(wrappedLines('文明服务\n（30分）', 40)).toBe(2);
  });

  it('needs more lines for a larger font', () => {
    const text = '根据考核细则，现将本季度窗口工作人员考核结果予以公示，公示期间如有异议请反映。';
    expect(wrappedLines(text, 100, 14)).toBeGreaterThan(wrappedLines(text, 100, 11));
  });
});
