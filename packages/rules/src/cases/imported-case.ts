import type { TWorkCalendar } from '../calendar/work-calendar.ts';
import { isDeadlineProvisional } from '../calendar/year-schedule.ts';
import type { TIsoDate } from '../shared/dates.ts';
import { RulesError } from '../shared/errors.ts';
import { decisionDayCounts } from './case-clock.ts';
import { proposeOverdueSanctions, type TOverdueProposal } from './case-consequences.ts';
import type { TCaseRules } from './case-rules.schema.ts';
import type { TCaseEventKind, TCaseType } from './case-vocabulary.ts';
import { acceptCase, applyCaseEvent, type TCaseEvent, type TCaseState } from './case-workflow.ts';

/** A case handled elsewhere, as a platform export gives it: its matter's facts and the dates of its steps. */
export interface TImportedCaseInput {
  type: TCaseType;
  promisedDays: number;
  matterId: number;
  matterDepartments?: readonly string[];
  matterMaterials?: readonly string[];
  /** 第一责任人: the person who accepted it */
  staffId: number;
  receivedOn: TIsoDate;
  missing?: string[] | undefined;
  materialsCompleteOn?: TIsoDate | undefined;
  decidedOn?: TIsoDate | undefined;
  decision?: 'approved' | 'refused' | undefined;
  reasons?: string[] | undefined;
  notifiedOn?: TIsoDate | undefined;
  pickedUpOn?: TIsoDate | undefined;
}

/** A line of the imported case's event log (each marked `imported`). */
export interface TImportedCaseEvent {
  kind: TCaseEventKind;
  day: TIsoDate;
  payload: Record<string, unknown>;
}

/** What the rules make of an imported case: its state, its log, its stored day counts and its proposals. */
export interface TImportedCase {
  state: TCaseState;
  events: TImportedCaseEvent[];
  /** 暂定: the deadline was counted through a year the calendar does not hold */
  isDeadlineProvisional: boolean;
  /** 办结用时 and 超期 on the window's own clock, when decided */
  decisionDays: { decidedOn: TIsoDate; handlingDays: number; overdueDays: number } | null;
  /** the overdue proposals of the case rules in force on the decision day (none when on time) */
  proposals: TOverdueProposal[];
}

const refuseFuture = (path: string, date: TIsoDate, today: TIsoDate): never => {
  throw new RulesError(
    'INVALID_INPUT',
    path,
    `date ${date} is after today ${today}`,
    `日期 ${date} 晚于今天 ${today}`,
  );
};

/**
 * One imported case, as if entered at the window step by step: 受理 (and 补办 when materials were
 * missing), then 补齐, 办结, 通知 and 取件 on their dates, each through the same rules as at the window
 * (acceptCase, applyCaseEvent), so its deadline, flags, day counts and overdue proposals are the rules'
 * own. No date may lie after `today`. `rulesOn` gives the case rules in force on the decision day.
 * Throws a RulesError naming the field (`receivedOn`, or the step's kind) when a step is not allowed.
 */
export function buildImportedCase(
  input: TImportedCaseInput,
  calendar: TWorkCalendar,
  today: TIsoDate,
  rulesOn: (day: TIsoDate) => TCaseRules,
): TImportedCase {
  if (input.receivedOn > today) refuseFuture('receivedOn', input.receivedOn, today);
  let s = acceptCase(
    {
      type: input.type,
      acceptedBy: String(input.staffId),
      on: input.receivedOn,
      promisedDays: input.promisedDays,
      ...(input.missing && { missing: input.missing }),
      ...(input.matterDepartments && { matterDepartments: input.matterDepartments }),
      ...(input.matterMaterials && { matterMaterials: input.matterMaterials }),
    },
    calendar,
  );
  const events: TImportedCaseEvent[] = [
    {
      kind: 'accept',
      day: input.receivedOn,
      payload: { matterId: input.matterId, staffId: input.staffId, imported: true },
    },
  ];
  if (input.missing?.length)
    events.push({
      kind: 'requestMaterials',
      day: input.receivedOn,
      payload: { missing: input.missing, imported: true },
    });
  const step = (e: TCaseEvent) => {
    if (e.on > today) refuseFuture(e.kind, e.on, today);
    s = applyCaseEvent(s, e, calendar);
    events.push({
      kind: e.kind,
      day: e.on,
      payload:
        'decision' in e ? { decision: e.decision, reasons: e.reasons, imported: true } : { imported: true },
    });
  };
  if (input.materialsCompleteOn) step({ kind: 'materialsComplete', on: input.materialsCompleteOn });
  if (input.decidedOn)
    step({
      kind: 'decide',
      on: input.decidedOn,
      decision: input.decision ?? 'approved',
      ...(input.reasons && { reasons: input.reasons }),
    });
  if (input.notifiedOn) step({ kind: 'notify', on: input.notifiedOn });
  if (input.pickedUpOn) step({ kind: 'pickUp', on: input.pickedUpOn });
  const counts = decisionDayCounts(s, calendar);
  return {
    state: s,
    events,
    isDeadlineProvisional: isDeadlineProvisional(calendar, s.acceptedOn, s.deadline),
    decisionDays: s.decidedOn && counts ? { decidedOn: s.decidedOn, ...counts } : null,
    proposals: s.decidedOn ? proposeOverdueSanctions(s, calendar, rulesOn(s.decidedOn)) : [],
  };
}
