export { BulletinError, isBulletinError, type TBulletinErrorCode } from './bulletin.errors.ts';
export * from './bulletin.types.ts';
export { toResultsRows } from './from-assessment.ts';
export { dateLabel, FLAG_LABELS, GRADE_LABELS, monthLabel, quarterLabel } from './labels.ts';
export { FONTS, PAGE_FOOTER } from './print-style.ts';
export { displayWidth } from './text-width.ts';
export {
  assertBulletinKind,
  bulletinFileName,
  bulletinSheets,
  isBulletinKind,
  renderBulletin,
  writeBulletin,
  writeBulletinFile,
} from './write-bulletin.ts';
