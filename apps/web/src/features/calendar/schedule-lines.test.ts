import { describe, expect, it } from 'vitest';
import { parseScheduleLines, scheduleLines } from './schedule-lines.ts';

describe('parseScheduleLines', () => {
  it('reads single days and runs of days, and gives them back as the same lines', () => {
    const text = '2027-01-01 元旦\n\n2027-02-10~2027-02-12 春节';
    const parsed = parseScheduleLines(text);
    expect(parsed).toStrictEqual({
      days: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-02-10', name: '春节' },
        { date: '2027-02-11', name: '春节' },
        { date: '2027-02-12', name: '春节' },
      ],
    });
    expect('days' in parsed && scheduleLines(parsed.days)).toBe(text.replace('\n\n', '\n'));
  });

  it('names the first line it cannot read', () => {
    expect(parseScheduleLines('2027-01-01 元旦\n元旦 2027-01-02')).toStrictEqual({
      badLine: 2,
      text: '元旦 2027-01-02',
    });
    expect(parseScheduleLines('2027-02-12~2027-02-10 春节')).toMatchObject({ badLine: 1 });
  });
});
