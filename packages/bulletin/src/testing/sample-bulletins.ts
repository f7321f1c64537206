import {
  assessQuarter,
  assessYear,
  awardLink,
  cadreCandidates,
  monthlyFines,
  POLICY_A,
  POLICY_B,
  policyItem,
  recordPoints,
  type TQuarterAssessment,
  type TScenario,
} from '@chuangkou/rules';
import type {
  TAwardsBulletin,
  TBehaviourRow,
  TBehavioursBulletin,
  TBulletin,
  TCadresBulletin,
  TFinesBulletin,
  TPatrolBulletin,
  TResultsBulletin,
  TStaffNames,
  TYearEndBulletin,
} from '../bulletin.types.ts';
import { withNames } from '../from-assessment.ts';
import { patrolClauses } from '../patrol-clauses.ts';

/**
 * Realistic sample bulletins for the render script, the bench and the tests: a city service center
 * with the demo center's units, about 120 staff, records drawn with a seeded generator,
 * and every score computed by the real engine (@chuangkou/rules), never written by hand.
 */

export const SAMPLE_CENTER = '南昌市新建区政务服务中心';
const YEAR = 2026;

const UNITS: readonly { unit: string; short: string; windows: number }[] = [
  { unit: '不动产登记中心', short: '不动产登记', windows: 6 },
  { unit: '住房公积金管理中心', short: '住房公积金', windows: 4 },
  { unit: '市场监督管理局', short: '市场监管', windows: 6 },
  { unit: '税务局', short: '税务', windows: 5 },
  { unit: '人力资源和社会保障局', short: '人社', windows: 5 },
  { unit: '公安局出入境与户政', short: '公安户政', windows: 4 },
  { unit: '住房和城乡建设局', short: '住建', windows: 3 },
  { unit: '交通运输局', short: '交通运输', windows: 3 },
];

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力新宇浩凯晨欣怡婷雪琳倩颖鹏飞斌波志国海燕玲';

/** mulberry32: a small seeded generator, so every run prints the same bulletins. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type TSampleStaff = TStaffNames & { id: string; windowId: string };
export type TSampleCenter = {
  windows: { id: string; name: string; unit: string }[];
  staff: TSampleStaff[];
  directory: Map<string, TStaffNames>;
};

/** The demo center: windows of each unit, 3–4 staff a window, unique ordinary names. */
export function sampleCenter(seed = 20261008): TSampleCenter {
  const next = random(seed);
  const pick = (text: string) => text[Math.floor(next() * text.length)]!;
  const used = new Set<string>();
  const windows: TSampleCenter['windows'] = [];
  const staff: TSampleStaff[] = [];
  for (const unit of UNITS) {
    for (let w = 1; w <= unit.windows; w++) {
      const window = { id: `w${windows.length + 1}`, name: `${unit.short}${w}号窗口`, unit: unit.unit };
      windows.push(window);
      const count = 3 + Math.floor(next() * 2);
      for (let s = 0; s < count; s++) {
        let name = '';
        do name = pick(SURNAMES) + pick(GIVEN) + (next() < 0.6 ? pick(GIVEN) : '');
        while (used.has(name));
        used.add(name);
        staff.push({
          id: `s${staff.length + 1}`,
          name,
          window: window.name,
          windowId: window.id,
          unit: unit.unit,
        });
      }
    }
  }
  return { windows, staff, directory: new Map(staff.map((s) => [s.id, s])) };
}

/** Findings are rare and mostly C4 (late), C6 (badge, dress), A7 (desk), as on a real patrol. */
const DEDUCTION_WEIGHTS: readonly [string, number][] = [
  ['C4', 30],
  ['C6', 22],
  ['A7', 16],
  ['B1', 8],
  ['A6', 6],
  ['A2', 5],
  ['C3', 4],
  ['B4', 3],
  ['B5', 3],
  ['C2', 2],
  ['A4', 1],
];
const BONUS_WEIGHTS: readonly [string, number][] = [
  ['D1', 6],
  ['D5', 5],
  ['D3', 1],
];

function weighted(next: () => number, weights: readonly [string, number][]): string {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let at = next() * total;
  for (const [item, w] of weights) {
    at -= w;
    if (at < 0) return item;
  }
  return weights[weights.length - 1]![0];
}

function quarterDates(quarter: number): { from: number; months: number[] } {
  return { from: (quarter - 1) * 3 + 1, months: [(quarter - 1) * 3 + 1, (quarter - 1) * 3 + 2, quarter * 3] };
}

function isoDate(month: number, day: number): string {
  return `${YEAR}-${String(month).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`;
}

