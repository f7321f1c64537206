import type { TAssessmentRules } from '../policy/policy.schema.ts';
import type { TStaffPost } from '../vocabulary/conduct.vocabulary.ts';

/**
 * Whether a person of this post is assessed each quarter (and rates and is rated in 互评): the policy's
 * `assessment.posts`, the window staff of the front desk and the back office by default.
 */
export function isAssessedPost(rules: Pick<TAssessmentRules, 'posts'>, post: TStaffPost): boolean {
  return rules.posts.includes(post);
}
