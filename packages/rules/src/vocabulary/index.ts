/**
 * The domain's enums with their zh and en labels, beside each other. Free of zod and of the policies, so
 * the dashboard can import it (`@chuangkou/rules/vocabulary`) without the engine.
 */

export * from '../cases/case-steps.ts';
export * from '../cases/case-vocabulary.ts';
export * from './assessment.vocabulary.ts';
export * from './bulletin.vocabulary.ts';
export * from './conduct.vocabulary.ts';
export * from './label.ts';
export * from './spreadsheet-text.ts';
