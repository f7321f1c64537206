import {
  type Db,
  insertPublishedAssessment,
  listAssignmentsDuring,
  listAssignmentsOf,
  listComplaints,
  listPeerRatings,
  listRecords,
  listRevisions,
  listUnits,
  listWindows,
  type TPublishedAssessment,
  type TUser,
} from '@chuangkou/db';
import {
  assessQuarter,
  complaintOrigin,
  daysWithin,
  isAssessedPost,
  notEndedRefusal,
  periodRefusal,
  periodRoster,
  periodState,
  previousQuarter,
  quarterRange,
  type TAssessmentRules,
  type TPeriodState,
  type TQuarterAssessment,
  type TQuarterResult,
  type TScenario,
} from '@chuangkou/rules';
import { badInput, conflict, DomainError } from '../errors.ts';
import { audit } from './audit.ts';
import { assertPeriodShown } from './periods.ts';
import { ensureStoredPolicy, policyBook, policyInForce, type TPolicyInForce } from './policy.service.ts';
import { scopeCoversStaff, type TScope, type TViewer } from './scope.ts';

/** One person's quarter result with the names a reader needs. */
export interface TNamedResult extends TQuarterResult {
  staffId: number;
  staffName: string;
  windowId: number | null;
  windowName: string | null;
  unitId: number | null;
  unitName: string | null;
  /** a person who moved within the quarter: every window they served in, with the days (oldest first) */
  servedIn?: {
    windowId: number | null;
    windowName: string | null;
    from: string;
    to: string | null;
    days: number;
  }[];
}

export interface TQuarterView {
  period: { year: number; quarter: 1 | 2 | 3 | 4 };
  /** 'draft': computed live from the database; 'published': the frozen snapshot */
  status: 'draft' | 'published';
  /** running (a draft for comment, 征求意见稿), ended or published; set by `quarterFor` */
  state?: TPeriodState;
  revision: number | null;
  publishedAt: string | null;
  reason: string | null;
  /** the policy assessed under, with its name (a snapshot published before names were kept has none) */
  policy: { code: string; version: number; name: string | null };
  results: TNamedResult[];
}

type TQuarter = 1 | 2 | 3 | 4;

/** One quarter's reads for a draft: everything the roster, the awards on their dates and the engine use. */
type TAssignmentRow = Awaited<ReturnType<typeof listAssignmentsDuring>>[number];

interface TQuarterReads {
  policy: TPolicyInForce;
  roster: ReturnType<typeof periodRoster<TAssignmentRow>>;
  records: Awaited<ReturnType<typeof listRecords>>;
  complaints: Awaited<ReturnType<typeof listComplaints>>;
  ratings: Awaited<ReturnType<typeof listPeerRatings>>;
}

/**
 * The reads of one question (a request) that computes drafts: each quarter's data is read in one pass
 * and at most once, however many drafts use it (a quarter is both compared and the history of the
 * next; the year-end reads four quarters and their histories); the center's windows, units and policy
 * versions once for all. Reads start when first asked and are shared while they run.
 */
export interface TDraftReads {
  org(): Promise<{
    windows: Awaited<ReturnType<typeof listWindows>>;
    units: Awaited<ReturnType<typeof listUnits>>;
  }>;
  latestPublished(year: number, quarter: TQuarter): Promise<TPublishedAssessment | undefined>;
  quarter(year: number, quarter: TQuarter): Promise<TQuarterReads>;
}

