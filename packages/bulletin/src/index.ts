export { BulletinError, isBulletinError, type TBulletinErrorCode } from './bulletin.errors.ts';
export * from './bulletin.types.ts';
export { type TStaffDirectory, toResultsRows, withNames } from './from-assessment.ts';
export { readWorkbookRows, writeImportTemplate } from './import-workbook.ts';
export type { TNoticeBase } from './kinds/case-notice-parts.ts';
export * from './kinds/case-notices.bulletin.ts';
export { REFUSAL_REMEDIES } from './kinds/case-result-notices.bulletin.ts';
export { dateLabel, monthLabel, quarterLabel } from './labels.ts';
export { patrolClauses } from './patrol-clauses.ts';
export { FONTS, PAGE_FOOTER, PAGE_FOOTER_OF_SEVERAL, pageFooter } from './print-style.ts';
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
