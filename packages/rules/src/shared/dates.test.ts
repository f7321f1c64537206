import { describe, expect, it } from 'vitest';
import { daysInMonth, fromEpochDay, isIsoDate, toEpochDay } from './dates.ts';

/** The epoch day by Date alone, with no memo in between. */
const epochDayByDate = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

describe('dates (remembered as they are met)', () => {
  it('gives the same epoch day and date the first time and every time after', () => {
    for (const date of ['1970-01-01', '2000-02-29', '2026-12-31', '2027-01-01', '2100-12-31']) {
      for (let i = 0; i < 3; i++) {
        expect(toEpochDay(date)).toBe(epochDayByDate(date));
        expect(fromEpochDay(epochDayByDate(date))).toBe(date);
        expect(isIsoDate(date)).toBe(true);
      }
    }
  });

  it('never calls a text a date because something else was remembered', () => {
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-1-01',
      ' 2026-01-01',
      '2026-01-01 ',
      '',
    ]) {
      toEpochDay('2026-01-01');
      for (let i = 0; i < 3; i++) expect(isIsoDate(bad)).toBe(false);
    }
    // a text that is not a date is not kept, however often its day is asked
    for (let i = 0; i < 3; i++) toEpochDay('2026-02-30');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });

  it('stays right past the memo limit (it is emptied, not wrong)', () => {
    const start = toEpochDay('1900-01-01');
    for (let d = start; d < start + 60_000; d++) {
      const date = fromEpochDay(d);
      expect(toEpochDay(date)).toBe(d);
    }
    expect(fromEpochDay(toEpochDay('2024-02-29'))).toBe('2024-02-29');
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});
