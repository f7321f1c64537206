export { BulletinError, isBulletinError, type TBulletinErrorCode } from './bulletin.errors.ts';
export * from './bulletin.types.ts';
export { toResultsRows } from './from-assessment.ts';
