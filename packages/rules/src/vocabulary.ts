/**
 * The enums of the domain with their zh and en labels, and nothing else (no zod, no calendar data):
 * what the browser imports as `@chuangkou/rules/vocabulary`.
 */
export * from './cases/case-steps.ts';
export * from './cases/case-vocabulary.ts';
export * from './shared/labels.ts';
