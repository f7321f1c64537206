import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, POLICY_A, POLICY_B, POLICY_D } from '../policy/index.ts';
import type { TLabel } from '../vocabulary/label.ts';
import { caseRulesOf } from './case-rules.schema.ts';
import {
  CASE_ALERT_KINDS,
  CASE_ALERT_LABELS,
  CASE_DECISION_LABELS,
  CASE_DECISIONS,
  CASE_EVENT_KINDS,
  CASE_EVENT_LABELS,
  CASE_FLAG_LABELS,
  CASE_FLAGS,
  CASE_NOTICE_KINDS,
  CASE_NOTICE_LABELS,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  CASE_TYPE_LABELS,
  CASE_TYPES,
  FOLLOW_UP_STATUS_LABELS,
  FOLLOW_UP_STATUSES,
  SANCTION_PROPOSAL_STATUS_LABELS,
  SANCTION_PROPOSAL_STATUSES,
  SERVICE_RATING_KEYS,
  SERVICE_RATING_LABELS,
  serviceRatingKey,
  serviceRatingLevel,
  serviceRatingLevelOfNational,
} from './case-vocabulary.ts';

const VOCABULARY: [string, readonly string[], Readonly<Record<string, TLabel>>][] = [
  ['case types', CASE_TYPES, CASE_TYPE_LABELS],
  ['stages', CASE_STAGES, CASE_STAGE_LABELS],
  ['decisions', CASE_DECISIONS, CASE_DECISION_LABELS],
  ['flags', CASE_FLAGS, CASE_FLAG_LABELS],
  ['events', CASE_EVENT_KINDS, CASE_EVENT_LABELS],
  ['alerts', CASE_ALERT_KINDS, CASE_ALERT_LABELS],
  ['notices', CASE_NOTICE_KINDS, CASE_NOTICE_LABELS],
  ['proposal statuses', SANCTION_PROPOSAL_STATUSES, SANCTION_PROPOSAL_STATUS_LABELS],
  ['service ratings', SERVICE_RATING_KEYS, SERVICE_RATING_LABELS],
  ['follow-up statuses', FOLLOW_UP_STATUSES, FOLLOW_UP_STATUS_LABELS],
];

describe('the case vocabulary', () => {
  it.each(VOCABULARY)('labels every one of the %s, in Chinese and English, once', (_, values, labels) => {
    expect(values.length).toBeGreaterThan(0);
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    const zh = values.map((v) => labels[v]!.zh);
    expect(zh.filter((text) => !/[\u4e00-\u9fff]/.test(text))).toEqual([]);
    expect(values.map((v) => labels[v]!.en).filter((text) => text.trim() === '')).toEqual([]);
    expect(new Set(zh).size).toBe(values.length);
  });

  it('names the 上报件 type 上报件', () => {
    expect(CASE_TYPE_LABELS.escalated).toEqual({ zh: '上报件', en: 'Escalated' });
  });

  it('numbers the service rating levels 1 = 非常满意 … 5 = 非常不满意, both ways', () => {
    expect(SERVICE_RATING_KEYS.map(serviceRatingLevel)).toEqual([1, 2, 3, 4, 5]);
    expect([1, 2, 3, 4, 5].map((l) => SERVICE_RATING_LABELS[serviceRatingKey(l)!].zh)).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
    expect(serviceRatingKey(6)).toBeUndefined();
  });

  it('reads the national scheme’s levels (5 = 非常满意 … 1 = 非常不满意) the other way round', () => {
    expect(
      [5, 4, 3, 2, 1].map(
        (n) => SERVICE_RATING_LABELS[serviceRatingKey(serviceRatingLevelOfNational(n)!)!].zh,
      ),
    ).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    for (const n of [0, 6, 2.5, Number.NaN]) expect(serviceRatingLevelOfNational(n)).toBeUndefined();
  });
});

describe('policy D', () => {
  it('is one of the default policies and carries the seed’s case rules', () => {
    expect(DEFAULT_POLICIES.D).toBe(POLICY_D);
    expect(caseRulesOf(POLICY_D)).toMatchObject({
      escalation: { replyDays: 15, dayKind: 'calendar' },
      warnWorkingDays: 1,
      serviceRatings: { followUpWorkingDays: 15 },
    });
  });

  it('feeds B5 of policy A and F3 of policy B with an overdue case', () => {
    const sanctions = caseRulesOf(POLICY_D).overdueSanctions;
    expect(sanctions).toEqual([
      { item: 'B5', per: 'overdueWorkingDay' },
      { item: 'F3', per: 'case' },
    ]);
    expect(POLICY_A.items.find((i) => i.code === 'B5')).toMatchObject({ kind: 'deduction', unit: 'day' });
    expect(POLICY_B.items.find((i) => i.code === 'F3')).toMatchObject({ kind: 'fine' });
  });
});
