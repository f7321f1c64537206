import { describe, expect, it } from 'vitest';
import { homePageOf } from '../lib/permissions.ts';
import { menuItems } from './app-layout.tsx';

const t = (key: string) => key;
const keysOf = (items: ReturnType<typeof menuItems>): unknown[] =>
  items.map((item) =>
    item && 'children' in item && item.children ? { [String(item.key)]: keysOf(item.children) } : item?.key,
  );

describe('menuItems', () => {
  it('shows exactly the pages the server lists, grouped as the menu groups them', () => {
    expect(keysOf(menuItems(['admin', 'assessment', 'person', 'caseAccept', 'cases'], t))).toEqual([
      'admin',
      'assessment',
      { casesGroup: ['caseAccept', 'cases'] },
    ]);
    expect(keysOf(menuItems(['overview', 'entryPatrol', 'entryRecords'], t))).toEqual([
      'overview',
      { entry: ['entryPatrol', 'entryRecords'] },
    ]);
    expect(menuItems([], t)).toEqual([]);
  });
});

describe('homePageOf', () => {
  it('lands on the overview, else one’s own score, else the administration', () => {
    expect(homePageOf(['myScore', 'overview', 'assessment'])).toBe('overview');
    expect(homePageOf(['assessment', 'myScore'])).toBe('myScore');
    expect(homePageOf(['assessment', 'admin'])).toBe('admin');
    expect(homePageOf(['cases'])).toBe('cases');
  });
});
