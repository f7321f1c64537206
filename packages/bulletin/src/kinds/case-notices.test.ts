import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BulletinError } from '../bulletin.errors.ts';
import { findRow, readBack, rowTexts } from '../testing/read-back.ts';
import {
  caseNoticeFileName,
  caseNoticeSheets,
  renderCaseNotice,
  type TAcceptanceNotice,
  type TReturnNotice,
  type TSupplementNotice,
} from './case-notices.bulletin.ts';

const base = {
  center: '测试市政务服务中心',
  acceptingBody: '测试市不动产登记中心',
  acceptanceCode: '2026112612345678',
  applicant: { name: '王小明', phone: '13800000000' },
  matter: '不动产转移登记',
  handler: { name: '李四', phone: '0571-88000002' },
  issuedOn: '2026-11-26',
};

const acceptance: TAcceptanceNotice = {
  ...base,
  kind: 'acceptanceNotice',
  promisedDays: 3,
  acceptedOn: '2026-11-26',
  pickupOn: '2026-12-01',
  queryPassword: 'K7MX2QPA',
  channels: {
    query: '中心网站或自助终端',
    evaluation: '好差评评价器',
    inquiryPhone: '0571-88000001',
    complaintPhone: '12345',
  },
  legalBasis: '《不动产登记暂行条例》',
  fees: '80元/件',
};

/** Every non-empty text of a sheet, row by row. */
function texts(sheet: ExcelJS.Worksheet): string {
  const out: string[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) out.push(rowTexts(sheet, r, 2).join('|'));
  return out.join('\n');
}

describe('renderCaseNotice', () => {
  it('prints a pickup day past the covered years as 暂定', async () => {
    const wb = await readBack(
      await renderCaseNotice({ ...acceptance, pickupOn: '2027-01-01', pickupProvisional: true }),
    );
    const part = wb.worksheets[0]!;
    const pickup = rowTexts(part, findRow(part, 1, '　 取件时间'), 2)[1];
    expect(pickup).toBe('2027年1月1日（暂定：该年度节假日安排尚未公布，以公布后顺延的日期为准）');
  });

  it('prints the eight fields of the acceptance notice in two parts, the password on the applicant part only', async () => {
    const wb = await readBack(await renderCaseNotice(acceptance));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '行政审批事项受理通知单（申请人联）',
      '行政审批事项受理通知单（存根联）',
    ]);
    const [applicantPart, windowPart] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    const row = (label: string) => rowTexts(applicantPart, findRow(applicantPart, 1, label), 2)[1];
    expect(row('① 申请人')).toBe('王小明　联系电话：13800000000');
    expect(row('② 审批事项')).toBe('不动产转移登记');
    expect(row('③ 受理机关')).toBe('测试市不动产登记中心');
    expect(row('④ 承办人')).toBe('李四　联系电话：0571-88000002');
    expect(row('⑤ 承诺时限')).toBe('3个工作日');
    expect(row('⑥ 受理时间')).toBe('2026年11月26日');
    expect(row('　 取件时间')).toContain('2026年12月1日');
    expect(row('⑦ 受理编码')).toBe('2026112612345678');
    expect(row('　 查询密码')).toBe('K7MX2QPA');
    expect(row('⑧ 查询、评议、投诉')).toContain('投诉电话：12345');
    expect(texts(windowPart)).not.toContain('K7MX2QPA');
    expect(texts(windowPart)).toContain('第二联：窗口单位存档');
  });

  it('lists every missing material on the 补办 notice and marks a second one', async () => {
    const notice: TSupplementNotice = {
      ...base,
      kind: 'supplementNotice',
      missing: ['申请人身份证明', '不动产权属证书'],
      supplementNo: 2,
    };
    const sheet = (await readBack(await renderCaseNotice(notice))).worksheets[0]!;
    const all = texts(sheet);
    expect(all).toContain('1|申请人身份证明');
    expect(all).toContain('2|不动产权属证书');
    expect(all).toContain('正式受理之日');
    expect(all).toContain('本件第2次补办');
    expect(caseNoticeFileName(notice)).toBe('补办件通知单-2026112612345678.xlsx');
  });

  it('prints the reasons of a return and refuses incomplete materials as one', async () => {
    const notice: TReturnNotice = {
      ...base,
      kind: 'returnNotice',
      reasons: ['申请事项不属于本机关职权范围'],
    };
    const all = texts((await readBack(await renderCaseNotice(notice))).worksheets[0]!);
    expect(all).toContain('1|申请事项不属于本机关职权范围');
    expect(all).toContain('行政复议');
    expect(() => caseNoticeSheets({ ...notice, reasons: ['申请材料不全'] })).toThrow(BulletinError);
    expect(() => caseNoticeSheets({ ...notice, reasons: [] })).toThrow(/理由/);
  });

  it('refuses a 补办 notice without materials and a notice without a code', () => {
    expect(() =>
      caseNoticeSheets({ ...base, kind: 'supplementNotice', missing: [], supplementNo: 1 }),
    ).toThrow(/一次性/);
    expect(() => caseNoticeSheets({ ...acceptance, acceptanceCode: ' ' })).toThrow(/受理编号/);
  });
});
