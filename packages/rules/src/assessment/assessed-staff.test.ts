import { describe, expect, it } from 'vitest';
import { POLICY_A } from '../policy/index.ts';
import { isAssessedPost } from './assessed-staff.ts';

describe('isAssessedPost', () => {
  it('assesses the front desk and the back office under policy A, not the guards', () => {
    const rules = POLICY_A.assessment!;
    expect(isAssessedPost(rules, 'front')).toBe(true);
    expect(isAssessedPost(rules, 'back')).toBe(true);
    expect(isAssessedPost(rules, 'security')).toBe(false);
  });
});
