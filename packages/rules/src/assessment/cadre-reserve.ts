import { RESERVE_STATUS_LABELS, type TReserveStatus } from '../vocabulary/assessment.vocabulary.ts';

/** One confirmation into the 后备干部人才库, and its revocation if any. */
export interface TReserveEntry {
  status: 'active' | 'revoked';
  confirmedOn: string;
  revokedOn: string | null;
}

/** A person's place in the pool and since when: in it since its confirmation, removed on its revocation. */
export interface TReserveStanding {
  status: TReserveStatus;
  /** the confirmation's date (in the pool) or the revocation's (removed); null when never confirmed */
  date: string | null;
}

/**
 * 后备干部人才库 (考核细则 二(四)): where a person stands, from their entries (nothing is deleted, so a
 * person removed and confirmed again has several): an active entry puts them in the pool since its
 * date; otherwise the latest revocation says when they left; no entry, never confirmed.
 */
export function reserveStanding(entries: ReadonlyArray<TReserveEntry>): TReserveStanding {
  const active = entries
    .filter((e) => e.status === 'active')
    .sort((a, b) => (a.confirmedOn < b.confirmedOn ? -1 : 1));
  if (active.length > 0) return { status: 'inPool', date: active[0]!.confirmedOn };
  const revoked = entries
    .map((e) => e.revokedOn)
    .filter((d): d is string => d !== null)
    .sort();
  if (revoked.length > 0) return { status: 'removed', date: revoked.at(-1)! };
  return { status: 'notYet', date: null };
}

/** The standing as printed: 已入库（2026-11-26起）, 已移出（2026-12-01）, 未入库. */
export function reserveStandingText(standing: TReserveStanding): string {
  const label = RESERVE_STATUS_LABELS[standing.status].zh;
  if (standing.date === null) return label;
  return standing.status === 'inPool' ? `${label}（${standing.date}起）` : `${label}（${standing.date}）`;
}