export function draftReads(db: Db, centerId: number): TDraftReads {
  const once = <T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> => {
    let p = cache.get(key);
    if (!p) {
      p = read();
      cache.set(key, p);
    }
    return p;
  };
  const published = new Map<string, Promise<TPublishedAssessment | undefined>>();
  const quarters = new Map<string, Promise<TQuarterReads>>();
  const org = new Map<string, Promise<Awaited<ReturnType<TDraftReads['org']>>>>();
  const policies = new Map<string, Promise<Awaited<ReturnType<typeof policyBook>>>>();
  return {
    org: () =>
      once(org, '', async () => {
        const [windows, units] = await Promise.all([listWindows(db, centerId), listUnits(db, centerId)]);
        return { windows, units };
      }),
    latestPublished: (year, quarter) =>
      once(published, `${year}Q${quarter}`, async () =>
        (await listRevisions(db, centerId, year, quarter)).at(-1),
      ),
    quarter: (year, quarter) =>
      once(quarters, `${year}Q${quarter}`, async () => {
        const { start, end } = quarterRange(year, quarter);
        const [book, assignments, records, complaints, ratings] = await Promise.all([
          once(policies, '', () => policyBook(db, centerId)),
          listAssignmentsDuring(db, { centerId, from: start, to: end }),
          listRecords(db, {
            centerId,
            from: start,
            to: end,
            scheme: 'points',
            status: 'active',
            limit: 1_000_000,
          }),
          listComplaints(db, { centerId, from: start, to: end, isValid: true }),
          listPeerRatings(db, { centerId, year, quarter }),
        ]);
        return {
          policy: await book.at('A', end),
          // the quarter's people: assigned during it, each once under the window of most days
          roster: periodRoster(assignments, start, end),
          records,
          complaints,
          ratings,
        };
      }),
  };
}

