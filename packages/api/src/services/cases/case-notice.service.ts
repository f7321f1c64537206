import { caseNoticeFileName, isBulletinError, renderCaseNotice, type TCaseNotice } from '@chuangkou/bulletin';
import { type Db, findCaseByCode, findCenter, listCaseEvents, type TUser } from '@chuangkou/db';
import type { TCaseNoticeKind } from '@chuangkou/rules';
import { badInput } from '../../errors.ts';
import { verifyQueryPassword } from '../query-password.ts';
import { caseForUser } from './case-access.ts';
import { caseReceipt } from './case-receipt.service.ts';
import { completionNotice, escalationExplanation, reviewDecision } from './case-result-notice.service.ts';

/** What a case must have before any notice of it is printed, each with the field to complete. */
const NOTICE_FIELDS = [
  ['applicantName', '该办件未登记申请人姓名，不能打印通知单，请先补录申请人信息'],
  ['acceptanceCode', '该办件没有受理编号，不能打印通知单'],
] as const;

/**
 * A printable notice of a case (.xlsx, base64): the acceptance notice, the 补办 notice listing the
 * missing materials, the 退回 notice, the 办结通知单, the 上报 explanation, the 复核 decision. The applicant's part of the acceptance notice carries the query
 * password (规程 二、2 ⑦) when the clerk gives the one just issued (at acceptance or on a reissue): it
 * is checked against the stored hash; the window's part always shows it masked.
 */
export async function caseNoticeFile(
  db: Db,
  user: TUser,
  id: number,
  kind: TCaseNoticeKind,
  queryPassword?: string,
): Promise<{ fileName: string; base64: string }> {
  return noticeFileOf(await caseNotice(db, user, id, kind, queryPassword));
}

/** The notice as data, checked: what `caseNoticeFile` prints. */
export async function caseNotice(
  db: Db,
  user: TUser,
  id: number,
  kind: TCaseNoticeKind,
  queryPassword?: string,
): Promise<TCaseNotice> {
  const c = await caseForUser(db, user, id);
  for (const [field, message] of NOTICE_FIELDS) if (!c[field]?.trim()) throw badInput(field, message);
  if (queryPassword !== undefined) {
    if (kind !== 'acceptanceNotice') throw badInput('queryPassword', '只有受理通知单载明查询密码');
    const stored = await findCaseByCode(db, c.acceptanceCode!);
    const isMatch = stored?.queryPasswordHash
      ? await verifyQueryPassword(queryPassword, stored.queryPasswordHash)
      : false;
    if (!isMatch) throw badInput('queryPassword', '查询密码与该办件不符，请重新生成查询密码后打印');
  }
  const [r, center] = await Promise.all([caseReceipt(db, user, id), findCenter(db, c.centerId)]);
  const base = {
    center: center?.name ?? '',
    acceptingBody: r.acceptingBody,
    acceptanceCode: r.acceptanceCode,
    applicant: r.applicant,
    matter: r.matter.name,
    handler: r.handler,
  };
  let notice: TCaseNotice;
  if (kind === 'acceptanceNotice') {
    if (!r.acceptedOn || !r.pickupOn) throw badInput('kind', '材料补齐、正式受理后才能打印受理通知单');
    notice = {
      ...base,
      kind,
      issuedOn: r.acceptedOn,
      promisedDays: r.promisedDays,
      acceptedOn: r.acceptedOn,
      pickupOn: r.pickupOn,
      pickupProvisional: r.pickupProvisional,
      queryPassword: queryPassword ?? null,
      channels: r.channels,
      legalBasis: r.matter.legalBasis,
      fees: r.matter.fees,
    };
  } else if (kind === 'supplementNotice') {
    if (c.missingMaterials.length === 0) throw badInput('kind', '该办件没有待补齐的材料');
    notice = {
      ...base,
      kind,
      issuedOn: c.receivedOn,
      missing: c.missingMaterials,
      supplementNo: c.supplementCount,
      inquiryPhone: r.channels.inquiryPhone,
    };
  } else if (kind === 'completionNotice') {
    notice = completionNotice(c, base);
  } else if (kind === 'escalationExplanation') {
    notice = await escalationExplanation(db, c, base);
  } else if (kind === 'reviewDecision') {
    notice = await reviewDecision(db, c, base);
  } else {
    if (c.stage !== 'returned') throw badInput('kind', '该办件未退回');
    const returned = (await listCaseEvents(db, id)).find((e) => e.kind === 'return');
    notice = {
      ...base,
      kind: 'returnNotice',
      issuedOn: returned?.day ?? c.receivedOn,
      reasons: c.returnReasons,
    };
  }
  return notice;
}

/** Renders a notice; an input the notice refuses becomes bad input naming its field, never a 500. */
export async function noticeFileOf(notice: TCaseNotice): Promise<{ fileName: string; base64: string }> {
  try {
    const buffer = await renderCaseNotice(notice);
    return { fileName: caseNoticeFileName(notice), base64: buffer.toString('base64') };
  } catch (e) {
    if (isBulletinError(e) && e.code === 'INVALID_INPUT') throw badInput(e.field ?? 'notice', e.message);
    throw e;
  }
}
