import { describe, expect, it } from 'vitest';
import {
  AWARD_KIND_LABELS,
  AWARD_KINDS,
  BULLETIN_KIND_LABELS,
  BULLETIN_KINDS,
  COMPLAINT_CAUSE_LABELS,
  COMPLAINT_CAUSES,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_CHANNELS,
  FLAG_LABELS,
  FLAGS,
  GRADE_LABELS,
  GRADES,
  LEADER_POSITION_LABELS,
  LEADER_POSITIONS,
  labelOf,
  PATROL_SESSION_LABELS,
  PATROL_SESSIONS,
  PEER_TIER_LABELS,
  PEER_TIERS,
  QUARTER_LABELS,
  QUARTERS,
  RECORD_SOURCE_LABELS,
  RECORD_SOURCES,
  SIGN_OFF_LINE_LABELS,
  SIGN_OFF_LINES,
  STAFF_POST_LABELS,
  STAFF_POSTS,
  type TLabels,
} from './index.ts';

const ENUMS: [string, readonly (string | number)[], TLabels<string | number>][] = [
  ['grades', GRADES, GRADE_LABELS],
  ['flags', FLAGS, FLAG_LABELS],
  ['peer tiers', PEER_TIERS, PEER_TIER_LABELS],
  ['quarters', QUARTERS, QUARTER_LABELS],
  ['posts', STAFF_POSTS, STAFF_POST_LABELS],
  ['record sources', RECORD_SOURCES, RECORD_SOURCE_LABELS],
  ['patrol sessions', PATROL_SESSIONS, PATROL_SESSION_LABELS],
  ['complaint causes', COMPLAINT_CAUSES, COMPLAINT_CAUSE_LABELS],
  ['complaint channels', COMPLAINT_CHANNELS, COMPLAINT_CHANNEL_LABELS],
  ['award kinds', AWARD_KINDS, AWARD_KIND_LABELS],
  ['sign-off lines', SIGN_OFF_LINES, SIGN_OFF_LINE_LABELS],
  ['leader positions', LEADER_POSITIONS, LEADER_POSITION_LABELS],
  ['bulletin kinds', BULLETIN_KINDS, BULLETIN_KIND_LABELS],
];

describe('the vocabulary', () => {
  it.each(ENUMS)(
    'labels every one of the %s in Chinese and English, and nothing else',
    (_, values, labels) => {
      expect(Object.keys(labels).sort()).toEqual(values.map(String).sort());
      for (const value of values) {
        expect(labels[value]!.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(labels[value]!.en).toMatch(/^[A-Z0-9]/);
      }
    },
  );

  it('reads a label in a locale, and shows an unknown value as itself', () => {
    expect(labelOf(GRADE_LABELS, 'basic')).toBe('基本称职');
    expect(labelOf(GRADE_LABELS, 'basic', 'en')).toBe('Basic');
    expect(labelOf(GRADE_LABELS, 'legendary')).toBe('legendary');
    expect(labelOf(GRADE_LABELS, null)).toBe('');
  });
});
