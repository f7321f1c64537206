import { ladderReading, POLICY_C, uniformReading } from '@chuangkou/rules';
import type { TComplaintLadderBulletin } from '../kinds/complaint-ladder.bulletin.ts';
import type { TUniformBulletin } from '../kinds/uniform.bulletin.ts';
import { SAMPLE_CENTER } from './sample-bulletins.ts';

const ladder = POLICY_C.complaintLadder!;
const uniform = POLICY_C.uniform!;
const u1 = POLICY_C.items.find((i) => i.code === uniform.item)!;

/** 投诉处理决定 of a person at the ladder's second step (an internal and an external complaint). */
export function sampleComplaintLadder(): TComplaintLadderBulletin {
  return {
    kind: 'complaintLadder',
    center: SAMPLE_CENTER,
    year: 2026,
    asOf: '2026-11-30',
    issuedOn: '2026-12-02',
    policyTitle: POLICY_C.name,
    clause: ladder.clause!,
    text: ladder.text!,
    reading: ladderReading(ladder.countScope).zh,
    person: { name: '林俊勇', window: '市场监管3号窗口', unit: '市场监督管理局' },
    steps: [
      {
        count: 1,
        date: '2026-06-03',
        channel: '内部',
        cause: '工作拖拉',
        content: '后台科室反映：企业变更登记材料在窗口滞留三个工作日未流转',
        decision: ladder.steps[0]!.text,
      },
      {
        count: 2,
        date: '2026-10-19',
        channel: '12345热线',
        cause: '责任心不强',
        content: '申请人反映咨询食品经营许可所需材料时未一次性告知，往返两次',
        decision: ladder.steps[1]!.text,
      },
    ],
    decision: ladder.steps[1]!.text,
  };
}

/** 没收工作服通知 of October: two people out of uniform three times or more. */
export function sampleUniform(): TUniformBulletin {
  return {
    kind: 'uniform',
    center: SAMPLE_CENTER,
    period: { year: 2026, month: 10 },
    issuedOn: '2026-11-02',
    policyTitle: POLICY_C.name,
    clause: u1.clause,
    text: u1.text,
    reading: uniformReading(uniform).zh,
    rows: [
      {
        name: '陈思远',
        window: '不动产登记1号窗口',
        unit: '不动产登记中心',
        count: 3,
        fine: 30,
        dates: ['2026-10-09', '2026-10-14', '2026-10-27'],
      },
      {
        name: '黄晓梅',
        window: '税务综合2号窗口',
        unit: '税务局',
        count: 4,
        fine: 40,
        dates: ['2026-10-08', '2026-10-09', '2026-10-20', '2026-10-21'],
      },
    ],
  };
}
