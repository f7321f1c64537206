import type { TPatrolClause } from './bulletin.types.ts';

/**
 * The rows of the seed's patrol form from a fines policy's items: one row per clause number of
 * 处罚办法 一 (`clause: '处罚办法 一、2'`), the items of one clause joined (F2 + F2b, F7 + F7b), so
 * `patrolClauses(POLICY_B.items)` gives the seed's ten rows. Items without such a clause are left out.
 * A row's text is the seed's only; the center's own readings of its items (`centerRule`, 本中心细则)
 * come apart, in `centerRules`, for the form to print under the table.
 */
export function patrolClauses(
  items: readonly { clause: string; text: string; centerRule?: string | undefined }[],
): TPatrolClause[] {
  const byNumber = new Map<number, { texts: string[]; rules: string[] }>();
  for (const item of items) {
    const match = /一、(\d+)$/.exec(item.clause);
    if (!match) continue;
    const no = Number(match[1]);
    const row = byNumber.get(no) ?? { texts: [], rules: [] };
    row.texts.push(item.text.replace(/[；;。，,]+$/, ''));
    if (item.centerRule) row.rules.push(item.centerRule);
    byNumber.set(no, row);
  }
  return [...byNumber.entries()]
    .sort(([a], [b]) => a - b)
    .map(([no, row]) => ({
      no,
      text: `${row.texts.join('；')}。`,
      ...(row.rules.length > 0 && { centerRules: row.rules }),
    }));
}
