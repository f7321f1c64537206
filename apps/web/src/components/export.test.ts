import { describe, expect, it } from 'vitest';
import { exportRowsOf } from './export.ts';

describe('exportRowsOf', () => {
  it('keeps formula-looking text as text: = + - @ get a leading apostrophe, numbers stay numbers', () => {
    const rows = exportRowsOf({
      title: '投诉列表',
      header: ['姓名', '内容', '分值'],
      rows: [
        ['张三', '=HYPERLINK("http://evil.example","点击")', -3],
        ['@李四', '+86 138', null],
        ['王五', '态度生硬', 2],
      ],
    });
    expect(rows).toEqual([
      ['投诉列表'],
      ['姓名', '内容', '分值'],
      ['张三', '\'=HYPERLINK("http://evil.example","点击")', -3],
      ["'@李四", "'+86 138", ''],
      ['王五', '态度生硬', 2],
    ]);
  });
});
