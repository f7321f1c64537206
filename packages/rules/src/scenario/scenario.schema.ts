import { z } from 'zod';
import { getPolicy } from '../policy/index.ts';
import { type TPolicy, ZPolicy } from '../policy/policy.schema.ts';
import { isIsoDate } from '../shared/dates.ts';
import { formatPath, RulesError } from '../shared/errors.ts';

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const ZId = z.string().min(1, 'must not be empty');

export const ZIsoDate = z.custom<string>(isIsoDate, {
  error: (iss) =>
    iss.input === undefined ? 'required' : `expected an ISO date (YYYY-MM-DD), got ${describe(iss.input)}`,
});

const ZPositiveInt = z.custom<number>((v) => typeof v === 'number' && Number.isInteger(v) && v > 0, {
  error: (iss) => `expected a positive integer, got ${describe(iss.input)}`,
});

export const ZPeriod = z.object({
  year: z.number().int().min(2000).max(2100),
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
    error: (iss) =>
      iss.input === undefined ? 'required' : `expected 1, 2, 3 or 4, got ${describe(iss.input)}`,
  }),
});

export const ZScenarioWindow = z.object({
  id: ZId,
  name: z.string().optional(),
  unit: z.string().optional(),
});

/** Where a person served from a date to a date (inclusive; without `to` while it holds). */
export const ZScenarioAssignment = z.object({
  window: z.string().optional(),
  from: ZIsoDate,
  to: ZIsoDate.nullable().optional(),
});

export const ZScenarioStaff = z.object({
  id: ZId,
  name: z.string().optional(),
  window: z.string().optional(),
  /** home unit, for an excellence quota scoped per unit */
  unit: z.string().optional(),
  /**
   * People move: a window-level record reaches the people assigned to the window on the record's date.
   * Without it the person belongs to `window` on every date.
   */
  assignments: z.array(ZScenarioAssignment).optional(),
});

export const ZScenarioRecord = z
  .object({
    staff: ZId.optional(),
    window: ZId.optional(),
    item: ZId,
    date: ZIsoDate,
    qty: ZPositiveInt.optional(),
    level: z.string().optional(),
    aggravated: z.boolean().optional(),
    /**
     * For a record of a valid complaint (A3): `internal` when the complaint came from inside (内部投诉).
     * Its points count; the veto does not (考核细则 二(三): 群众投诉一票否决).
     */
    complaintOrigin: z.enum(['public', 'internal']).optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.staff === undefined) === (r.window === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['staff'], message: 'a record names either "staff" or "window"' });
    }
  });

export const ZScenarioComplaint = z.object({
  staff: ZId,
  date: ZIsoDate,
  /** verified as valid (有效投诉); an unverified complaint counts for nothing */
  valid: z.boolean().optional(),
  window: z.string().optional(),
  cause: z.string().optional(),
  /** how it came (COMPLAINT_CHANNELS); `internal` (内部投诉) never vetoes (考核细则 二(三): 群众投诉) */
  channel: z.string().optional(),
});

export const ZScenarioPeerRating = z.object({
  rater: ZId,
  ratee: ZId,
  tier: z.enum(['good', 'medium', 'poor'], {
    error: (iss) =>
      iss.input === undefined
        ? 'required'
        : `expected "good", "medium" or "poor", got ${describe(iss.input)}`,
  }),
});

export const ZScenarioHistory = z.object({
  staff: ZId,
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  grade: z.enum(['excellent', 'competent', 'basic', 'incompetent']),
});

/** The engine's scenario (the format of examples/worked-example.json), without its policy. */
export const ZScenario = z.object({
  period: ZPeriod,
  windows: z.array(ZScenarioWindow).default([]),
  staff: z.array(ZScenarioStaff),
  records: z.array(ZScenarioRecord).default([]),
  complaints: z.array(ZScenarioComplaint).default([]),
  peerRatings: z.array(ZScenarioPeerRating).default([]),
  history: z.array(ZScenarioHistory).default([]),
});

export type TScenario = z.input<typeof ZScenario>;
export type TScenarioRecord = z.input<typeof ZScenarioRecord>;
export type TScenarioComplaint = z.input<typeof ZScenarioComplaint>;
export type TScenarioPeerRating = z.input<typeof ZScenarioPeerRating>;

const errorMap: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'invalid_type') {
    return iss.input === undefined ? 'required' : `expected ${iss.expected}, got ${describe(iss.input)}`;
  }
  return undefined;
};

function firstIssue(
  error: z.ZodError,
  prefix: ReadonlyArray<PropertyKey>,
  code: RulesError['code'],
): RulesError {
  const issue = error.issues[0]!;
  return new RulesError(code, formatPath([...prefix, ...issue.path]), issue.message);
}

/** Parses a policy object, or throws a RulesError naming the place. */
export function parsePolicy(input: unknown, prefix: ReadonlyArray<PropertyKey> = ['policy']): TPolicy {
  const parsed = ZPolicy.safeParse(input, { error: errorMap });
  if (!parsed.success) throw firstIssue(parsed.error, prefix, 'INVALID_POLICY');
  return parsed.data;
}

/** A policy named by its code ("A") or given whole. */
export function resolvePolicy(input: unknown): TPolicy {
  if (input === undefined) return getPolicy('A')!;
  if (typeof input === 'string') {
    const policy = getPolicy(input);
    if (!policy)
      throw new RulesError(
        'INVALID_POLICY',
        'policy',
        `unknown policy "${input}"`,
        `未知的考核办法 "${input}"`,
      );
    return policy;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RulesError(
      'INVALID_POLICY',
      'policy',
      `expected "A" or a policy object, got ${describe(input)}`,
    );
  }
  return parsePolicy(input);
}

/**
 * Parses a whole scenario document (`policy` included, defaulting to "A") and checks its shape.
 * References (items, levels, staff, windows) are checked by the engine itself.
 */
export function parseScenarioDocument(input: unknown): {
  policy: TPolicy;
  scenario: z.output<typeof ZScenario>;
} {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new RulesError('INVALID_SCENARIO', 'input', `expected a JSON object, got ${describe(input)}`);
  }
  const { policy, ...rest } = input as Record<string, unknown>;
  const resolved = resolvePolicy(policy);
  const parsed = ZScenario.safeParse(rest, { error: errorMap });
  if (!parsed.success) throw firstIssue(parsed.error, [], 'INVALID_SCENARIO');
  return { policy: resolved, scenario: parsed.data };
}
