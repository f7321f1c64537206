import { chinaWorkCalendar } from '@chuangkou/rules';
import { appendAudit } from '../audit/audit.repository.ts';
import type { DbRoot } from '../client.ts';
import type { TRole, TSignoffPosition } from '../database.ts';
import { insertUser } from '../users/users.repository.ts';
import { generateAwards, generatePeerRatings } from './demo-awards.ts';
import { enrichCaseWorkflowDemo } from './demo-case-workflow.ts';
import type { TDemoContext } from './demo-day.ts';
import { generateHistory } from './demo-history.ts';
import { createDemoOrganisation, type TDemoOrganisation } from './demo-organisation.ts';
import { createRandom } from './demo-random.ts';

export { createRandom } from './demo-random.ts';

/** The demo accounts, created only by the demo loader. */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_USERS: {
  username: string;
  role: TRole;
  displayName: string;
  signoffPosition?: TSignoffPosition;
}[] = [
  { username: 'admin', role: 'admin', displayName: '系统管理员' },
  { username: 'leader', role: 'leader', displayName: '中心主任', signoffPosition: 'principal' },
  // a second leader, so a demo month's fines summary can carry all three signatures (审管科, 分管领导,
  // 主要领导): one person signs one line only
  { username: 'deputy', role: 'leader', displayName: '分管副主任', signoffPosition: 'deputy' },
  { username: 'supervisor', role: 'supervisor', displayName: '审管科' },
  { username: 'head', role: 'head', displayName: '窗口负责人' },
  { username: 'staff', role: 'staff', displayName: '窗口工作人员' },
];

export interface TDemoOptions {
  /** fixed seed: the same seed gives the same center */
  seed?: number;
  /** the last day of history, ISO date */
  today?: string;
  /** first day of history (two years back by default) */
  from?: string;
  /** multiplies the case volume (province-sized sets for benchmarks) */
  scale?: number;
  /** fraction of the realistic case volume, for quick tests */
  caseFraction?: number;
  /** hashes the demo password; without it no accounts are created */
  hashPassword?: (password: string) => Promise<string>;
  /** progress lines */
  log?: (line: string) => void;
}

export interface TDemoSummary {
  centerId: number;
  units: number;
  windows: number;
  staff: number;
  cases: number;
  records: number;
  complaints: number;
  peerRatings: number;
  patrols: number;
  awards: number;
}

/** The head of the first window and one of its front-desk clerks get the head and staff logins. */
async function createDemoAccounts(
  db: DbRoot,
  org: TDemoOrganisation,
  hashPassword: (password: string) => Promise<string>,
): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const firstWindow = org.windows[0]!;
  const head = firstWindow.all.find((s) => s.isWindowHead)!;
  const member = firstWindow.all.find((s) => !s.isWindowHead && s.post === 'front')!;
  for (const u of DEMO_USERS) {
    const staff = u.role === 'head' ? head : u.role === 'staff' ? member : null;
    await insertUser(db, {
      centerId: org.center.id,
      username: u.username,
      passwordHash: hash,
      role: u.role,
      staffId: staff?.id ?? null,
      displayName: staff?.name ?? u.displayName,
      signoffPosition: u.signoffPosition ?? null,
    });
  }
}

/**
 * Builds the demo center: 8 units, 36 windows, about 120 staff and two years of cases, patrols,
 * records, complaints, peer ratings and awards, deterministic for a seed.
 */
export async function generateDemo(db: DbRoot, options: TDemoOptions = {}): Promise<TDemoSummary> {
  const seed = options.seed ?? 20_261_126;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const from = options.from ?? `${Number(today.slice(0, 4)) - 2}-${today.slice(5, 7)}-01`;
  const scale = options.scale ?? 1;
  const log = options.log ?? (() => {});
  const rand = createRandom(seed);

  const org = await createDemoOrganisation(db, rand, seed, from);
  const centerId = org.center.id;
  const assessed = org.staff.filter((s) => s.post !== 'security');
  log(`organisation: ${org.units} units, ${org.windows.length} windows, ${org.staff.length} staff`);
  if (options.hashPassword) await createDemoAccounts(db, org, options.hashPassword);

  const ctx: TDemoContext = {
    rand,
    cal: chinaWorkCalendar(),
    centerId,
    today,
    volume: scale * (options.caseFraction ?? 1),
    assessed,
  };
  const history = await generateHistory(db, ctx, org.windows, from, log);
  log(
    `history: ${history.cases} cases, ${history.records} records, ${history.patrols} patrols, ${history.complaints} complaints`,
  );

  const summary: TDemoSummary = {
    centerId,
    units: org.units,
    windows: org.windows.length,
    staff: org.staff.length,
    cases: history.cases,
    records: history.records,
    complaints: history.complaints,
    peerRatings: 0,
    patrols: history.patrols,
    awards: 0,
  };
  await db.transaction().execute(async (tx) => {
    summary.awards = await generateAwards(tx, ctx, history.monthly, history.exposures);
    summary.records += summary.awards;
    summary.peerRatings = await generatePeerRatings(tx, ctx, from, assessed);
    await appendAudit(tx, {
      centerId,
      userId: null,
      entity: 'demo',
      entityId: seed,
      action: 'load',
      after: { ...summary, from, today, scale },
    });
  });
  log(`awards: ${summary.awards}, peer ratings: ${summary.peerRatings}`);
  return summary;
}

/**
 * Loads the demo center when the database holds no center yet, with the case workflow on top (service
 * guides, open cases at every stage, service ratings, B5/F3 proposals); returns the summary, or null.
 */
export async function loadDemoIfEmpty(db: DbRoot, options: TDemoOptions = {}): Promise<TDemoSummary | null> {
  const row = await db
    .selectFrom('centers')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(row.n) > 0) return null;
  const summary = await generateDemo(db, options);
  await enrichCaseWorkflowDemo(db, { today: options.today ?? new Date().toISOString().slice(0, 10) });
  return summary;
}
