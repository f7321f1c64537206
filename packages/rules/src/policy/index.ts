import type { TPolicy } from './policy.schema.ts';
import { POLICY_A } from './policy-a.ts';
import { POLICY_B } from './policy-b.ts';
import { POLICY_C } from './policy-c.ts';

export * from './policy.schema.ts';
export { POLICY_A } from './policy-a.ts';
export { POLICY_B } from './policy-b.ts';
export { POLICY_C } from './policy-c.ts';

/** The three default policies of the seed, by code. */
export const DEFAULT_POLICIES: Readonly<Record<'A' | 'B' | 'C', TPolicy>> = {
  A: POLICY_A,
  B: POLICY_B,
  C: POLICY_C,
};

/** A default policy by its code, or undefined. */
export function getPolicy(code: string): TPolicy | undefined {
  return (DEFAULT_POLICIES as Record<string, TPolicy>)[code];
}
export * from './policy-links.ts';
export * from './policy-versions.ts';
