import { describe, expect, it } from 'vitest';
import { CALENDAR_CORRECTION, recountProposals, type TProposalOnRecord } from './proposal-recount.ts';

const onRecord = (
  p: Partial<TProposalOnRecord> & Pick<TProposalOnRecord, 'id' | 'item'>,
): TProposalOnRecord => ({
  qty: 1,
  day: '2026-03-11',
  reason: '超期 1 个工作日',
  status: 'proposed',
  decisionReason: null,
  recheckReason: null,
  ...p,
});
const now = (item: string, qty: number, reason = `超期 ${qty} 个工作日`) => ({
  item,
  qty,
  day: '2026-03-11',
  reason,
});

describe('recountProposals', () => {
  it('withdraws a waiting proposal no longer due, with the reason 日历更正', () => {
    const changes = recountProposals([onRecord({ id: 1, item: 'B5' }), onRecord({ id: 2, item: 'F3' })], []);
    expect(changes.map((c) => c.kind)).toEqual(['withdraw', 'withdraw']);
    expect(changes[0]).toMatchObject({ id: 1 });
    expect(changes.every((c) => c.kind === 'withdraw' && c.reason.startsWith(CALENDAR_CORRECTION))).toBe(
      true,
    );
  });

  it('adjusts a waiting proposal due with other days and leaves one that matches', () => {
    const changes = recountProposals(
      [onRecord({ id: 1, item: 'B5', qty: 2, reason: '超期 2 个工作日' }), onRecord({ id: 2, item: 'F3' })],
      [now('B5', 1), now('F3', 1, '超期 1 个工作日')],
    );
    expect(changes).toEqual([
      { kind: 'adjust', id: 1, qty: 1, day: '2026-03-11', reason: '超期 1 个工作日' },
    ]);
  });

  it('never changes a confirmed proposal: flags it when the days no longer match, clears the flag when they match again', () => {
    const confirmed = onRecord({ id: 3, item: 'B5', status: 'confirmed' });
    expect(recountProposals([confirmed], [])).toEqual([
      { kind: 'flag', id: 3, recheckReason: '按更正后的工作日历不再超期（已确认 1）' },
    ]);
    expect(recountProposals([confirmed], [now('B5', 2)])).toEqual([
      { kind: 'flag', id: 3, recheckReason: '按更正后的工作日历应为 2（已确认 1）' },
    ]);
    const flagged = { ...confirmed, recheckReason: '按更正后的工作日历不再超期（已确认 1）' };
    expect(recountProposals([flagged], [])).toEqual([]);
    expect(recountProposals([flagged], [now('B5', 1)])).toEqual([{ kind: 'unflag', id: 3 }]);
  });

  it('compares a confirmed proposal with the quantity confirmed, when fewer than proposed', () => {
    // proposed 3, confirmed (or rechecked) as 2: the record holds 2
    const fewer = onRecord({ id: 5, item: 'B5', qty: 3, status: 'confirmed', confirmedQty: 2 });
    expect(recountProposals([fewer], [now('B5', 2)])).toEqual([]);
    expect(recountProposals([fewer], [now('B5', 3)])).toEqual([
      { kind: 'flag', id: 5, recheckReason: '按更正后的工作日历应为 3（已确认 2）' },
    ]);
    expect(recountProposals([fewer], [])).toEqual([
      { kind: 'flag', id: 5, recheckReason: '按更正后的工作日历不再超期（已确认 2）' },
    ]);
  });

  it('proposes an item again only where no proposal of it stands (a supervisor’s rejection stands)', () => {
    const withdrawn = onRecord({
      id: 4,
      item: 'B5',
      status: 'rejected',
      decisionReason: `${CALENDAR_CORRECTION}：不再超期`,
    });
    const rejected = onRecord({ id: 5, item: 'F3', status: 'rejected', decisionReason: '系申请人原因' });
    expect(recountProposals([withdrawn, rejected], [now('B5', 1), now('F3', 1)])).toEqual([
      { kind: 'propose', proposal: now('B5', 1) },
    ]);
    expect(recountProposals([], [now('B5', 1)])).toEqual([{ kind: 'propose', proposal: now('B5', 1) }]);
  });
});
