import {
  appendCaseEvents,
  type Db,
  insertCases,
  insertSanctionProposals,
  type TMatter,
  type TNewCase,
  type TNewCaseEventRecord,
  type TNewSanctionProposal,
  type TUser,
  takenAcceptanceCodes,
} from '@chuangkou/db';
import {
  acceptCase,
  applyCaseEvent,
  isDeadlineProvisional,
  type TCaseEvent,
  type TCaseEventKind,
} from '@chuangkou/rules';
import { badInput } from '../../errors.ts';
import { audit } from '../audit.ts';
import { centerCalendar } from '../calendar.service.ts';
import { assertNotFutureDate } from '../periods.ts';
import { scopeOf } from '../scope.ts';
import { newAcceptanceCode, newCodeFor } from './acceptance-code.ts';
import { matterForCenter, resolveHandler } from './case-access.ts';
import { caseRulesByDate } from './case-rules.ts';
import { atRow, decisionDays } from './case-state.ts';
import { overdueProposalsOf } from './step-case.service.ts';

/** One handled case of an import. */
export interface TImportRow {
  matterId: number;
  staffId: number;
  windowId?: number | undefined;
  applicantName: string;
  applicantPhone?: string | undefined;
  receivedOn: string;
  missing?: string[] | undefined;
  materialsCompleteOn?: string | undefined;
  decidedOn?: string | undefined;
  decision?: 'approved' | 'refused' | undefined;
  reasons?: string[] | undefined;
  notifiedOn?: string | undefined;
  pickedUpOn?: string | undefined;
  /** the source system's acceptance code; a new one is made when left out */
  acceptanceCode?: string | undefined;
}

/**
 * Imports cases already handled elsewhere (a busy center's day, a migration): each row goes through
 * acceptCase and applyCaseEvent like a case entered at the window, so its deadline, flags and overdue
 * proposals are the rules' own (the case rules in force on each decision day). The applicants got
 * their receipts from the source system, so no query password is issued here (the status query
 * answers "wrong code or password" for these cases until a window issues one with
 * `resetQueryPassword`). All rows or none: one bad row names itself.
 */
