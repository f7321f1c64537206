import type { TPolicy } from '../policy/policy.schema.ts';
import { SEED_INTERNAL_READINGS } from '../policy/policy-links.ts';
import {
  COMPLAINT_CAUSE_LABELS,
  type TComplaintCause,
  type TComplaintChannel,
} from '../vocabulary/conduct.vocabulary.ts';
import type { TLabel } from '../vocabulary/label.ts';

/** Who a complaint comes from: 群众 (the public, 服务对象: every outside channel) or 内部 (inside). */
export type TComplaintOrigin = 'public' | 'internal';

/** The origin of a complaint by the channel it came through: only 内部 is from inside. */
export function complaintOrigin(channel: TComplaintChannel | (string & {})): TComplaintOrigin {
  return channel === 'internal' ? 'internal' : 'public';
}

/** 考核细则 二(三): the one-vote veto, in the seed's words. */
export const VETO_RULE = {
  clause: '考核细则 二(三)',
  text: '实行群众投诉一票否决制。凡群众投诉服务窗口工作人员的，经查实属有效投诉的，当季、年均不得评为“优秀”',
} as const;

/**
 * 一票否决 (考核细则 二(三)): a valid complaint bars 优秀 when it is a complaint of the public (群众投诉);
 * a complaint from inside does not.
 */
export function complaintVetoes(channel: TComplaintChannel | (string & {})): boolean {
  return complaintOrigin(channel) === 'public';
}

export interface TComplaintConsequence {
  /** 一票否决; an item recorded against the person; a step of policy C's complaint ladder */
  kind: 'veto' | 'record' | 'ladder';
  /** the policy it comes from (A, B, C) */
  policy: string;
  /** the item recorded (`record` only), and its level when the link names one */
  item?: string;
  level?: string;
  /** where it stands in the seed, and the seed's own words */
  clause: string;
  text: string;
  /** whether it follows from this complaint */
  applies: boolean;
  /** what follows (or would), in short */
  effect: TLabel;
  /** why it does not follow, from the seed's words, when it does not and the seed decides it */
  reason?: TLabel;
  /** 本中心解释: the center's reading that decides it where the seed is silent, printed apart */
  centerReading?: string;
}

function causeLabel(cause: string): TLabel {
  return (
    (COMPLAINT_CAUSE_LABELS as Readonly<Record<string, TLabel | undefined>>)[cause] ?? {
      zh: cause,
      en: cause,
    }
  );
}

function yuan(n: number): string {
  return `${n}元`;
}

function itemEffect(policy: TPolicy, code: string, level: string | undefined): TLabel {
  const item = policy.items.find((i) => i.code === code);
  if (item?.fine) {
    if (item.fine.amount > 0) {
      return { zh: `罚款${yuan(item.fine.amount)}`, en: `${item.fine.amount} yuan fine` };
    }
    return { zh: '扣除当月绩效奖', en: 'Forfeits the month’s bonus' };
  }
  const points = level !== undefined ? item?.levels?.find((l) => l.key === level)?.points : item?.points;
  if (points === undefined) return { zh: code, en: code };
  return points < 0
    ? { zh: `扣${-points}分`, en: `−${-points} points` }
    : { zh: `加${points}分`, en: `+${points} points` };
}

/**
 * What a complaint verified as valid brings on the person complained about, under the policies in force
 * on its date (A, B, C, any of them), each with its clause and the seed's words:
 * - 一票否决 (考核细则 二(三)): a complaint of the public (群众投诉) only;
 * - the items the policies link to the cause (A3 −5 for 服务态度, F7b 30 yuan for every valid one): for
 *   a complaint of the public, as the seed says; for one from inside, as the center reads it (a link's
 *   `internal`, printed as 本中心解释), since neither clause names who complains;
 * - policy C's ladder (规范化服务通知 一(一)): counts 内、外部投诉 alike, for its causes (责任心不强、工作拖拉).
 *   With `ladderCountBefore` (the person's counted complaints before this one in the ladder's scope),
 *   the effect names the step this one reaches.
 * The list holds what does not follow as well (`applies: false`), with the reason.
 */
export function complaintConsequences(
  policies: ReadonlyArray<TPolicy>,
  complaint: {
    channel: TComplaintChannel | (string & {});
    cause: TComplaintCause;
    ladderCountBefore?: number;
  },
): TComplaintConsequence[] {
  const origin = complaintOrigin(complaint.channel);
  const out: TComplaintConsequence[] = [];
  for (const policy of policies) {
    if (policy.assessment) {
      const applies = origin === 'public';
      out.push({
        kind: 'veto',
        policy: policy.code,
        clause: VETO_RULE.clause,
        text: VETO_RULE.text,
        applies,
        effect: { zh: '当季、当年不得评为“优秀”', en: 'Not 优秀 that quarter nor that year' },
        ...(!applies && {
          reason: {
            zh: '一票否决限于群众投诉，内部投诉不适用',
            en: 'The veto is for complaints of the public; an internal complaint does not veto',
          },
        }),
      });
    }
    for (const link of policy.links.complaints) {
      if (link.causes !== undefined && !link.causes.includes(complaint.cause)) continue;
      const item = policy.items.find((i) => i.code === link.item);
      if (!item) continue;
      const seed = SEED_INTERNAL_READINGS[link.item];
      const internal = link.internal ?? seed?.internal ?? false;
      const applies = origin === 'public' || internal;
      const reading =
        link.internalReading ??
        (link.internal === undefined || link.internal === seed?.internal ? seed?.reading : undefined) ??
        (internal ? '内部投诉同样适用本条' : '内部投诉不适用本条');
      out.push({
        kind: 'record',
        policy: policy.code,
        item: item.code,
        ...(link.level !== undefined && { level: link.level }),
        clause: item.clause,
        text: item.text,
        applies,
        effect: itemEffect(policy, item.code, link.level),
        ...(origin === 'internal' && { centerReading: reading }),
      });
    }
    const ladder = policy.complaintLadder;
    if (ladder) {
      const applies = ladder.causes.includes(complaint.cause);
      const steps = [...ladder.steps].sort((a, b) => a.count - b.count);
      const n = complaint.ladderCountBefore === undefined ? undefined : complaint.ladderCountBefore + 1;
      const step = n === undefined ? undefined : [...steps].reverse().find((s) => s.count <= n);
      out.push({
        kind: 'ladder',
        policy: policy.code,
        clause: ladder.clause ?? policy.name,
        text: ladder.text ?? steps.map((s) => s.text).join('；'),
        applies,
        effect:
          applies && step && n !== undefined
            ? { zh: `第${n}次投诉：${step.text}`, en: `Complaint no. ${n}: ${step.text}` }
            : { zh: '计入投诉次数', en: 'Counted on the complaint ladder' },
        ...(!applies && {
          reason: {
            zh: `只计因${ladder.causes.map((c) => causeLabel(c).zh).join('、')}引起的投诉`,
            en: `Only complaints caused by ${ladder.causes.map((c) => causeLabel(c).en.toLowerCase()).join(' or ')} count`,
          },
        }),
      });
    }
  }
  return out;
}
