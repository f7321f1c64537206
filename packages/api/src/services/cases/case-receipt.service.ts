import {
  appendCaseEvents,
  type Db,
  findCenter,
  findMatter,
  findStaff,
  listUnits,
  type TCase,
  type TMatter,
  type TUser,
  updateCase,
} from '@chuangkou/db';
import { audit } from '../audit.ts';
import { hashQueryPassword, newQueryPassword } from '../query-password.ts';
import { caseForUser } from './case-access.ts';

/** 受理通知单 (规程 二、2): the eight fields of the acceptance notice, and the service guide. */
export interface TReceipt {
  acceptanceCode: string;
  /** shown once, on the receipt; only its hash is stored */
  queryPassword: string | null;
  applicant: { name: string; phone: string };
  matter: Pick<TMatter, 'name' | 'type' | 'legalBasis' | 'materials' | 'procedure' | 'fees' | 'feeBasis'>;
  acceptingBody: string;
  handler: { name: string; phone: string };
  promisedDays: number;
  receivedOn: string;
  acceptedOn: string | null;
  /** 取件时间: the deadline; null while materials are awaited */
  pickupOn: string | null;
  /** 暂定: the pickup day lies past the years whose holidays are known and may still move */
  pickupProvisional: boolean;
  missingMaterials: string[];
  channels: { query: string; evaluation: string; inquiryPhone: string; complaintPhone: string };
}

const QUERY_CHANNEL = '登录中心网站或在自助终端输入受理编号和查询密码查询办理进度';
const EVALUATION_CHANNEL = '办结后可通过中心网站、自助终端或窗口评价器进行“好差评”';

/** A query password and its hash; the password goes on the receipt, only the hash is stored. */
export type TQuerySecret = { password: string; hash: string };

/** Draws and hashes a new query password (call it outside a transaction: scrypt takes milliseconds). */
export async function issueQueryPassword(): Promise<TQuerySecret> {
  const password = newQueryPassword();
  return { password, hash: await hashQueryPassword(password) };
}

/** The receipt of a case, with the password when one was just issued. */
export async function receiptOf(
  db: Db,
  c: TCase,
  m: TMatter,
  queryPassword: string | null,
  staffName: string,
): Promise<TReceipt> {
  const [units, center] = await Promise.all([listUnits(db, c.centerId), findCenter(db, c.centerId)]);
  const unit = units.find((u) => u.id === c.unitId);
  return {
    acceptanceCode: c.acceptanceCode ?? '',
    queryPassword,
    applicant: { name: c.applicantName, phone: c.applicantPhone },
    matter: {
      name: m.name,
      type: m.type,
      legalBasis: m.legalBasis,
      materials: m.materials,
      procedure: m.procedure,
      fees: m.fees,
      feeBasis: m.feeBasis,
    },
    acceptingBody: [center?.name, unit?.name].filter(Boolean).join(' '),
    handler: { name: staffName, phone: c.handlerPhone },
    promisedDays: c.promisedDays,
    receivedOn: c.receivedOn,
    acceptedOn: c.acceptedOn,
    pickupOn: c.deadline,
    pickupProvisional: c.isDeadlineProvisional,
    missingMaterials: c.missingMaterials,
    channels: {
      query: QUERY_CHANNEL,
      evaluation: EVALUATION_CHANNEL,
      inquiryPhone: m.inquiryPhone,
      complaintPhone: m.complaintPhone,
    },
  };
}

async function storedReceipt(db: Db, c: TCase, queryPassword: string | null): Promise<TReceipt> {
  const [m, s] = await Promise.all([
    findMatter(db, c.matterId),
    c.staffId === null ? undefined : findStaff(db, c.staffId),
  ]);
  return receiptOf(db, c, m!, queryPassword, s?.name ?? '');
}

/** 补打受理通知单: the receipt again, without the password (a new one is issued by `resetQueryPassword`). */
export async function caseReceipt(db: Db, user: TUser, id: number): Promise<TReceipt> {
  return storedReceipt(db, await caseForUser(db, user, id), null);
}

/**
 * Issues a new query password on a new receipt, with the applicant at the window (they lost theirs);
 * the old one stops working. The reason is kept in the case's event log and the audit log, and any
 * rating given after it is marked to be checked before it counts (the clerk held the new password).
 */
export async function resetQueryPassword(
  db: Db,
  user: TUser,
  today: string,
  input: { id: number; reason: string },
  secret?: TQuerySecret,
): Promise<TReceipt> {
  const { id, reason } = input;
  const c = await caseForUser(db, user, id);
  const issued = secret ?? (await issueQueryPassword());
  await updateCase(db, id, { queryPasswordHash: issued.hash });
  await appendCaseEvents(db, [
    {
      caseId: id,
      centerId: c.centerId,
      kind: 'resetQueryPassword',
      day: today,
      payload: { reason },
      userId: user.id,
    },
  ]);
  await audit(db, user, 'case', id, 'resetQueryPassword', null, { reason });
  return storedReceipt(db, c, issued.password);
}
