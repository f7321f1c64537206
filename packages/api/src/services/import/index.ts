export { MAX_ROW_ERRORS, type TColumn, type TRowError } from './import-columns.ts';
export { FileRefusal, MAX_IMPORT_BYTES, openImportTable, type TImportTable } from './import-file.ts';
export { forgetImportJobs, importJob, startImportJob, type TImportJob } from './import-jobs.ts';
export {
  IMPORT_KIND_SPECS,
  IMPORT_KINDS,
  ImportRowErrors,
  importTemplate,
  isImportKind,
  runImport,
  type TImportKind,
  type TImportOptions,
  type TImportResult,
} from './run-import.ts';
