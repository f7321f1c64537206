import type { TDialectName } from '@chuangkou/db';
import { createContextInner, type TContext } from '../context.ts';
import { createCaller } from '../root.ts';
import { setupApi, type TApiSetup, TODAY } from './api-test-setup.ts';

/** The Chinese message of a refused call, and its code. */
export async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error('the call was not refused');
}

export interface TCaseSetup {
  s: TApiSetup;
  /** a matter of each type in the catalog of the fixture center */
  matters: { promised: number; immediate: number; joint: number; escalated: number };
  /** accepts a case of a matter as a role (staff accept as 李四 of window 1, head as 张三) */
  acceptAs(
    role: 'staff' | 'head' | 'supervisor',
    matterId: number,
    on: string,
    extra?: Record<string, unknown>,
  ): ReturnType<ReturnType<TApiSetup['as']>['cases']['accept']>;
  /** a caller for the applicant at a client address (the host sets `clientAddress`) */
  applicantAt(address: string): ReturnType<typeof createCaller>;
}

export const APPLICANT = { applicantName: '王小明', applicantPhone: '13800000000' };

/**
 * The API on a fresh database (`setupApi`) with a catalog of four matters, one of each type, each with
 * its service guide: 不动产转移登记 (承诺件, 3 days), 登记资料查询 (即办件), 企业开办联办 (联办件, 5 days,
 * 税务局 and 公安局), 建设用地审批（上报） (上报件, 5 days).
 */
export async function setupCases(dialect: TDialectName): Promise<TCaseSetup> {
  const s = await setupApi(dialect);
  const sup = s.as('supervisor');
  const guide = {
    unitId: s.f.unitId,
    legalBasis: '《不动产登记暂行条例》第十七条',
    materials: ['不动产登记申请书', '申请人身份证明', '不动产权属证书'],
    procedure: '受理—审核—登簿—发证',
    fees: '80元/件',
    feeBasis: '发改价格规〔2016〕2559号',
    inquiryPhone: '0571-88000001',
    complaintPhone: '12345',
  };
  const create = async (name: string, type: 'promised' | 'immediate' | 'joint' | 'escalated', days: number) =>
    (
      await sup.cases.matters.create({
        ...guide,
        name,
        type,
        promisedDays: days,
        ...(type === 'joint' && { leadDepartment: '市场监管局', relatedDepartments: ['税务局', '公安局'] }),
      })
    ).id;
  const matters = {
    promised: await create('不动产转移登记', 'promised', 3),
    immediate: await create('登记资料查询', 'immediate', 0),
    joint: await create('企业开办联办', 'joint', 5),
    escalated: await create('建设用地审批（上报）', 'escalated', 5),
  };
  return {
    s,
    matters,
    acceptAs: (role, matterId, on, extra = {}) =>
      s.as(role).cases.accept({ matterId, on, ...APPLICANT, ...extra }),
    applicantAt: (address) =>
      createCaller({
        ...createContextInner({ db: s.t.db, user: null, today: () => TODAY }),
        clientAddress: address,
      } as TContext),
  };
}
