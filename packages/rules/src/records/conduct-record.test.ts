import { describe, expect, it } from 'vitest';
import { assessQuarter } from '../assessment/quarter-assessment.ts';
import { POLICY_A, POLICY_B } from '../policy/index.ts';
import { parsePolicy } from '../scenario/scenario.schema.ts';
import { RulesError } from '../shared/errors.ts';
import {
  checkRecord,
  checkRecordTarget,
  policyItem,
  recordFine,
  recordPoints,
  type TRecordEntry,
} from './conduct-record.ts';

/** The refusal of a record, as field and Chinese message. */
function refusal(fn: () => unknown): { code: string; path: string; detail: string; zh: string } {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof RulesError)) throw e;
    return { code: e.code, path: e.path, detail: e.detail, zh: e.detailZh };
  }
  throw new Error('expected a refusal');
}

describe('checkRecord', () => {
  it('returns the item of a good record', () => {
    expect(checkRecord(POLICY_A, { item: 'D2', level: 'province', qty: 2 }).code).toBe('D2');
    expect(checkRecord(POLICY_A, { item: 'A4', aggravated: true }).code).toBe('A4');
  });

  it.each<[string, TRecordEntry, string, RegExp]>([
    ['an unknown item', { item: 'Z9' }, 'item', /未知的考核条款 "Z9"/],
    ['a computed item', { item: 'C7' }, 'item', /由系统计算/],
    ['a missing level', { item: 'D2' }, 'level', /须选择级别：市级、省级、国家级/],
    ['an unknown level', { item: 'D6', level: 'weekly' }, 'level', /没有级别 "weekly"/],
    ['a level on an item without levels', { item: 'A1', level: 'city' }, 'level', /不分级别/],
    ['aggravation where the item has none', { item: 'A1', aggravated: true }, 'aggravated', /情节严重/],
  ])('refuses %s, naming the field in Chinese', (_, record, field, zh) => {
    const r = refusal(() => checkRecord(POLICY_A, record));
    expect(r.code).toBe('INVALID_RECORD');
    expect(r.path).toBe(field);
    expect(r.zh).toMatch(zh);
  });

  it('refuses a fine meant for one post for a person of another, when the post is known', () => {
    expect(refusal(() => checkRecord(POLICY_B, { item: 'F10', post: 'front' }))).toMatchObject({
      path: 'staff',
      zh: '条款 "F10" 只适用于保安人员',
    });
    expect(refusal(() => checkRecord(POLICY_B, { item: 'F9', post: 'security' })).zh).toBe(
      '条款 "F9" 只适用于前台人员',
    );
    expect(checkRecord(POLICY_B, { item: 'F10', post: 'security' }).code).toBe('F10');
    // a scenario does not know posts
    expect(checkRecord(POLICY_B, { item: 'F10' }).code).toBe('F10');
  });

  it('gives the engine the same refusal, one level down', () => {
    const record = { staff: 's1', item: 'D6', date: '2026-08-03', level: 'weekly' };
    const alone = refusal(() => checkRecord(POLICY_A, record));
    const inScenario = refusal(() =>
      assessQuarter(POLICY_A, {
        period: { year: 2026, quarter: 3 },
        staff: [{ id: 's1' }],
        records: [record],
      }),
    );
    expect(inScenario).toEqual({ ...alone, code: 'INVALID_SCENARIO', path: `records[0].${alone.path}` });
  });
});

describe('checkRecordTarget', () => {
  const B8 = policyItem(POLICY_A, 'B8')!;
  const C4 = policyItem(POLICY_A, 'C4')!;
  it('wants a window for a window item and a person for any other', () => {
    expect(() => checkRecordTarget(B8, { hasStaff: false, hasWindow: true })).not.toThrow();
    expect(() => checkRecordTarget(C4, { hasStaff: true, hasWindow: false })).not.toThrow();
    expect(refusal(() => checkRecordTarget(B8, { hasStaff: false, hasWindow: false })).path).toBe('window');
    expect(refusal(() => checkRecordTarget(B8, { hasStaff: true, hasWindow: true })).path).toBe('staff');
    expect(refusal(() => checkRecordTarget(C4, { hasStaff: false, hasWindow: true })).path).toBe('staff');
    expect(refusal(() => checkRecordTarget(C4, { hasStaff: true, hasWindow: true })).zh).toBe(
      '条款 "C4" 针对个人，不能指定窗口',
    );
  });
});

describe('recordPoints', () => {
  it('multiplies the unit points by qty and adds the aggravation per unit', () => {
    expect(recordPoints(policyItem(POLICY_A, 'A4')!, { qty: 2, aggravated: true })).toBe(-16);
    expect(recordPoints(policyItem(POLICY_A, 'A4')!, { qty: 2 })).toBe(-10);
    expect(recordPoints(policyItem(POLICY_A, 'D4')!, { level: 'province', qty: 3 })).toBe(30);
    expect(recordPoints(policyItem(POLICY_A, 'C7')!, {})).toBe(0);
  });

  it("takes a level's own points before the item's", () => {
    const policy = parsePolicy({
      ...POLICY_A,
      items: POLICY_A.items.map((i) => (i.code === 'D2' ? { ...i, points: 1 } : i)),
    });
    const d2 = policyItem(policy, 'D2')!;
    expect(recordPoints(d2, { level: 'national' })).toBe(20);
    expect(recordPoints(d2, {})).toBe(1);
    const result = assessQuarter(policy, {
      period: { year: 2026, quarter: 3 },
      staff: [{ id: 's1' }],
      records: [{ staff: 's1', item: 'D2', level: 'national', date: '2026-08-03' }],
    });
    expect(result.results[0]!.bonus).toBe(recordPoints(d2, { level: 'national' }));
  });

  it('is exact to the hundredth', () => {
    const policy = parsePolicy({
      ...POLICY_A,
      items: POLICY_A.items.map((i) => (i.code === 'D1' ? { ...i, points: 0.1 } : i)),
    });
    expect(recordPoints(policyItem(policy, 'D1')!, { qty: 3 })).toBe(0.3);
  });
});

describe('recordFine', () => {
  it('is the amount times qty, and nothing for a forfeit', () => {
    expect(recordFine(policyItem(POLICY_B, 'F2')!, 2)).toBe(60);
    expect(recordFine(policyItem(POLICY_B, 'F5')!, 1)).toBe(0);
    expect(recordFine(policyItem(POLICY_A, 'A1')!, 3)).toBe(0);
  });
});
