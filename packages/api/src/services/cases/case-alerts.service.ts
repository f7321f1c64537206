import {
  type Db,
  listJointDepartmentsOfCases,
  openCasesInChunks,
  type TCaseListRow,
  type TJointDepartmentRecord,
  type TUser,
} from '@chuangkou/db';
import { caseAlerts, type TCaseAlert, type TCaseStage, type TCaseType } from '@chuangkou/rules';
import { centerCalendar } from '../calendar.service.ts';
import { scopeOf } from '../scope.ts';
import { caseRulesInForce } from './case-rules.ts';
import { caseStateOf } from './case-state.ts';

export interface TCaseAlertRow {
  caseId: number;
  acceptanceCode: string | null;
  matterName: string;
  windowId: number;
  windowName: string;
  staffName: string | null;
  type: TCaseType;
  stage: TCaseStage;
  deadline: string | null;
  /** 暂定: the deadline lies past the years whose holidays are known */
  isDeadlineProvisional: boolean;
  alert: TCaseAlert;
}

function alertRow(c: TCaseListRow, alert: TCaseAlert): TCaseAlertRow {
  return {
    caseId: c.id,
    acceptanceCode: c.acceptanceCode,
    matterName: c.matterName,
    windowId: c.windowId,
    windowName: c.windowName,
    staffName: c.staffName,
    type: c.type,
    stage: c.stage,
    deadline: c.deadline,
    isDeadlineProvisional: c.isDeadlineProvisional,
    alert,
  };
}

/** The most alerts one answer carries (the most urgent first): the rest wait for the next look. */
export const CASE_ALERTS_MAX = 1000;

const rank = (a: TCaseAlertRow) => (a.alert.level === 'red' ? 0 : a.alert.level === 'yellow' ? 1 : 2);
const byUrgency = (a: TCaseAlertRow, b: TCaseAlertRow) =>
  rank(a) - rank(b) || (a.deadline ?? '').localeCompare(b.deadline ?? '') || a.caseId - b.caseId;

/**
 * The alerts of the open cases on `today` under the case rules in force that day: yellow before the
 * deadline, red after (overdue), 上报 explanations due, and 联办 departments late — the rules'
 * `caseAlerts`, per case, red first; at most `CASE_ALERTS_MAX`, the most urgent. The open cases are
 * read a chunk at a time (`openCasesInChunks`), so a center with many open cases never holds the server.
 */
export async function listCaseAlerts(db: Db, user: TUser, today: string): Promise<TCaseAlertRow[]> {
  const scope = await scopeOf(db, user);
  const [cal, rules] = await Promise.all([
    centerCalendar(db, user.centerId),
    caseRulesInForce(db, user.centerId, today),
  ]);
  let out: TCaseAlertRow[] = [];
  for await (const open of openCasesInChunks(db, {
    centerId: user.centerId,
    windowId: scope.kind === 'window' ? scope.windowId : undefined,
    staffId: scope.kind === 'self' ? scope.staffId : undefined,
  })) {
    const joint = await listJointDepartmentsOfCases(
      db,
      open.filter((c) => c.type === 'joint').map((c) => c.id),
    );
    const byCase = new Map<number, TJointDepartmentRecord[]>();
    for (const j of joint) byCase.set(j.caseId, [...(byCase.get(j.caseId) ?? []), j]);
    for (const c of open) {
      for (const alert of caseAlerts(caseStateOf(c, byCase.get(c.id) ?? []), today, cal, rules)) {
        out.push(alertRow(c, alert));
      }
    }
    if (out.length > 2 * CASE_ALERTS_MAX) out = out.sort(byUrgency).slice(0, CASE_ALERTS_MAX);
  }
  return out.sort(byUrgency).slice(0, CASE_ALERTS_MAX);
}
