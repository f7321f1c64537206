import type { Db } from '../client.ts';

export interface TCalendarDay {
  date: string;
  isWorking: boolean;
  note: string | null;
}

/** The center's calendar overrides (法定节假日 and 调休 make-up days). */
export async function listCalendarDays(db: Db, centerId: number): Promise<TCalendarDay[]> {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['date', 'is_working', 'note'])
    .where('center_id', '=', centerId)
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, isWorking: r.is_working === 1, note: r.note }));
}

export async function upsertCalendarDay(db: Db, centerId: number, day: TCalendarDay): Promise<void> {
  await db
    .insertInto('calendar_days')
    .values({ center_id: centerId, date: day.date, is_working: day.isWorking ? 1 : 0, note: day.note })
    .onConflict((oc) =>
      oc.columns(['center_id', 'date']).doUpdateSet({ is_working: day.isWorking ? 1 : 0, note: day.note }),
    )
    .execute();
}