export async function importCases(
  db: Db,
  user: TUser,
  today: string,
  rows: readonly TImportRow[],
): Promise<{ imported: number; decided: number; proposals: number }> {
  const cal = await centerCalendar(db, user.centerId);
  const scope = await scopeOf(db, user);
  const rulesOn = caseRulesByDate(db, user.centerId);
  const matters = new Map<number, TMatter>();
  const handlers = new Map<string, { staffId: number; windowId: number }>();
  const newRows: TNewCase[] = [];
  const events: Omit<TNewCaseEventRecord, 'caseId'>[][] = [];
  const proposals: TNewSanctionProposal[][] = [];
  const seenCodes = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const at = `cases[${i}]`;
    assertNotFutureDate(r.receivedOn, today, `${at}.receivedOn`);
    let matter = matters.get(r.matterId);
    if (!matter) {
      matter = await matterForCenter(db, user.centerId, r.matterId, `${at}.matterId`);
      matters.set(r.matterId, matter);
    }
    const hKey = `${r.staffId}|${r.windowId ?? ''}`;
    let h = handlers.get(hKey);
    if (!h) {
      h = await resolveHandler(db, user, scope, r, `${at}.staffId`);
      handlers.set(hKey, h);
    }
    const ev: Omit<TNewCaseEventRecord, 'caseId'>[] = [];
    const push = (kind: TCaseEventKind, day: string, payload: Record<string, unknown> = {}) =>
      ev.push({
        centerId: user.centerId,
        kind,
        day,
        payload: { ...payload, imported: true },
        userId: user.id,
      });
    const { type, promisedDays } = matter;
    let s = atRow(at, () =>
      acceptCase(
        {
          type,
          acceptedBy: String(h.staffId),
          on: r.receivedOn,
          promisedDays,
          ...(r.missing && { missing: r.missing }),
          matterDepartments: matter.relatedDepartments,
          matterMaterials: matter.materials,
        },
        cal,
      ),
    );
    push('accept', r.receivedOn, { matterId: matter.id, staffId: h.staffId });
    if (r.missing?.length) push('requestMaterials', r.receivedOn, { missing: r.missing });
    const step = (e: TCaseEvent) => {
      assertNotFutureDate(e.on, today, `${at}.${e.kind}`);
      s = atRow(at, () => applyCaseEvent(s, e, cal));
      push(e.kind, e.on, 'decision' in e ? { decision: e.decision, reasons: e.reasons } : {});
    };
    if (r.materialsCompleteOn) step({ kind: 'materialsComplete', on: r.materialsCompleteOn });
    if (r.decidedOn)
      step({
        kind: 'decide',
        on: r.decidedOn,
        decision: r.decision ?? 'approved',
        ...(r.reasons && { reasons: r.reasons }),
      });
    if (r.notifiedOn) step({ kind: 'notify', on: r.notifiedOn });
    if (r.pickedUpOn) step({ kind: 'pickUp', on: r.pickedUpOn });
    const code = r.acceptanceCode ?? newCodeFor(r.receivedOn);
    if (seenCodes.has(code)) throw badInput(`${at}.acceptanceCode`, `受理编号 ${code} 重复`);
    seenCodes.add(code);
    const newRow: TNewCase = {
      centerId: user.centerId,
      unitId: matter.unitId,
      windowId: h.windowId,
      staffId: h.staffId,
      matterId: matter.id,
      type,
      stage: s.stage,
      acceptanceCode: code,
      queryPasswordHash: null,
      applicantName: r.applicantName,
      applicantPhone: r.applicantPhone ?? '',
      handlerPhone: matter.inquiryPhone,
      receivedOn: r.receivedOn,
      acceptedOn: s.acceptedOn,
      promisedDays,
      deadline: s.deadline,
      isDeadlineProvisional: isDeadlineProvisional(cal, s.acceptedOn, s.deadline),
      supplementCount: s.supplementCount,
      missingMaterials: s.missingMaterials,
      isOneTimeNotificationFailed: s.flags.includes('oneTimeNotificationFailed'),
      isNotifiedLate: s.flags.includes('notifiedLate'),
      decision: s.decision,
      returnReasons: s.returnReasons,
      notifiedOn: s.notifiedOn,
      pickedUpOn: s.pickedUpOn,
      acceptedByUser: user.id,
      ...decisionDays(s, cal),
    };
    newRows.push(newRow);
    events.push(ev);
    const rules = s.decidedOn ? await rulesOn(s.decidedOn) : undefined;
    proposals.push(rules ? overdueProposalsOf({ id: 0, ...newRow }, s, cal, rules) : []);
  }
  const taken = await takenAcceptanceCodes(db, [...seenCodes]);
  for (const [i, row] of newRows.entries()) {
    if (row.acceptanceCode !== null && taken.has(row.acceptanceCode)) {
      if (rows[i]!.acceptanceCode !== undefined)
        throw badInput(`cases[${i}].acceptanceCode`, `受理编号 ${row.acceptanceCode} 已存在`);
      row.acceptanceCode = await newAcceptanceCode(db, row.receivedOn);
    }
  }
  // the rows go in as they stand, decided ones included: the rollup counts each as it is
  const ids = await insertCases(db, newRows);
  await appendCaseEvents(
    db,
    ids.flatMap((caseId, i) => events[i]!.map((e) => ({ caseId, ...e }))),
  );
  const proposed = ids.flatMap((caseId, i) => proposals[i]!.map((p) => ({ ...p, caseId })));
  await insertSanctionProposals(db, proposed);
  const decided = newRows.filter((r) => r.decidedOn).length;
  await audit(db, user, 'case', null, 'import', null, {
    imported: ids.length,
    decided,
    proposals: proposed.length,
  });
  return { imported: ids.length, decided, proposals: proposed.length };
}
