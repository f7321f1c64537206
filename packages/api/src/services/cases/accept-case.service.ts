import { appendCaseEvents, type Db, findCase, insertCases, type TCase, type TUser } from '@chuangkou/db';
import { acceptCase, isDeadlineProvisional } from '@chuangkou/rules';
import { audit } from '../audit.ts';
import { centerCalendar } from '../calendar.service.ts';
import { assertNotFutureDate } from '../periods.ts';
import { scopeOf } from '../scope.ts';
import { newAcceptanceCode } from './acceptance-code.ts';
import { matterForCenter, resolveHandler } from './case-access.ts';
import { issueQueryPassword, receiptOf, type TQuerySecret, type TReceipt } from './case-receipt.service.ts';

export interface TAcceptInput {
  matterId: number;
  /** the accepting person (第一责任人); staff accept as themselves */
  staffId?: number | undefined;
  windowId?: number | undefined;
  applicantName: string;
  applicantPhone: string;
  handlerPhone?: string | undefined;
  /** the day the applicant came; today when left out */
  on?: string | undefined;
  /** materials missing at the window: the case starts in 补办 */
  missing?: string[] | undefined;
}

/**
 * 受理: opens a case through the rules (deadline in working days, 补办 when materials are missing),
 * issues the acceptance code and a random query password (only its hash is stored) and the receipt.
 */
export async function acceptCaseAtWindow(
  db: Db,
  user: TUser,
  today: string,
  input: TAcceptInput,
  /** hashed before the transaction opens (`issueQueryPassword`): scrypt must not hold the database */
  secret?: TQuerySecret,
): Promise<{ case: TCase; receipt: TReceipt }> {
  const on = input.on ?? today;
  assertNotFutureDate(on, today, 'on');
  const scope = await scopeOf(db, user);
  const matter = await matterForCenter(db, user.centerId, input.matterId);
  const handler = await resolveHandler(db, user, scope, input);
  const cal = await centerCalendar(db, user.centerId);
  const state = acceptCase(
    {
      type: matter.type,
      acceptedBy: String(handler.staffId),
      on,
      promisedDays: matter.promisedDays,
      ...(input.missing && { missing: input.missing }),
    },
    cal,
  );
  const issued = secret ?? (await issueQueryPassword());
  const [id] = await insertCases(db, [
    {
      centerId: user.centerId,
      unitId: matter.unitId,
      windowId: handler.windowId,
      staffId: handler.staffId,
      matterId: matter.id,
      type: matter.type,
      stage: state.stage,
      acceptanceCode: await newAcceptanceCode(db, on),
      queryPasswordHash: issued.hash,
      applicantName: input.applicantName,
      applicantPhone: input.applicantPhone,
      handlerPhone: input.handlerPhone ?? matter.inquiryPhone,
      receivedOn: on,
      acceptedOn: state.acceptedOn,
      promisedDays: matter.promisedDays,
      deadline: state.deadline,
      isDeadlineProvisional: isDeadlineProvisional(cal, state.acceptedOn, state.deadline),
      supplementCount: state.supplementCount,
      missingMaterials: state.missingMaterials,
      acceptedByUser: user.id,
    },
  ]);
  const caseId = id!;
  const line = { caseId, centerId: user.centerId, day: on, userId: user.id };
  await appendCaseEvents(db, [
    {
      ...line,
      kind: 'accept',
      payload: { matterId: matter.id, staffId: handler.staffId, promisedDays: matter.promisedDays },
    },
    ...(state.stage === 'awaitingMaterials'
      ? [{ ...line, kind: 'requestMaterials' as const, payload: { missing: state.missingMaterials } }]
      : []),
  ]);
  const c = (await findCase(db, caseId))!;
  await audit(db, user, 'case', c.id, 'accept', null, c);
  return { case: c, receipt: await receiptOf(db, c, matter, issued.password, handler.staffName) };
}