/** A quarter's scenario: a few findings per person, bonuses, red-flag windows, a yellow card, complaints. */
export function sampleScenario(center: TSampleCenter, quarter: 1 | 2 | 3 | 4, seed = 7): TScenario {
  const next = random(seed * 97 + quarter);
  const { months } = quarterDates(quarter);
  const date = () => isoDate(months[Math.floor(next() * 3)]!, 1 + Math.floor(next() * 28));
  const records: NonNullable<TScenario['records']> = [];
  for (const person of center.staff) {
    const findings = next() < 0.2 ? 0 : 1 + Math.floor(next() * 7);
    for (let i = 0; i < findings; i++) {
      const item = weighted(next, DEDUCTION_WEIGHTS);
      records.push({ staff: person.id, item, date: date(), qty: 1 + Math.floor(next() * next() * 3) });
    }
    if (next() < 0.3) records.push({ staff: person.id, item: weighted(next, BONUS_WEIGHTS), date: date() });
  }
  // Two or three people with a bad quarter (absent, off post): 基本称职 and 不称职.
  for (let i = 0; i < 3; i++) {
    const person = center.staff[Math.floor(next() * center.staff.length)]!;
    records.push({ staff: person.id, item: 'C1', date: date(), qty: 2 + i });
    records.push({ staff: person.id, item: 'C2', date: date(), qty: 2 });
    records.push({ staff: person.id, item: 'B5', date: date(), qty: 3 + i * 2 });
    records.push({ staff: person.id, item: 'A1', date: date(), qty: 1 + i });
  }
  for (const month of months) {
    const awarded = 1 + Math.floor(next() * 2);
    for (let i = 0; i < awarded; i++) {
      const window = center.windows[Math.floor(next() * center.windows.length)]!;
      records.push({ window: window.id, item: 'D6', date: isoDate(month, 28), level: 'monthly' });
    }
  }
  const yellow = center.windows[Math.floor(next() * center.windows.length)]!;
  records.push({ window: yellow.id, item: 'B8', date: date() });
  const complaints = [0, 1].map(() => ({
    staff: center.staff[Math.floor(next() * center.staff.length)]!.id,
    date: date(),
    valid: true,
  }));
  // Peer ratings inside each unit: mostly 好.
  const peerRatings: NonNullable<TScenario['peerRatings']> = [];
  for (const ratee of center.staff) {
    const mates = center.staff.filter((s) => s.unit === ratee.unit && s.id !== ratee.id);
    for (const rater of mates.slice(0, 6)) {
      const roll = next();
      peerRatings.push({
        rater: rater.id,
        ratee: ratee.id,
        tier: roll < 0.82 ? 'good' : roll < 0.97 ? 'medium' : 'poor',
      });
    }
  }
  return {
    period: { year: YEAR, quarter },
    windows: center.windows.map((w) => ({ id: w.id, name: w.name, unit: w.unit })),
    staff: center.staff.map((s) => ({ id: s.id, name: s.name, window: s.windowId, unit: s.unit })),
    records,
    complaints,
    peerRatings,
    history: [],
  };
}

function categoryHeadings() {
  return POLICY_A.assessment!.categories.map((c) => ({ key: c.key, name: c.name, base: c.base }));
}

/** 季度考核结果公示 of the sample center, Q3 2026, computed by `assessQuarter`. */
export function sampleResults(center = sampleCenter()): TResultsBulletin {
  const assessment = assessQuarter(POLICY_A, sampleScenario(center, 3));
  return {
    kind: 'results',
    center: SAMPLE_CENTER,
    period: assessment.period,
    status: 'published',
    policyTitle: POLICY_A.name,
    categories: categoryHeadings(),
    publishedOn: '2026-10-09',
    noticePeriod: { from: '2026-10-09', to: '2026-10-15' },
    objectionPhone: '0791-83761234',
    rows: withNames(assessment.results, center.directory, 'results'),
  };
}

/** 不规范行为通报 of Q3: the scenario's deductions with the policy's texts and points. */
export function sampleBehaviours(center = sampleCenter()): TBehavioursBulletin {
  const scenario = sampleScenario(center, 3);
  const items = new Map(POLICY_A.items.map((item) => [item.code, item]));
  const rows: TBehaviourRow[] = [];
  for (const record of scenario.records ?? []) {
    const item = items.get(record.item);
    if (item?.kind !== 'deduction') continue;
    const people = record.staff
      ? [center.directory.get(record.staff)!]
      : center.staff.filter((s) => s.windowId === record.window);
    const qty = record.qty ?? 1;
    for (const person of people) {
      rows.push({
        name: person.name,
        window: person.window,
        unit: person.unit,
        date: record.date,
        item: item.code,
        text: item.text,
        qty,
        points: recordPoints(item, record),
        note: record.window ? '窗口受黄牌警告，每人扣分' : undefined,
      });
    }
  }
  return {
    kind: 'behaviours',
    center: SAMPLE_CENTER,
    period: { year: YEAR, quarter: 3 },
    policyTitles: [POLICY_A.name],
    publishedOn: '2026-10-09',
    rows,
  };
}

