import { type DbRoot, findUserForLogin, firstCaseDay } from '@chuangkou/db';
import { quarterRange } from '@chuangkou/rules';
import { publishQuarter } from './assessment.service.ts';
import { createRecord } from './records.service.ts';

/**
 * Gives the demo center a history of publications: every ended quarter but the latest is published by
 * the demo leader (the latest stays a draft to publish by hand), and one quarter carries a correction
 * as its second revision. Runs only after the demo loader, on the demo accounts.
 */
export async function publishDemoHistory(db: DbRoot, today: string): Promise<number> {
  const leader = (await findUserForLogin(db, 'leader'))?.user;
  const supervisor = (await findUserForLogin(db, 'supervisor'))?.user;
  if (!leader || !supervisor) return 0;
  const first = await firstCaseDay(db);
  if (!first) return 0;
  const ended: { year: number; quarter: 1 | 2 | 3 | 4 }[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(today.slice(0, 4)); year++) {
    for (const quarter of [1, 2, 3, 4] as const) {
      const r = quarterRange(year, quarter);
      if (r.end >= first && r.end < today) ended.push({ year, quarter });
    }
  }
  const toPublish = ended.slice(0, -1);
  for (const q of toPublish) await db.transaction().execute((tx) => publishQuarter(tx, leader, today, q));
  const corrected = toPublish.at(-1);
  if (corrected) {
    const person = await db
      .selectFrom('staff')
      .select('id')
      .where('center_id', '=', leader.centerId)
      .where('post', '=', 'front')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db.transaction().execute(async (tx) => {
      await createRecord(tx, supervisor, today, {
        staffId: person.id,
        item: 'D1',
        date: quarterRange(corrected.year, corrected.quarter).end,
        note: '群众来信表扬（公示期内补录）',
        correctionReason: '公示期内收到表扬信原件，补录加分',
      });
      await publishQuarter(tx, leader, today, { ...corrected, reason: '公示期内补录表扬信加分' });
    });
  }
  return toPublish.length;
}
