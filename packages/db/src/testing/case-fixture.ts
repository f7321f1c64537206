import { insertCases, type TNewCase } from '../cases/cases.repository.ts';
import { insertMatter, type TMatter } from '../cases/matters.repository.ts';
import type { Db } from '../client.ts';
import { seedFixture, type TFixture } from './fixture.ts';

export interface TCaseFixture extends TFixture {
  /** 不动产转移登记, a promised matter of 3 working days */
  matter: TMatter;
  /** a new case of that matter at window 1, accepted by 张三 on the day given; `patch` changes any field */
  newCase(receivedOn: string, patch?: Partial<TNewCase>): TNewCase;
  /** inserts one such case and returns its id */
  addCase(receivedOn: string, patch?: Partial<TNewCase>): Promise<number>;
}

/** The test center of `seedFixture` with a matter of its catalog, for the case suites. */
export async function seedCaseFixture(db: Db): Promise<TCaseFixture> {
  const f = await seedFixture(db);
  const matter = await insertMatter(db, {
    centerId: f.centerId,
    unitId: f.unitId,
    name: '不动产转移登记',
    type: 'promised',
    promisedDays: 3,
  });
  const newCase = (receivedOn: string, patch: Partial<TNewCase> = {}): TNewCase => ({
    centerId: f.centerId,
    unitId: f.unitId,
    windowId: f.windowIds[0],
    staffId: f.staff[0]!.id,
    matterId: matter.id,
    type: 'promised',
    stage: 'accepted',
    acceptanceCode: null,
    receivedOn,
    acceptedOn: receivedOn,
    promisedDays: 3,
    deadline: receivedOn,
    acceptedByUser: null,
    ...patch,
  });
  const addCase = async (receivedOn: string, patch: Partial<TNewCase> = {}) =>
    (await insertCases(db, [newCase(receivedOn, patch)]))[0]!;
  return { ...f, matter, newCase, addCase };
}