/** 月度处罚汇总 of October 2026 under policy B, computed by `monthlyFines`. */
export function sampleFines(center = sampleCenter(), seed = 11): TFinesBulletin {
  const next = random(seed);
  const codes = ['F1', 'F1', 'F1', 'F8', 'F8', 'F6', 'F9', 'F2b', 'F3', 'F2', 'F4', 'F7b'];
  const records = Array.from({ length: 34 }, () => ({
    staff: center.staff[Math.floor(next() * 40)]!.id,
    item: codes[Math.floor(next() * codes.length)]!,
    date: isoDate(10, 1 + Math.floor(next() * 28)),
  }));
  const repeat = center.staff[3]!.id;
  records.push(...[8, 15, 22].map((day) => ({ staff: repeat, item: 'F8', date: isoDate(10, day) })));
  records.push({ staff: center.staff[7]!.id, item: 'F7', date: isoDate(10, 17) });
  const fines = monthlyFines(POLICY_B, {
    year: YEAR,
    month: 10,
    staff: center.staff.map((s) => ({ id: s.id, window: s.windowId, post: 'front' as const })),
    records,
  });
  return {
    kind: 'fines',
    center: SAMPLE_CENTER,
    period: { year: YEAR, month: 10 },
    policyTitle: POLICY_B.name,
    itemTexts: Object.fromEntries(POLICY_B.items.map((item) => [item.code, item.text])),
    compiledOn: '2026-11-02',
    staff: withNames(fines.staff, center.directory, 'staff'),
    reportToUnit: fines.reportToUnit,
    barredFromAwards: fines.barredFromAwards,
  };
}

/** The seed's patrol form from POLICY_B: blank, or filled for one day. */
export function samplePatrol(filled: boolean, center = sampleCenter()): TPatrolBulletin {
  const [a, b, c] = center.staff;
  return {
    kind: 'patrol',
    center: SAMPLE_CENTER,
    formOwner: '新建区行管委',
    clauses: patrolClauses(POLICY_B.items),
    ...(filled
      ? {
          patrol: {
            date: '2026-10-13',
            dutyLeader: '熊卫东',
            inspectors: ['万丽华', '涂志刚'],
            findings: {
              1: { morning: `${a!.window} ${a!.name} 8:47到岗，迟到` },
              6: { afternoon: `${b!.window}台面摆放私人水杯、零食` },
              8: { morning: `${c!.window} ${c!.name} 玩手机` },
            },
          },
        }
      : {}),
  };
}

/** 红旗窗口: the windows awarded D6 in September 2026 (monthly) or the year's choice (annual). */
export function sampleAwards(scope: 'monthly' | 'annual', center = sampleCenter()): TAwardsBulletin {
  const scenario = sampleScenario(center, 3);
  const windowIds =
    scope === 'monthly'
      ? [
          ...new Set(
            (scenario.records ?? [])
              .filter((r) => r.item === 'D6' && r.date.startsWith('2026-09'))
              .map((r) => r.window!),
          ),
        ]
      : ['w1', 'w11', 'w17'];
  const reasons = [
    '推行“一窗受理、集成服务”，当月办件零超期、零投诉，群众满意率100%',
    '主动延时服务12次，收到服务对象书面表扬信3封',
    '“一次不跑”事项办理量居全中心首位，业务差错率为零',
  ];
  const link = awardLink(POLICY_A, scope === 'monthly' ? 'redFlagMonthly' : 'redFlagAnnual')!;
  const bonusPerPerson = recordPoints(policyItem(POLICY_A, link.item)!, { level: link.level });
  return {
    kind: 'awards',
    center: SAMPLE_CENTER,
    scope,
    period: scope === 'monthly' ? { year: YEAR, month: 9 } : { year: YEAR },
    policyTitle: POLICY_A.name,
    publishedOn: scope === 'monthly' ? '2026-10-08' : '2027-01-10',
    rows: windowIds.map((id, i) => {
      const window = center.windows.find((w) => w.id === id)!;
      return {
        window: window.name,
        unit: window.unit,
        staff: center.staff.filter((s) => s.windowId === id).map((s) => s.name),
        reason: reasons[i % reasons.length]!,
        validComplaints: 0,
        bonusPerPerson,
      };
    }),
  };
}

