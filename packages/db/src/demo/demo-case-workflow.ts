import {
  acceptCase,
  applyCaseEvent,
  caseRulesOf,
  chinaWorkCalendar,
  DEFAULT_POLICIES,
  isPoorServiceRating,
  jointDepartmentDue,
  proposeOverdueSanctions,
} from '@chuangkou/rules';
import { sql } from 'kysely';
import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import { addDays, addMonths, createRandom } from './demo-random.ts';

/**
 * Adds the case workflow to a generated demo (run after `generateDemo`): the service guide of every
 * matter, open cases awaiting materials, copied to joint departments (some late) or forwarded upward
 * (some past 15 days), acceptance codes, 好差评 service ratings on recent decided cases (非常满意 ~85 %,
 * 满意 ~12 %, the rest spread; poor ones followed up) and the overdue proposals of policy D (B5, F3) on
 * the last weeks' late cases. Deterministic for a given seed. Touches only the rows it adds or fills in.
 */
export async function enrichCaseWorkflowDemo(
  db: Db,
  options: { today: string; seed?: number; serviceRatingShare?: number },
): Promise<{
  matters: number;
  workflowCases: number;
  serviceRatings: number;
  followUps: number;
  proposals: number;
}> {
  const random = createRandom(options.seed ?? 6).next;
  const chance = (p: number) => random() < p;
  const cal = chinaWorkCalendar();
  const rules = caseRulesOf(DEFAULT_POLICIES.D);
  const today = options.today;
  const at = nowIso();

  // --- 办事指南 for every matter
  const matters = await db
    .selectFrom('matters')
    .innerJoin('units', 'units.id', 'matters.unit_id')
    .select(['matters.id', 'matters.name', 'matters.type', 'units.name as unit'])
    .execute();
  for (const m of matters) {
    const guide = GUIDES.find((g) => m.name.includes(g.match)) ?? DEFAULT_GUIDE;
    await db
      .updateTable('matters')
      .set({
        legal_basis: guide.legalBasis,
        materials: JSON.stringify(guide.materials),
        procedure: m.type === 'immediate' ? '受理—审核—当场办结' : '受理—审查—决定—送达',
        fees: guide.fees,
        fee_basis: guide.fees === '不收费' ? '' : guide.feeBasis,
        inquiry_phone: `0571-8700${String(1000 + (m.id % 9000)).padStart(4, '0')}`,
        complaint_phone: '12345',
        lead_department: m.type === 'joint' ? m.unit : '',
        related_departments: JSON.stringify(m.type === 'joint' ? ['税务局', '消防救援支队'] : []),
      })
      .where('id', '=', m.id)
      .execute();
  }

  // --- open cases: codes, 补办, 联办 departments, 上报
  const open = await db
    .selectFrom('cases')
    .select(['id', 'center_id', 'type', 'received_on', 'promised_days'])
    .where('stage', '=', 'accepted')
    .where('acceptance_code', 'is', null)
    .orderBy('id')
    .execute();
  for (const c of open) {
    const code = `${c.received_on.replaceAll('-', '')}${String(c.id).padStart(8, '0')}`;
    const common = { acceptance_code: code, version: at };
    if (c.type !== 'immediate' && chance(0.08)) {
      await db
        .updateTable('cases')
        .set({
          ...common,
          stage: 'awaitingMaterials',
          accepted_on: null,
          deadline: null,
          supplement_count: 1,
          missing_materials: JSON.stringify([random() < 0.5 ? '申请人身份证明复印件' : '委托书原件']),
        })
        .where('id', '=', c.id)
        .execute();
    } else if (c.type === 'escalated') {
      const forwardedOn = cal.addWorkingDays(c.received_on, 1);
      await db
        .updateTable('cases')
        .set({
          ...common,
          stage: forwardedOn <= today ? 'forwarded' : 'accepted',
          forwarded_on: forwardedOn <= today ? forwardedOn : null,
        })
        .where('id', '=', c.id)
        .execute();
    } else {
      await db.updateTable('cases').set(common).where('id', '=', c.id).execute();
      if (c.type === 'joint') {
        const departments = [
          { department: '税务局', limitDays: 3 },
          { department: '消防救援支队', limitDays: 5 },
        ];
        await db
          .insertInto('case_joint_departments')
          .values(
            departments.map((d) => {
              const due = jointDepartmentDue({ copiedOn: c.received_on, limitDays: d.limitDays }, cal);
              const answered =
                due < today && chance(0.7) ? (chance(0.8) ? due : cal.addWorkingDays(due, 1)) : null;
              return {
                case_id: c.id,
                center_id: c.center_id,
                department: d.department,
                limit_days: d.limitDays,
                copied_on: c.received_on,
                due_on: due,
                answered_on: answered && answered <= today ? answered : null,
                opinion: answered && answered <= today ? '同意' : null,
              };
            }),
          )
          .execute();
      }
    }
  }

  // --- every other case carries its acceptance code too (规程 二、2 ⑦: one is issued at acceptance),
  // so no page shows a case as a bare number: the received day and the id, as for the open ones
  await sql`update cases set acceptance_code = replace(received_on, '-', '') || substr('00000000' || id, length('00000000' || id) - 7) where acceptance_code is null`.execute(
    db,
  );

  // --- 好差评 on the decided cases of this month and the two before
  const from = addMonths(`${today.slice(0, 8)}01`, -2);
  const decided = await db
    .selectFrom('cases')
    .select([
      'id',
      'center_id',
      'window_id',
      'staff_id',
      'type',
      'accepted_on',
      'promised_days',
      'decided_on',
      'overdue_days',
    ])
    .where('decided_on', '>=', from)
    .where('decided_on', '<=', today)
    .orderBy('id')
    .execute();
  const ratings: {
    case_id: number;
    center_id: number;
    window_id: number;
    staff_id: number | null;
    level: number;
    comment: string | null;
    day: string;
    month: string;
    at: string;
  }[] = [];
  for (const c of decided) {
    if (!chance(options.serviceRatingShare ?? 0.3) || !c.decided_on) continue;
    const r = random();
    const late = Number(c.overdue_days) > 0;
    // late cases are rated worse
    const level =
      r < (late ? 0.55 : 0.85) ? 1 : r < (late ? 0.8 : 0.97) ? 2 : r < 0.985 ? 3 : r < 0.995 ? 4 : 5;
    ratings.push({
      case_id: c.id,
      center_id: c.center_id,
      window_id: c.window_id,
      staff_id: c.staff_id,
      level,
      comment: isPoorServiceRating(level) ? (late ? '超过承诺时限才办结' : '等候时间长，窗口解释不清') : null,
      day: c.decided_on,
      month: c.decided_on.slice(0, 7),
      at,
    });
  }
  let followUps = 0;
  for (let i = 0; i < ratings.length; i += 300) {
    const rows = await db
      .insertInto('service_ratings')
      .values(ratings.slice(i, i + 300))
      .returning(['id', 'case_id', 'center_id', 'level', 'day'])
      .execute();
    const poor = rows.filter((r) => isPoorServiceRating(Number(r.level)));
    if (poor.length === 0) continue;
    await db
      .insertInto('service_rating_follow_ups')
      .values(
        poor.map((r) => {
          const due = cal.addWorkingDays(r.day, rules.serviceRatings.followUpWorkingDays);
          const isClosed = due < today && chance(0.9);
          return {
            case_id: r.case_id,
            service_rating_id: r.id,
            center_id: r.center_id,
            opened_on: r.day,
            due_on: due,
            status: isClosed ? ('closed' as const) : ('open' as const),
            closed_on: isClosed ? cal.addWorkingDays(r.day, 5) : null,
            note: isClosed ? '已电话回访，说明情况并致歉' : null,
          };
        }),
      )
      .execute();
    followUps += poor.length;
  }

  // --- the overdue proposals of the last 20 days' late cases, waiting for the supervisors
  const recent = addDays(today, -20);
  const late = decided.filter((c) => Number(c.overdue_days) > 0 && c.decided_on && c.decided_on >= recent);
  // the proposals and their reasons are the case rules' (as the API makes them at a decision)
  const proposals = late.flatMap((c) => {
    const accepted = acceptCase(
      {
        type: c.type,
        acceptedBy: String(c.staff_id),
        on: c.accepted_on!,
        promisedDays: Number(c.promised_days),
      },
      cal,
    );
    const state = applyCaseEvent(accepted, { kind: 'decide', on: c.decided_on!, decision: 'approved' }, cal);
    return proposeOverdueSanctions(state, cal, rules).map((p) => ({
      case_id: c.id,
      center_id: c.center_id,
      staff_id: c.staff_id,
      item: p.item,
      qty: p.qty,
      day: p.date,
      reason: p.reason,
      status: 'proposed' as const,
      created_at: at,
    }));
  });
  for (let i = 0; i < proposals.length; i += 300) {
    await db
      .insertInto('case_sanction_proposals')
      .values(proposals.slice(i, i + 300))
      .execute();
  }
  return {
    matters: matters.length,
    workflowCases: open.length,
    serviceRatings: ratings.length,
    followUps,
    proposals: proposals.length,
  };
}

