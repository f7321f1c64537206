/** A day of a year's schedule as the form sends it. */
export interface TScheduleDay {
  date: string;
  name: string;
}

const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至-]\s*(\d{4}-\d{2}-\d{2}))?[\s,，、\t]+(\S.*)$/;
const DAY_MS = 86_400_000;

/**
 * The lines of the schedule form: `2027-01-01 元旦`, or a run of days `2027-02-10~2027-02-16 春节`.
 * Returns the days, or the first line it cannot read (1-based) for the form to name. Whether the
 * dates make a valid schedule is the server's (the rules') to say.
 */
export function parseScheduleLines(
  text: string,
): { days: TScheduleDay[] } | { badLine: number; text: string } {
  const days: TScheduleDay[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const m = LINE.exec(line);
    const from = m ? Date.parse(`${m[1]}T00:00:00Z`) : Number.NaN;
    const to = m?.[2] ? Date.parse(`${m[2]}T00:00:00Z`) : from;
    if (!m || Number.isNaN(from) || Number.isNaN(to) || to < from || to - from > 31 * DAY_MS) {
      return { badLine: i + 1, text: line };
    }
    for (let t = from; t <= to; t += DAY_MS) {
      days.push({ date: new Date(t).toISOString().slice(0, 10), name: m[3]!.trim() });
    }
  }
  return { days };
}

/** The schedule's days back as lines, a run of consecutive days with one name on one line. */
export function scheduleLines(days: readonly TScheduleDay[]): string {
  const out: string[] = [];
  let start: TScheduleDay | null = null;
  let last: TScheduleDay | null = null;
  const flush = () => {
    if (start && last)
      out.push(
        start.date === last.date ? `${start.date} ${start.name}` : `${start.date}~${last.date} ${start.name}`,
      );
  };
  for (const d of days) {
    const isNext =
      last !== null &&
      last.name === d.name &&
      Date.parse(`${d.date}T00:00:00Z`) - Date.parse(`${last.date}T00:00:00Z`) === DAY_MS;
    if (!isNext) {
      flush();
      start = d;
    }
    last = d;
  }
  flush();
  return out.join('\n');
}
