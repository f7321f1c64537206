import { fromEpochDay, toEpochDay } from '../shared/dates.ts';

/**
 * Membership on its own date (domain: "Time: every fact on its own date"): a person's unit, window,
 * post and headship hold from a date to a date, both inclusive; `to` is null while it holds.
 */
export interface TSpan {
  from: string;
  to: string | null;
}

/** Whether a span holds on a date. */
export function holdsOn(span: TSpan, date: string): boolean {
  return span.from <= date && (span.to === null || date <= span.to);
}

/** The span (of one person's) that holds on a date, if any. */
export function assignmentOn<A extends TSpan>(spans: ReadonlyArray<A>, date: string): A | undefined {
  return spans.find((a) => holdsOn(a, date));
}

/** The days of a span inside [start, end]; 0 when it does not overlap. */
export function daysWithin(span: TSpan, start: string, end: string): number {
  const from = span.from > start ? span.from : start;
  const to = span.to === null || span.to > end ? end : span.to;
  return from > to ? 0 : toEpochDay(to) - toEpochDay(from) + 1;
}

/** The last day before a date (the last day of the assignment a move from `date` ends). */
export function dayBefore(date: string): string {
  return fromEpochDay(toEpochDay(date) - 1);
}

/** One person in a period: the assignments that held during it, and the one they are assessed under. */
export interface TRosterEntry<A extends TSpan & { staffId: number }> {
  staffId: number;
  /** where they served the most days (the later on a tie): the row they are assessed in */
  main: A;
  /** every assignment that held during the period, oldest first, with its days inside it */
  spans: (A & { days: number })[];
}

/**
 * A period's roster: the people assigned during [start, end], each once. Someone who moved within the
 * period is assessed under the assignment where they served the most days; every assignment is kept
 * so that readers can show both.
 */
export function periodRoster<A extends TSpan & { staffId: number }>(
  assignments: ReadonlyArray<A>,
  start: string,
  end: string,
): TRosterEntry<A>[] {
  const byStaff = new Map<number, (A & { days: number })[]>();
  for (const a of assignments) {
    const days = daysWithin(a, start, end);
    if (days === 0) continue;
    const list = byStaff.get(a.staffId);
    if (list) list.push({ ...a, days });
    else byStaff.set(a.staffId, [{ ...a, days }]);
  }
  const roster: TRosterEntry<A>[] = [];
  for (const [staffId, spans] of byStaff) {
    spans.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
    let main = spans[0]!;
    for (const s of spans) if (s.days >= main.days) main = s;
    roster.push({ staffId, main, spans });
  }
  return roster.sort((a, b) => a.staffId - b.staffId);
}