type TGuide = { match: string; legalBasis: string; materials: string[]; fees: string; feeBasis: string };

const DEFAULT_GUIDE: TGuide = {
  match: '',
  legalBasis: '《中华人民共和国行政许可法》',
  materials: ['申请书', '申请人身份证明'],
  fees: '不收费',
  feeBasis: '',
};

/** Plausible guides for the demo catalog's matters; not legal advice. */
const GUIDES: TGuide[] = [
  {
    match: '不动产',
    legalBasis: '《不动产登记暂行条例》及其实施细则',
    materials: ['不动产登记申请书', '申请人身份证明', '不动产权属证书', '登记原因证明文件'],
    fees: '住宅80元/件，非住宅550元/件',
    feeBasis: '发改价格规〔2016〕2559号',
  },
  {
    match: '抵押',
    legalBasis: '《中华人民共和国民法典》物权编、《不动产登记暂行条例》',
    materials: ['不动产登记申请书', '主债权合同', '抵押合同', '不动产权属证书'],
    fees: '80元/件',
    feeBasis: '发改价格规〔2016〕2559号',
  },
  {
    match: '公积金',
    legalBasis: '《住房公积金管理条例》',
    materials: ['身份证', '提取申请表', '相关证明材料'],
    fees: '不收费',
    feeBasis: '',
  },
  {
    match: '企业',
    legalBasis: '《中华人民共和国市场主体登记管理条例》',
    materials: ['登记申请书', '公司章程', '股东主体资格证明', '住所使用证明'],
    fees: '不收费',
    feeBasis: '',
  },
  {
    match: '食品经营',
    legalBasis: '《中华人民共和国食品安全法》《食品经营许可和备案管理办法》',
    materials: ['食品经营许可申请书', '营业执照', '经营场所平面图', '食品安全管理制度'],
    fees: '不收费',
    feeBasis: '',
  },
  {
    match: '施工许可',
    legalBasis: '《中华人民共和国建筑法》第七条',
    materials: ['施工许可申请表', '用地批准手续', '规划许可证', '施工图审查合格书', '中标通知书'],
    fees: '不收费',
    feeBasis: '',
  },
  {
    match: '预售',
    legalBasis: '《城市商品房预售管理办法》',
    materials: ['预售许可申请表', '营业执照和资质证书', '土地使用权证', '建设工程规划许可证', '施工许可证'],
    fees: '不收费',
    feeBasis: '',
  },
  {
    match: '户口',
    legalBasis: '《中华人民共和国户口登记条例》',
    materials: ['居民户口簿', '居民身份证', '迁入地准迁证明'],
    fees: '不收费',
    feeBasis: '',
  },
  {
    match: '社保卡',
    legalBasis: '《社会保障卡管理办法》',
    materials: ['居民身份证', '近期免冠照片'],
    fees: '不收费',
    feeBasis: '',
  },
];
