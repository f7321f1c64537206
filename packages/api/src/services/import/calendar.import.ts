import type { Db, TUser } from '@chuangkou/db';
import { isIsoDate } from '@chuangkou/rules';
import { DomainError } from '../../errors.ts';
import { enterCalendarYear } from '../calendar-years.service.ts';
import type { RowErrorList, TColumn, TRowBatches } from './import-columns.ts';

export const CALENDAR_COLUMNS: TColumn[] = [
  { key: 'date', header: '日期', isRequired: true, example: '2027-01-01' },
  { key: 'kind', header: '类型', isRequired: true, example: '放假' },
  { key: 'name', header: '节日名称', isRequired: true, example: '元旦' },
];

const HOLIDAY_WORDS = ['放假', '休息', '假日'];
const WORKDAY_WORDS = ['上班', '调休上班', '补班'];

type TDay = { date: string; name: string };
type TYear = { holidays: TDay[]; workdays: TDay[]; holidayLines: number[]; workdayLines: number[] };

/**
 * A year's schedule per year of the file: 类型 放假 (a day off) or 上班 (a 调休 working day), entered
 * as the 工作日历 page enters it (a year already entered the same way changes nothing).
 */
export async function importCalendarRows(
  db: Db,
  user: TUser,
  rows: TRowBatches,
  errors: RowErrorList,
): Promise<{ rows: number; years: number[]; changed: number; summary: string }> {
  const years = new Map<number, TYear>();
  let count = 0;
  for await (const read of rows)
    for (const row of read) {
      count++;
      const date = row.get('date');
      if (date !== '' && !isIsoDate(date)) row.fail('date', `日期无效：${date}（格式 YYYY-MM-DD）`);
      const kindText = row.get('kind');
      const kind = HOLIDAY_WORDS.includes(kindText)
        ? 'holiday'
        : WORKDAY_WORDS.includes(kindText)
          ? 'workday'
          : null;
      if (kindText !== '' && kind === null)
        row.fail('kind', `类型须为「放假」或「上班」，收到「${kindText}」`);
      if (row.isBad() || kind === null) continue;
      const y = Number(date.slice(0, 4));
      const entry = years.get(y) ?? { holidays: [], workdays: [], holidayLines: [], workdayLines: [] };
      const day = { date, name: row.get('name') };
      if (kind === 'holiday') {
        entry.holidays.push(day);
        entry.holidayLines.push(row.line);
      } else {
        entry.workdays.push(day);
        entry.workdayLines.push(row.line);
      }
      years.set(y, entry);
    }
  const done: string[] = [];
  let changed = 0;
  if (errors.count > 0) return { rows: count, years: [], changed, summary: '' };
  for (const [year, s] of [...years].sort(([a], [b]) => a - b)) {
    try {
      const r = await enterCalendarYear(db, user, {
        year,
        holidays: s.holidays,
        workdays: s.workdays,
        source: 'import',
      });
      changed += r.changed;
      done.push(
        `${year} 年（放假 ${s.holidays.length} 天，调休上班 ${s.workdays.length} 天，重算期限 ${r.changed} 件）`,
      );
    } catch (e) {
      if (!(e instanceof DomainError && e.field)) throw e;
      const m = /^(holidays|workdays)\[(\d+)\]\.(\w+)$/.exec(e.field);
      const line = m
        ? (m[1] === 'holidays' ? s.holidayLines : s.workdayLines)[Number(m[2])]
        : s.holidayLines[0];
      const column = m?.[3] === 'name' ? '节日名称' : '日期';
      errors.add({ line: line ?? 0, column, message: e.message.replace(/^[^：]*：/, '') });
      break;
    }
  }
  return { rows: count, years: [...years.keys()], changed, summary: `${count} 行：${done.join('；')}` };
}
