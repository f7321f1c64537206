import type { TSanctionProposalStatus } from './case-vocabulary.ts';

// A calendar correction (a year entered or corrected, or one date set) counts a decided case's days
// late again; this decides what becomes of the overdue proposals (B5 / F3) already made for it.
// Nothing here writes anything, and nothing is ever deleted: a proposal no longer due is withdrawn.

/** The decision reason of a proposal withdrawn because the calendar was corrected. */
export const CALENDAR_CORRECTION = '日历更正';

/** A proposal already made for the case, as it stands. */
export interface TProposalOnRecord {
  id: number;
  item: string;
  qty: number;
  day: string;
  reason: string;
  status: TSanctionProposalStatus;
  decisionReason: string | null;
  /** set when a confirmed proposal no longer matches the calendar (日历更正后需复核) */
  recheckReason: string | null;
  /** the quantity confirmed when fewer than proposed (on confirmation or a recheck): what the record holds */
  confirmedQty?: number | null | undefined;
}

/** A proposal as the case rules make it now, on the corrected calendar. */
export interface TProposalNow {
  item: string;
  qty: number;
  day: string;
  reason: string;
}

/** What a calendar correction does to one proposal (or the one new proposal it calls for). */
export type TProposalChange<T extends TProposalNow = TProposalNow> =
  /** a waiting proposal no longer due: 已驳回 with the reason 日历更正 */
  | { kind: 'withdraw'; id: number; reason: string }
  /** a waiting proposal due with other days (or on another reading): its figures replaced */
  | { kind: 'adjust'; id: number; qty: number; day: string; reason: string }
  /** a confirmed proposal the corrected calendar no longer bears out: left as it is, to be rechecked */
  | { kind: 'flag'; id: number; recheckReason: string }
  /** a confirmed proposal flagged before that the calendar bears out again */
  | { kind: 'unflag'; id: number }
  /** due now, with no proposal of that item standing */
  | { kind: 'propose'; proposal: T };

/** A proposal withdrawn by an earlier calendar correction no longer stands: the item may be proposed again. */
const isWithdrawnByCalendar = (p: TProposalOnRecord) =>
  p.status === 'rejected' && (p.decisionReason ?? '').startsWith(CALENDAR_CORRECTION);

/**
 * Recounts a case's overdue proposals after a calendar correction, item by item (B5, F3): `now` is
 * what the case rules propose on the corrected calendar (empty when the case is no longer late).
 *
 * - a waiting proposal (待确认) whose item is no longer proposed is withdrawn (已驳回, reason 日历更正);
 *   with other days, day or reading it is adjusted;
 * - a confirmed one (已确认) is never changed (a record was made from it, which only a supervisor's
 *   correction may revoke): when the days no longer match it is flagged 日历更正后需复核;
 * - one a supervisor rejected stays rejected, and nothing of its item is proposed again;
 * - an item with no proposal standing (none, or only ones withdrawn by a calendar correction) is
 *   proposed when due now.
 */
export function recountProposals<T extends TProposalNow>(
  onRecord: readonly TProposalOnRecord[],
  now: readonly T[],
): TProposalChange<T>[] {
  const changes: TProposalChange<T>[] = [];
  const items = [...new Set([...onRecord.map((p) => p.item), ...now.map((p) => p.item)])];
  for (const item of items) {
    const due = now.find((p) => p.item === item);
    const standing = onRecord.filter((p) => p.item === item && !isWithdrawnByCalendar(p));
    if (standing.length === 0) {
      if (due) changes.push({ kind: 'propose', proposal: due });
      continue;
    }
    for (const p of standing) {
      if (p.status === 'proposed') {
        if (!due) {
          changes.push({
            kind: 'withdraw',
            id: p.id,
            reason: `${CALENDAR_CORRECTION}：按更正后的工作日历不再超期，建议撤回`,
          });
        } else if (due.qty !== p.qty || due.day !== p.day || due.reason !== p.reason) {
          changes.push({ kind: 'adjust', id: p.id, qty: due.qty, day: due.day, reason: due.reason });
        }
      } else if (p.status === 'confirmed') {
        // the record holds the quantity confirmed, fewer than proposed when a supervisor said so
        const held = p.confirmedQty ?? p.qty;
        const recheck = !due
          ? `按更正后的工作日历不再超期（已确认 ${held}）`
          : due.qty !== held
            ? `按更正后的工作日历应为 ${due.qty}（已确认 ${held}）`
            : null;
        if (recheck !== null && recheck !== p.recheckReason)
          changes.push({ kind: 'flag', id: p.id, recheckReason: recheck });
        else if (recheck === null && p.recheckReason !== null) changes.push({ kind: 'unflag', id: p.id });
      }
    }
  }
  return changes;
}
