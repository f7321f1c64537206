import { describe, expect, it } from 'vitest';
import { patrolStaffOptions } from './patrol-staff-options.ts';

const staff = [
  { id: 1, name: '陈一', post: 'front' as const },
  { id: 2, name: '刘二', post: 'back' as const },
  { id: 3, name: '周强', post: 'security' as const },
];

/** What antd's Select shows when the search text is typed: the options whose `search` field has it. */
const search = (options: ReturnType<typeof patrolStaffOptions>, text: string) =>
  options.filter((o) => o.search.includes(text)).map((o) => o.label);

describe('patrolStaffOptions', () => {
  it('处罚办法 一、10 保安人员: typing 保安 finds the guards, whose option names the post', () => {
    expect(search(patrolStaffOptions(staff, undefined), '保安')).toEqual(['周强（保安）']);
    expect(search(patrolStaffOptions(staff, undefined), '陈')).toEqual(['陈一']);
  });

  it('处罚办法 一、10 一次处罚值日保安人员5元: the F10 row offers the guards only', () => {
    expect(patrolStaffOptions(staff, 'security').map((o) => o.value)).toEqual([3]);
    expect(patrolStaffOptions(staff, 'front').map((o) => o.value)).toEqual([1]);
  });

  it('searches by the post in the reader’s language as well', () => {
    const en = patrolStaffOptions(staff, undefined, (post) => (post === 'security' ? 'Security' : post));
    expect(search(en, 'Security')).toEqual(['周强（Security）']);
    expect(search(en, '保安')).toEqual(['周强（Security）']);
  });
});
