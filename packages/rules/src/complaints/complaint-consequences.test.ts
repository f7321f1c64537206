import { describe, expect, it } from 'vitest';
import { assessQuarter } from '../assessment/quarter-assessment.ts';
import { assessYear } from '../assessment/year-assessment.ts';
import { POLICY_A, POLICY_B, POLICY_C } from '../policy/index.ts';
import { parsePolicy } from '../scenario/scenario.schema.ts';
import { complaintConsequences, complaintVetoes } from './complaint-consequences.ts';

const POLICIES = [POLICY_A, POLICY_B, POLICY_C];

const summary = (list: ReturnType<typeof complaintConsequences>) =>
  list.map((c) => `${c.kind}:${c.item ?? c.policy}:${c.applies ? 'yes' : 'no'}`);

describe('complaintConsequences', () => {
  it('考核细则 二(三) 群众投诉一票否决: a valid complaint of the public about attitude vetoes, deducts A3 −5 and fines F7b 30 yuan, each citing its clause', () => {
    const list = complaintConsequences(POLICIES, { channel: 'hotline12345', cause: 'attitude' });
    expect(summary(list)).toStrictEqual(['veto:A:yes', 'record:A3:yes', 'record:F7b:yes', 'ladder:C:no']);
    expect(list[0]).toMatchObject({ clause: '考核细则 二(三)', text: expect.stringContaining('群众投诉') });
    expect(list[1]).toMatchObject({ clause: '考核细则 一(一)3', effect: { zh: '扣5分' } });
    expect(list[2]).toMatchObject({ clause: '处罚办法 一、7', effect: { zh: '罚款30元' } });
    // a complaint of the public is judged by the seed alone: no center reading to print
    expect(list).toHaveLength(4);
    expect(list.filter((c) => c.centerReading !== undefined)).toEqual([]);
  });

  it('考核细则 二(三) 群众投诉: an internal (内部) complaint never vetoes, and says why', () => {
    const list = complaintConsequences(POLICIES, { channel: 'internal', cause: 'attitude' });
    const veto = list.find((c) => c.kind === 'veto')!;
    expect(veto.applies).toBe(false);
    expect(veto.reason?.zh).toContain('群众投诉');
    expect(complaintVetoes('internal')).toBe(false);
    expect(complaintVetoes('suggestionBox')).toBe(true);
  });

  it('考核细则 一(一)3 and 处罚办法 一、7 name no source: for an internal complaint A3 follows and F7b does not, each as the center reads it (本中心解释)', () => {
    const list = complaintConsequences(POLICIES, { channel: 'internal', cause: 'attitude' });
    const a3 = list.find((c) => c.item === 'A3')!;
    const f7b = list.find((c) => c.item === 'F7b')!;
    expect(a3.applies).toBe(true);
    expect(a3.centerReading).toContain('内部投诉');
    expect(f7b.applies).toBe(false);
    expect(f7b.centerReading).toContain('内部投诉不处罚30元');
    // the seed's words stay the seed's: the reading is never printed as the clause's text
    expect(a3.text).toBe('由于服务态度问题而引起投诉的，每次扣5分');
  });

  it('a center switches the reading in its policy: F7b for internal complaints too, A3 not', () => {
    const links = {
      ...POLICY_A.links,
      complaints: [{ causes: ['attitude' as const], item: 'A3', internal: false }],
    };
    const a = parsePolicy({ ...POLICY_A, version: 2, links });
    const b = parsePolicy({
      ...POLICY_B,
      version: 2,
      links: {
        ...POLICY_B.links,
        complaints: [{ item: 'F7b', internal: true, internalReading: '本中心：内部投诉同样罚款30元' }],
      },
    });
    const list = complaintConsequences([a, b], { channel: 'internal', cause: 'attitude' });
    expect(summary(list)).toStrictEqual(['veto:A:no', 'record:A3:no', 'record:F7b:yes']);
    expect(list[1]!.centerReading).toBe('内部投诉不适用本条');
    expect(list[2]!.centerReading).toBe('本中心：内部投诉同样罚款30元');
  });

  it('规范化服务通知 一(一) 内、外部投诉: the complaint ladder counts internal and external complaints of its causes alike, and names the step reached', () => {
    for (const channel of ['internal', 'phone'] as const) {
      const list = complaintConsequences(POLICIES, {
        channel,
        cause: 'procrastination',
        ladderCountBefore: 1,
      });
      const ladder = list.find((c) => c.kind === 'ladder')!;
      expect(ladder).toMatchObject({ applies: true, clause: '规范化服务通知 一(一)' });
      expect(ladder.effect.zh).toBe('第2次投诉：待岗一周，不享受当月奖金，扣除半年奖金');
      expect(ladder.text).toContain('内、外部投诉');
    }
    const attitude = complaintConsequences(POLICIES, { channel: 'internal', cause: 'attitude' });
    expect(attitude.find((c) => c.kind === 'ladder')!.reason?.zh).toBe(
      '只计因责任心不强、工作拖拉引起的投诉',
    );
  });
});

describe('assessQuarter and assessYear with an internal complaint (考核细则 二(三))', () => {
  const scenario = (origin: 'public' | 'internal') => ({
    period: { year: 2026, quarter: 3 as const },
    windows: [{ id: 'w1', name: '1号窗口' }],
    staff: [{ id: 's1', name: '张三', window: 'w1' }],
    records: [{ staff: 's1', item: 'A3', date: '2026-07-15', complaintOrigin: origin }],
    complaints: [
      { staff: 's1', date: '2026-07-15', valid: true, channel: origin === 'internal' ? 'internal' : 'phone' },
    ],
  });

  it('deducts A3 from an internal complaint without the veto; the same from the public vetoes', () => {
    const internal = assessQuarter(POLICY_A, scenario('internal')).results[0]!;
    const external = assessQuarter(POLICY_A, scenario('public')).results[0]!;
    expect(internal).toMatchObject({ total: 95, vetoed: false, grade: 'excellent' });
    expect(external).toMatchObject({ total: 95, vetoed: true, grade: 'competent' });
  });

  it('an internal complaint of the year does not bar the year-end 优秀', () => {
    const q = (quarter: 1 | 2) =>
      assessQuarter(POLICY_A, {
        period: { year: 2026, quarter },
        windows: [{ id: 'w1', name: '1号窗口' }],
        staff: [{ id: 's1', name: '张三', window: 'w1' }],
      });
    const year = (channel: string) =>
      assessYear(POLICY_A, {
        year: 2026,
        quarters: [q(1), q(2)],
        complaints: [{ staff: 's1', date: '2026-08-01', valid: true, channel }],
      }).results[0]!;
    expect(year('internal').grade).toBe('excellent');
    expect(year('hotline12345').grade).not.toBe('excellent');
  });
});
