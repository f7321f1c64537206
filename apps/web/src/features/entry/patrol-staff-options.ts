import { STAFF_POST_LABELS, type TStaffPost } from '@chuangkou/rules/vocabulary';

/** A person as the patrol form's picker needs them: the post is what a guard is found by. */
export type TPickablePerson = { id: number; name: string; post?: TStaffPost | null | undefined };

/**
 * The options of the patrol form's person picker. Each option is searched by name and by post, so typing
 * 保安 finds the guards (处罚办法 一、10 一次处罚值日保安人员5元); a guard's option names the post. A clause
 * meant for one post (F10 the guard, F2b and F9 the front desk) offers the people of that post only.
 */
export function patrolStaffOptions(
  staff: readonly TPickablePerson[],
  onlyPost: TStaffPost | undefined,
  postName: (post: TStaffPost) => string = (post) => STAFF_POST_LABELS[post].zh,
): { value: number; label: string; search: string }[] {
  return staff
    .filter((s) => onlyPost === undefined || s.post == null || s.post === onlyPost)
    .map((s) => {
      const post = s.post ? postName(s.post) : '';
      const zhPost = s.post ? STAFF_POST_LABELS[s.post].zh : '';
      return {
        value: s.id,
        label: s.post === 'security' ? `${s.name}（${post}）` : s.name,
        search: `${s.name} ${post} ${zhPost}`,
      };
    });
}
