import { caseNoticeFileName, renderCaseNotice, type TCaseNotice } from '@chuangkou/bulletin';
import { type Db, findCenter, listCaseEvents, type TUser } from '@chuangkou/db';
import type { TCaseNoticeKind } from '@chuangkou/rules';
import { badInput } from '../../errors.ts';
import { caseForUser } from './case-access.ts';
import { caseReceipt } from './case-receipt.service.ts';

/**
 * A printable notice of a case (.xlsx, base64): the acceptance notice (without the password, which only
 * the receipt at acceptance carries), the 补办 notice listing the missing materials, the 退回 notice.
 */
export async function caseNoticeFile(
  db: Db,
  user: TUser,
  id: number,
  kind: TCaseNoticeKind,
): Promise<{ fileName: string; base64: string }> {
  const c = await caseForUser(db, user, id);
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
      queryPassword: null,
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
  } else {
    if (c.stage !== 'returned') throw badInput('kind', '该办件未退回');
    const returned = (await listCaseEvents(db, id)).find((e) => e.kind === 'return');
    notice = { ...base, kind, issuedOn: returned?.day ?? c.receivedOn, reasons: c.returnReasons };
  }
  const buffer = await renderCaseNotice(notice);
  return { fileName: caseNoticeFileName(notice), base64: buffer.toString('base64') };
}