/** Builds the engine's scenario for a center's quarter from its reads. */
async function buildScenario(
  reads: TDraftReads,
  year: number,
  quarter: TQuarter,
  history: TScenario['history'],
  rules: Pick<TAssessmentRules, 'posts'>,
): Promise<{ scenario: TScenario; names: Map<string, Omit<TNamedResult, keyof TQuarterResult>> }> {
  const [{ windows, units }, { roster, records, complaints, ratings }] = await Promise.all([
    reads.org(),
    reads.quarter(year, quarter),
  ]);
  // the quarter's people (its roster), the posts the policy assesses (window staff; the guards are fined
  // under policy B only)
  const assessed = roster.filter((e) => isAssessedPost(rules, e.main.post));
  const ids = new Set(assessed.map((e) => e.staffId));
  const windowName = new Map(windows.map((w) => [w.id, w.name]));
  const channelOf = new Map(complaints.map((c) => [c.id, c.channel]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const nameOfWindow = (id: number | null) => (id === null ? null : (windowName.get(id) ?? null));
  const names = new Map(
    assessed.map(({ staffId, main, spans }) => [
      String(staffId),
      {
        staffId,
        staffName: main.staffName,
        windowId: main.windowId,
        windowName: nameOfWindow(main.windowId),
        unitId: main.unitId,
        unitName: main.unitId === null ? null : (unitName.get(main.unitId) ?? null),
        ...(new Set(spans.map((x) => x.windowId)).size > 1 && {
          servedIn: spans.map((x) => ({
            windowId: x.windowId,
            windowName: nameOfWindow(x.windowId),
            from: x.from,
            to: x.to,
            days: x.days,
          })),
        }),
      },
    ]),
  );
  const scenario: TScenario = {
    period: { year, quarter },
    windows: windows.map((w) => ({ id: String(w.id), name: w.name, unit: String(w.unitId) })),
    staff: assessed.map(({ staffId, main, spans }) => ({
      id: String(staffId),
      name: main.staffName,
      ...(main.windowId !== null && { window: String(main.windowId) }),
      ...(main.unitId !== null && { unit: String(main.unitId) }),
      // window-level records (red flags, yellow cards) reach whoever served the window on their date
      assignments: spans.map((x) => ({
        ...(x.windowId !== null && { window: String(x.windowId) }),
        from: x.from,
        to: x.to,
      })),
    })),
    records: records
      .filter((r) => (r.staffId === null ? true : ids.has(r.staffId)))
      .map((r) => {
        // a record of a complaint from inside deducts without the veto (考核细则 二(三) 群众投诉)
        const channel =
          r.source === 'complaint' && r.sourceId !== null ? channelOf.get(r.sourceId) : undefined;
        return {
          ...(r.staffId !== null ? { staff: String(r.staffId) } : { window: String(r.windowId) }),
          item: r.item,
          date: r.date,
          qty: r.qty,
          ...(r.level !== null && { level: r.level }),
          ...(r.aggravated && { aggravated: true }),
          ...(channel !== undefined && { complaintOrigin: complaintOrigin(channel) }),
        };
      }),
    complaints: complaints
      .filter((c) => c.staffId !== null && ids.has(c.staffId))
      .map((c) => ({ staff: String(c.staffId), date: c.date, valid: true, channel: c.channel })),
    peerRatings: ratings
      .filter((r) => ids.has(r.raterId) && ids.has(r.rateeId))
      .map((r) => ({ rater: String(r.raterId), ratee: String(r.rateeId), tier: r.tier })),
    history,
  };
  return { scenario, names };
}

function withNames(
  assessment: TQuarterAssessment,
  names: Map<string, Omit<TNamedResult, keyof TQuarterResult>>,
): TNamedResult[] {
  return assessment.results.map((r) => {
    const n = names.get(r.staff);
    return {
      staffId: Number(r.staff),
      staffName: n?.staffName ?? r.staff,
      windowId: n?.windowId ?? null,
      windowName: n?.windowName ?? null,
      unitId: n?.unitId ?? null,
      unitName: n?.unitName ?? null,
      ...(n?.servedIn && { servedIn: n.servedIn }),
      ...r,
    };
  });
}

function publishedView(p: TPublishedAssessment): TQuarterView {
  const snapshot = p.snapshot as {
    period: TQuarterView['period'];
    policy: { code: string; version: number; name?: string };
    results: TNamedResult[];
  };
  return {
    period: snapshot.period,
    status: 'published',
    revision: p.revision,
    publishedAt: p.publishedAt,
    reason: p.reason,
    policy: {
      code: snapshot.policy.code,
      version: snapshot.policy.version,
      name: snapshot.policy.name ?? null,
    },
    results: snapshot.results,
  };
}

/** Grades of the quarter before: from its published snapshot, else computed live (without older history). */
async function historyFor(
  reads: TDraftReads,
  year: number,
  quarter: TQuarter,
): Promise<TScenario['history']> {
  const prev = previousQuarter({ year, quarter });
  const published = await reads.latestPublished(prev.year, prev.quarter);
  const results = published
    ? publishedView(published).results
    : (await draftOf(reads, prev.year, prev.quarter, [])).results;
  return results.map((r) => ({ staff: r.staff, year: prev.year, quarter: prev.quarter, grade: r.grade }));
}

/** Computes a quarter live from the database through the rules engine (a draft). */
export async function computeDraft(
  db: Db,
  centerId: number,
  year: number,
  quarter: TQuarter,
  history?: TScenario['history'],
  reads: TDraftReads = draftReads(db, centerId),
): Promise<TQuarterView> {
  return draftOf(reads, year, quarter, history);
}

async function draftOf(
  reads: TDraftReads,
  year: number,
  quarter: TQuarter,
  history?: TScenario['history'],
): Promise<TQuarterView> {
  const [{ policy }, quarterHistory] = await Promise.all([
    reads.quarter(year, quarter),
    history ?? historyFor(reads, year, quarter),
  ]);
  const { scenario, names } = await buildScenario(
    reads,
    year,
    quarter,
    quarterHistory,
    policy.policy.assessment ?? { posts: [] },
  );
  const assessment = assessQuarter(policy.policy, scenario);
  return {
    period: assessment.period,
    status: 'draft',
    revision: null,
    publishedAt: null,
    reason: null,
    policy: { code: policy.code, version: policy.version, name: policy.policy.name },
    results: withNames(assessment, names),
  };
}

/**
 * The quarter as a reader sees it: the published snapshot when there is one, else the live draft.
 * `reads`: the question's shared reads, when it asks for several quarters.
 */
export async function quarterView(
  db: Db,
  centerId: number,
  year: number,
  quarter: TQuarter,
  reads: TDraftReads = draftReads(db, centerId),
): Promise<TQuarterView> {
  const published = await reads.latestPublished(year, quarter);
  return published ? publishedView(published) : draftOf(reads, year, quarter);
}

/** Keeps only the rows a scope may see (ranks stay the center's). */
export function filterByScope(view: TQuarterView, scope: TScope): TQuarterView {
  return {
    ...view,
    results: view.results.filter((r) => scopeCoversStaff(scope, { id: r.staffId, windowId: r.windowId })),
  };
}

/**
 * `assessment.quarter`: a quarter that has begun as a viewer may see it (their own row, their window's,
 * the center's). The results bulletin reads through the same function.
 */
export async function quarterFor(
  db: Db,
  viewer: TViewer,
  today: string,
  input: { year: number; quarter: TQuarter },
): Promise<TQuarterView> {
  await assertPeriodShown(db, viewer.centerId, input, today, 'quarter');
  const view = await quarterView(db, viewer.centerId, input.year, input.quarter);
  assertHasPeople(view, today);
  const state = periodState(input, today, view.status === 'published');
  return {
    ...filterByScope(view, await scopeDuring(db, viewer, quarterRange(input.year, input.quarter))),
    state,
  };
}

/** A quarter nobody was assigned during has no data: refused by name, never printed as a list. */
function assertHasPeople(view: TQuarterView, today: string): void {
  if (view.results.length === 0)
    throw badInput('quarter', periodRefusal(view.period, today, { beganOn: '0000-01-01', hasData: false })!);
}

/**
 * A head's scope over a past period: the window they headed then (the latest one they headed during
 * it), else their window of today.
 */
export async function scopeDuring(
  db: Db,
  viewer: TViewer,
  range: { start: string; end: string },
): Promise<TScope> {
  const scope = viewer.scope;
  if (scope.kind !== 'window' || scope.staffId === undefined) return scope;
  const headed = (await listAssignmentsOf(db, scope.staffId)).filter(
    (a) => a.isWindowHead && a.windowId !== null && daysWithin(a, range.start, range.end) > 0,
  );
  const last = headed.at(-1);
  return last ? { ...scope, windowId: last.windowId! } : scope;
}

/**
 * Publishes a quarter (公示) as a frozen snapshot. The first publication needs an ended quarter; a later
 * one is a correction: a new revision with its reason; every revision stays visible.
 */
export async function publishQuarter(
  db: Db,
  user: TUser,
  today: string,
  input: { year: number; quarter: TQuarter; reason?: string | undefined },
): Promise<TQuarterView> {
  const { end } = quarterRange(input.year, input.quarter);
  const notEnded = notEndedRefusal(input, today, 'publish');
  if (notEnded) throw badInput('quarter', notEnded);
  await assertPeriodShown(db, user.centerId, input, today, 'quarter');
  const revisions = await listRevisions(db, user.centerId, input.year, input.quarter);
  const reason = input.reason?.trim();
  if (revisions.length > 0 && !reason) {
    throw new DomainError(
      'PUBLISHED',
      `${input.year}年第${input.quarter}季度已公示；更正须作为新修订发布并填写原因`,
      'reason',
    );
  }
  if (revisions.length === 0 && reason) throw badInput('reason', '首次公示不需要更正原因');
  const draft = await computeDraft(db, user.centerId, input.year, input.quarter);
  assertHasPeople(draft, today);
  const last = revisions.at(-1);
  if (last && JSON.stringify(publishedView(last).results) === JSON.stringify(draft.results)) {
    throw conflict('考核结果与上一修订相同，无需发布更正', 'reason');
  }
  const policy = await policyInForce(db, user.centerId, 'A', end);
  const stored = await ensureStoredPolicy(db, user.centerId, policy, user.id);
  const snapshot = {
    period: draft.period,
    policy: { code: policy.code, version: stored.version, name: policy.policy.name },
    results: draft.results,
  };
  const published = await insertPublishedAssessment(db, {
    centerId: user.centerId,
    year: input.year,
    quarter: input.quarter,
    revision: revisions.length + 1,
    policyId: stored.id,
    policyVersion: stored.version,
    snapshot,
    reason: reason ?? null,
    publishedBy: user.id,
  });
  await audit(
    db,
    user,
    'assessment',
    `${input.year}Q${input.quarter}`,
    revisions.length ? 'correct' : 'publish',
    last ?? null,
    {
      revision: published.revision,
      reason: published.reason,
    },
  );
  return publishedView(published);
}

export async function quarterRevisions(
  db: Db,
  centerId: number,
  year: number,
  quarter: number,
): Promise<TQuarterView[]> {
  return (await listRevisions(db, centerId, year, quarter)).map(publishedView);
}
