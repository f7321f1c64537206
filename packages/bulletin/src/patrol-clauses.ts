import type { TPatrolClause } from './bulletin.types.ts';

/**
 * The rows of the seed's patrol form from a fines policy's items: one row per clause number of
 * 处罚办法 一 (`clause: '处罚办法 一、2'`), the items of one clause joined (F2 + F2b, F7 + F7b), so
 * `patrolClauses(POLICY_B.items)` gives the seed's ten rows. Items without such a clause are left out.
 */
export function patrolClauses(items: readonly { clause: string; text: string }[]): TPatrolClause[] {
  const byNumber = new Map<number, string[]>();
  for (const item of items) {
    const match = /一、(\d+)$/.exec(item.clause);
    if (!match) continue;
    const no = Number(match[1]);
    const texts = byNumber.get(no) ?? [];
    texts.push(item.text.replace(/[；;。，,]+$/, ''));
    byNumber.set(no, texts);
  }
  return [...byNumber.entries()]
    .sort(([a], [b]) => a - b)
    .map(([no, texts]) => ({ no, text: `${texts.join('；')}。` }));
}
