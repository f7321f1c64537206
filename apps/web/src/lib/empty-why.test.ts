import { describe, expect, it } from 'vitest';
import { emptyWhy, runningNote } from './empty-why.ts';

const TODAY = new Date(2026, 11, 2); // 2026-12-02: Q4 and December are running

describe('empty states say why (domain "Time")', () => {
  it('a running quarter’s 互评 opens when the quarter ends; an ended one has none', () => {
    expect(emptyWhy('peer', { year: 2026, quarter: 4 }, 'zh-CN', TODAY)).toBe(
      '互评在季度结束后汇总：2026年第四季度进行中，尚无可汇总的互评',
    );
    expect(emptyWhy('peer', { year: 2026, quarter: 3 }, 'zh-CN', TODAY)).toBe('2026年第三季度没有互评记录');
    expect(emptyWhy('peer', { year: 2026, quarter: 4 }, 'en', TODAY)).toContain('Q4 2026 is running');
  });

  it('a running month’s fines are signed after the month ends', () => {
    expect(emptyWhy('fines', { year: 2026, month: 12 }, 'zh-CN', TODAY)).toBe(
      '2026年12月进行中，尚无处罚记录',
    );
    expect(runningNote('fines', { year: 2026, month: 12 }, 'zh-CN', TODAY)).toBe(
      '2026年12月进行中：处罚按记录日期计入，月份结束后才能汇总签批',
    );
    expect(runningNote('fines', { year: 2026, month: 11 }, 'zh-CN', TODAY)).toBeNull();
  });

  it('a running year has no red flags so far (others may have some: the sentence says so far) and no ended quarter to evaluate', () => {
    const text = emptyWhy('redFlag', { year: 2026 }, 'zh-CN', TODAY);
    expect(text).toContain('2026年度进行中：截至目前未获评红旗窗口');
    expect(text).toContain('月度红旗窗口在次月评选');
    expect(emptyWhy('redFlag', { year: 2025 }, 'zh-CN', TODAY)).toBeNull();
    expect(emptyWhy('yearEnd', { year: 2026 }, 'zh-CN', TODAY)).toContain('尚无已结束的季度');
    expect(emptyWhy('assessment', { year: 2026, quarter: 4 }, 'en', TODAY)).toContain(
      'results are posted when',
    );
  });

  it('a running month without cases has no efficiency and no complaint rate yet; an ended empty one has none at all', () => {
    expect(emptyWhy('efficiency', { year: 2026, month: 12 }, 'zh-CN', TODAY)).toBe(
      '2026年12月进行中，所选范围尚无办件：办件按收件日期计入，录入后即显示效能',
    );
    expect(emptyWhy('efficiency', { year: 2024, month: 1 }, 'zh-CN', TODAY)).toBe(
      '2024年1月所选范围没有办件记录，无效能可算',
    );
    expect(emptyWhy('complaints', { year: 2026, quarter: 4 }, 'zh-CN', TODAY)).toBe(
      '2026年第四季度进行中，所选范围尚无办件和投诉：投诉率按每千件办件计算，有办件后才有投诉率',
    );
    expect(emptyWhy('complaints', { year: 2024, month: 1 }, 'en', TODAY)).toContain('no complaint rate');
  });
});
