export * from './assessment/grading.ts';
export * from './assessment/quarter-assessment.ts';
export * from './policy/index.ts';
export * from './scenario/scenario.schema.ts';
export * from './shared/dates.ts';
export * from './shared/errors.ts';
