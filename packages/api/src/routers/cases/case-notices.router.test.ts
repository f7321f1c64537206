import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNotice } from '../../services/cases/case-notice.service.ts';
import type { TApiSetup } from '../../testing/api-test-setup.ts';
import { refusal, setupCases, type TCaseSetup } from '../../testing/case-test-setup.ts';

describe.each(TEST_DIALECTS)('case notices on %s', (dialect) => {
  let s: TApiSetup;
  let matters: TCaseSetup['matters'];
  let acceptAs: TCaseSetup['acceptAs'];
  beforeAll(async () => {
    ({ s, matters, acceptAs } = await setupCases(dialect));
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('answers a case without an applicant name with a clear message naming the field, not a 500', async () => {
    const { case: c } = await acceptAs('staff', matters.promised, '2026-11-02');
    // a case imported or generated without the applicant's name
    await s.t.db.updateTable('cases').set({ applicant_name: null }).where('id', '=', c.id).execute();
    for (const kind of ['acceptanceNotice', 'supplementNotice', 'returnNotice'] as const) {
      const r = await refusal(s.as('staff').cases.noticeFile({ id: c.id, kind }));
      expect(r.code).toBe('BAD_REQUEST');
      expect(r.message).toContain('applicantName');
      expect(r.message).toContain('申请人姓名');
    }
  });

  it('规程 二、2 ⑦ the applicant’s part carries the query password just issued; a wrong one is refused', async () => {
    const { case: c, receipt } = await acceptAs('staff', matters.promised, '2026-11-03');
    const notice = await caseNotice(s.t.db, s.users.staff, c.id, 'acceptanceNotice', receipt.queryPassword!);
    expect(notice).toMatchObject({ kind: 'acceptanceNotice', queryPassword: receipt.queryPassword });
    const file = await s
      .as('staff')
      .cases.acceptanceNoticeFile({ id: c.id, queryPassword: receipt.queryPassword! });
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const wrong = await refusal(
      s.as('staff').cases.acceptanceNoticeFile({ id: c.id, queryPassword: 'WRONG123' }),
    );
    expect(wrong).toMatchObject({ code: 'BAD_REQUEST' });
    expect(wrong.message).toContain('queryPassword');
    // a reprint without the password never invents one
    expect(await caseNotice(s.t.db, s.users.staff, c.id, 'acceptanceNotice')).toMatchObject({
      queryPassword: null,
    });
  });

  it('规程 四、3 the public status names the matter', async () => {
    const { receipt } = await acceptAs('staff', matters.promised, '2026-11-04');
    const status = await s
      .as(null)
      .cases.publicStatus({ code: receipt.acceptanceCode, password: receipt.queryPassword! });
    expect(status.matter).toBe('不动产转移登记');
  });
});
