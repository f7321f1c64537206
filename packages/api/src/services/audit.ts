import { appendAudit, type Db, type TUser } from '@chuangkou/db';

/** Writes one audit entry for a change made by a user. */
export function audit(
  db: Db,
  user: TUser,
  entity: string,
  entityId: string | number | null,
  action: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  return appendAudit(db, {
    centerId: user.centerId,
    userId: user.id,
    entity,
    entityId,
    action,
    before,
    after,
  });
}