/** 年终总评 and 后备干部 of 2026: four quarters by `assessQuarter`, then `assessYear` and `cadreCandidates`. */
function sampleYear(center: TSampleCenter) {
  const quarters: TQuarterAssessment[] = ([1, 2, 3, 4] as const).map((q) => {
    const scenario = sampleScenario(center, q);
    // A few people join in Q4: assessed once, not graded for the year.
    if (q < 4) {
      const kept = new Set(scenario.staff.slice(0, -3).map((s) => s.id));
      const isKept = (id: string | undefined) => id === undefined || kept.has(id);
      scenario.staff = scenario.staff.filter((s) => kept.has(s.id));
      scenario.records = scenario.records?.filter((r) => isKept(r.staff));
      scenario.complaints = scenario.complaints?.filter((c) => isKept(c.staff));
      scenario.peerRatings = scenario.peerRatings?.filter((r) => isKept(r.rater) && isKept(r.ratee));
    }
    return assessQuarter(POLICY_A, scenario);
  });
  return assessYear(POLICY_A, { year: YEAR, quarters });
}

/** 年终总评 of 2026: four quarters by `assessQuarter`, then `assessYear`, for the notice board. */
export function sampleYearEnd(center = sampleCenter()): TYearEndBulletin {
  const year = sampleYear(center);
  return {
    kind: 'yearend',
    center: SAMPLE_CENTER,
    year: YEAR,
    status: 'draft',
    policyTitle: POLICY_A.name,
    publishedOn: '2027-01-12',
    rows: withNames(year.results, center.directory, 'rows'),
  };
}

/** 后备干部推荐名单 of 2026 (`cadreCandidates`), the internal proposal for the leaders. */
export function sampleCadres(center = sampleCenter()): TCadresBulletin {
  const year = sampleYear(center);
  const grades = new Map(year.results.map((r) => [r.staff, r.grade]));
  return {
    kind: 'cadres',
    center: SAMPLE_CENTER,
    year: YEAR,
    status: 'draft',
    publishedOn: '2027-01-12',
    // the first candidate confirmed into the pool already, the second removed, the rest not yet
    candidates: withNames(cadreCandidates(year), center.directory, 'candidates').map((c, i) => ({
      ...c,
      grade: grades.get(c.staff) ?? null,
      reserve:
        i === 0
          ? { status: 'inPool' as const, date: '2026-03-02' }
          : i === 1
            ? { status: 'removed' as const, date: '2026-09-15' }
            : { status: 'notYet' as const, date: null },
    })),
  };
}

/** Every kind once (patrol blank and filled, awards monthly and annual), with a file stem each. */
export function sampleBulletins(): { stem: string; bulletin: TBulletin }[] {
  const center = sampleCenter();
  return [
    { stem: 'results', bulletin: sampleResults(center) },
    { stem: 'behaviours', bulletin: sampleBehaviours(center) },
    { stem: 'fines', bulletin: sampleFines(center) },
    { stem: 'patrol-blank', bulletin: samplePatrol(false, center) },
    { stem: 'patrol-filled', bulletin: samplePatrol(true, center) },
    { stem: 'awards-monthly', bulletin: sampleAwards('monthly', center) },
    { stem: 'awards-annual', bulletin: sampleAwards('annual', center) },
    { stem: 'yearend', bulletin: sampleYearEnd(center) },
    { stem: 'cadres', bulletin: sampleCadres(center) },
  ];
}

/**
 * A results bulletin of `count` people (for the bench): the sample center's names repeated over more
 * windows, a few findings each, assessed by the engine (outside the timed part).
 */
export function largeResults(count: number, seed = 3): TResultsBulletin {
  const next = random(seed);
  const base = sampleCenter();
  const directory = new Map<string, TStaffNames>();
  const staff: NonNullable<TScenario['staff']> = [];
  const records: NonNullable<TScenario['records']> = [];
  for (let i = 0; i < count; i++) {
    const person = base.staff[i % base.staff.length]!;
    const round = Math.floor(i / base.staff.length);
    const id = `s${i + 1}`;
    const window = round === 0 ? person.window : `${person.window}（${round + 1}区）`;
    directory.set(id, { name: person.name, window, unit: person.unit });
    staff.push({ id, name: person.name });
    const findings = Math.floor(next() * next() * 6);
    for (let f = 0; f < findings; f++) {
      records.push({
        staff: id,
        item: weighted(next, DEDUCTION_WEIGHTS),
        date: isoDate(7 + Math.floor(next() * 3), 1 + Math.floor(next() * 28)),
        qty: 1 + Math.floor(next() * next() * 4),
      });
    }
    if (next() < 0.2) records.push({ staff: id, item: 'D1', date: '2026-08-18' });
  }
  const assessment = assessQuarter(POLICY_A, { period: { year: YEAR, quarter: 3 }, staff, records });
  return { ...sampleResults(base), rows: withNames(assessment.results, directory, 'results') };
}
