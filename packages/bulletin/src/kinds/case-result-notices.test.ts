import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readBack, rowTexts } from '../testing/read-back.ts';
import { caseNoticeFileName, renderCaseNotice, type TCaseNotice } from './case-notices.bulletin.ts';

const base = {
  center: '测试市政务服务中心',
  acceptingBody: '测试市不动产登记中心',
  acceptanceCode: '2026112612345678',
  applicant: { name: '王小明', phone: '13800000000' },
  matter: '不动产转移登记',
  handler: { name: '李四', phone: '0571-88000002' },
  issuedOn: '2026-11-26',
};

async function textOf(notice: TCaseNotice): Promise<string> {
  const wb = await readBack(await renderCaseNotice(notice));
  const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
  const out: string[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) out.push(rowTexts(sheet, r, 2).join('|'));
  return out.join('\n');
}

describe('the notices after acceptance', () => {
  it('规程 四、1–3 the 办结通知单 of a refusal gives its reasons and names 复核, 行政复议 and 行政诉讼', async () => {
    const notice: TCaseNotice = {
      ...base,
      kind: 'completionNotice',
      decision: 'refused',
      decidedOn: '2026-11-20',
      acceptedOn: '2026-11-16',
      promisedDays: 5,
      reasons: ['申请人不符合法定条件'],
    };
    const text = await textOf(notice);
    expect(text).toContain('审批事项办结通知单');
    expect(text).toContain('办理结果|不予批准');
    expect(text).toContain('不予批准理由1|申请人不符合法定条件');
    expect(text).toMatch(/申请复核.*行政复议.*行政诉讼/);
    expect(caseNoticeFileName(notice)).toBe('审批事项办结通知单-2026112612345678.xlsx');
    const approved = await textOf({ ...notice, decision: 'approved', reasons: [] });
    expect(approved).toContain('办理结果|予以批准');
    expect(approved).not.toContain('行政复议');
  });

  it('规程 三、4 the 上报 explanation gives the days waited and the explanation', async () => {
    const text = await textOf({
      ...base,
      kind: 'escalationExplanation',
      forwardedOn: '2026-05-06',
      daysWaiting: 16,
      dayKind: 'calendar',
      explanation: '省厅尚在审查，已电话催办',
    });
    expect(text).toContain('上报件未批复情况说明');
    expect(text).toContain('情况说明|省厅尚在审查，已电话催办');
    expect(text).toContain('16天（上级审批时间不计入窗口承诺时限）');
  });

  it('规程 四、3 the 复核 decision names the reviewer and, when upheld, 行政复议 and 行政诉讼', async () => {
    const text = await textOf({
      ...base,
      kind: 'reviewDecision',
      refusedOn: '2026-11-05',
      requestedOn: '2026-11-06',
      request: '我符合条件',
      reviewer: '赵主任',
      outcome: 'upheld',
      reasons: '经复核，申请人确不符合法定条件',
    });
    expect(text).toContain('复核人|赵主任');
    expect(text).toContain('复核结论|维持原不予批准决定');
    expect(text).toContain('依法申请行政复议或者提起行政诉讼');
  });

  it('refuses a refusal without its written reasons, naming the field', async () => {
    await expect(
      renderCaseNotice({
        ...base,
        kind: 'completionNotice',
        decision: 'refused',
        decidedOn: '2026-11-20',
        acceptedOn: '2026-11-16',
        promisedDays: 5,
        reasons: [],
      }),
    ).rejects.toMatchObject({ field: 'reasons' });
  });
});
