import { describe, expect, it } from 'vitest';
import { RulesError } from '../shared/errors.ts';
import { recheckedQuantity } from './proposal-review.ts';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof RulesError ? [e.path, e.detailZh] : e;
  }
  return 'not refused';
};

describe('recheckedQuantity', () => {
  it('keeps the confirmed quantity, or adjusts it to fewer, always with a reason', () => {
    expect(recheckedQuantity(3, 'keep', undefined, '当日确系工作日')).toBe(3);
    expect(recheckedQuantity(3, 'adjust', 1, '按更正后的日历超期 1 日')).toBe(1);
  });
  it('refuses a recheck without a reason, naming reason', () => {
    expect(refusal(() => recheckedQuantity(3, 'keep', undefined, '  '))).toEqual([
      'reason',
      expect.stringContaining('复核理由'),
    ]);
  });
  it('refuses an adjustment that is not fewer than confirmed, naming qty', () => {
    for (const qty of [undefined, 0, 3, 4, 1.5]) {
      expect(refusal(() => recheckedQuantity(3, 'adjust', qty, '理由'))).toEqual([
        'qty',
        '核减后的数量须在 1 至 2 之间（少于已确认的 3；不变请选“维持”）',
      ]);
    }
    expect(refusal(() => recheckedQuantity(1, 'adjust', 1, '理由'))).toEqual([
      'qty',
      expect.stringContaining('不能再核减'),
    ]);
  });
});
