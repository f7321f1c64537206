import fc from 'fast-check';

/**
 * fast-check arbitraries read from a zod (v4) input schema, for the fuzz suite: inputs of the schema's
 * shape whose leaves are now plausible (a date, a code, an id of the fixture), now hostile (a wrong
 * type, a huge or strange string, formula-looking text, a negative or huge number, a date that does
 * not exist). Only the parts of zod the API's inputs use are read; anything else gets hostile values.
 */

/** The parts of a zod v4 schema's definition read here (`schema._zod.def`). */
interface TZodDef {
  type: string;
  checks?: { _zod: { def: TCheckDef } }[];
  shape?: Record<string, TZodLike>;
  innerType?: TZodLike;
  in?: TZodLike;
  out?: TZodLike;
  element?: TZodLike;
  options?: TZodLike[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  items?: TZodLike[];
  keyType?: TZodLike;
  valueType?: TZodLike;
  left?: TZodLike;
  right?: TZodLike;
  getter?: () => TZodLike;
}
interface TCheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface TZodLike {
  _zod: { def: TZodDef };
}

const DAY = 86_400_000;
/** Dates that exist, around the fixture's year, and a few edges. */
const GOOD_DATES = fc.oneof(
  fc
    .integer({ min: 0, max: 3 * 366 })
    .map((d) => new Date(Date.UTC(2025, 0, 1) + d * DAY).toISOString().slice(0, 10)),
  fc.constantFrom('2000-01-01', '2100-12-31', '2026-02-28', '2028-02-29'),
);
const BAD_DATES = fc.constantFrom(
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '0000-00-00',
  '9999-12-31',
  '-2026-01-01',
  '2026-1-1',
  '20261012',
  '2026-10-12T00:00:00Z',
  ' 2026-10-12',
  '2026/10/12',
  '1900-01-01',
  '2027-02-29',
);
const FORMULAS = fc.constantFrom(
  '=1+2',
  '+SUM(A1:A9)',
  '-2+3',
  '@cmd',
  '=HYPERLINK("http://127.0.0.1/","点此")',
  '\t=1',
  "=cmd|' /C calc'!A0",
);
const STRANGE_STRINGS = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\u202E反向',
  '👨‍👩‍👧‍👦',
  'a\u0301',
  '\u200B',
  "'; DROP TABLE users;--",
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'null',
  '__proto__',
  'constructor',
);
const HUGE_STRINGS = fc.constantFrom(
  'a'.repeat(100_000),
  '中'.repeat(50_000),
  `${'='.repeat(10)}x`.repeat(5_000),
);
const BAD_NUMBERS = fc.constantFrom(
  -1,
  0,
  -0,
  1.5,
  -(2 ** 31),
  2 ** 31,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
);
const WRONG_TYPES = fc.constantFrom<unknown>(
  null,
  undefined,
  true,
  false,
  0,
  '',
  'x',
  [],
  {},
  [1, 2, 3],
  { id: 1 },
  JSON.parse('{"__proto__":{"isAdmin":true}}'),
);

/** A value meant to be refused, of any type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: WRONG_TYPES },
  { weight: 2, arbitrary: STRANGE_STRINGS },
  { weight: 1, arbitrary: HUGE_STRINGS },
  { weight: 2, arbitrary: FORMULAS },
  { weight: 2, arbitrary: BAD_NUMBERS },
  { weight: 2, arbitrary: BAD_DATES },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

const def = (s: TZodLike): TZodDef => s._zod.def;
const checksOf = (d: TZodDef): TCheckDef[] => (d.checks ?? []).map((c) => c._zod.def);

function stringArbitrary(d: TZodDef): fc.Arbitrary<string> {
  const checks = checksOf(d);
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 64;
  const regex = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern;
  const fitting = fc.string({
    unit: 'grapheme',
    minLength: min,
    maxLength: Math.min(max, Math.max(min, 40)),
  });
  const options: fc.WeightedArbitrary<string>[] = [
    { weight: 3, arbitrary: fitting },
    { weight: 2, arbitrary: GOOD_DATES },
    {
      weight: 1,
      arbitrary: fc.constantFrom('A4', 'C4', 'C6', 'F8', 'B1', '测试原因', '王小明', '13800000000'),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: max + 1, maxLength: max + 3 }) },
  ];
  if (regex) options.push({ weight: 4, arbitrary: fc.stringMatching(regex) });
  return fc.oneof(...options);
}

function numberArbitrary(d: TZodDef): fc.Arbitrary<number> {
  const checks = checksOf(d);
  const isInt = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const low = checks.find((c) => c.check === 'greater_than')?.value;
  const high = checks.find((c) => c.check === 'less_than')?.value;
  const lo = Math.max(typeof low === 'number' ? low : -10, -1e6);
  const hi = Math.min(typeof high === 'number' ? high : 10_000, 1e6);
  const inRange = isInt
    ? fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) })
    : fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true });
  return fc.oneof(
    { weight: 3, arbitrary: inRange },
    // the fixture's ids and the years, quarters and months around it
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 40 }) },
    { weight: 2, arbitrary: fc.constantFrom(2025, 2026, 2027) },
    { weight: 1, arbitrary: fc.constantFrom(lo - 1, hi + 1) },
  );
}

/** An arbitrary of inputs for a schema: of its shape, with hostile leaves now and then. */
export function arbitraryOf(schema: TZodLike, depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedOf(schema, depth);
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}

function shapedOf(schema: TZodLike, depth: number): fc.Arbitrary<unknown> {
  const d = def(schema);
  const next = (s: TZodLike) => arbitraryOf(s, depth + 1);
  switch (d.type) {
    case 'string':
      return stringArbitrary(d);
    case 'number':
    case 'int':
      return numberArbitrary(d);
    case 'bigint':
      return fc.bigInt({ min: -10n, max: 10n });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(d.values ?? [null]));
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries ?? { x: 'x' }));
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.option(shapedOf(d.innerType!, depth), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(shapedOf(d.innerType!, depth), { nil: null, freq: 4 });
    case 'pipe':
      // the input side is what a caller sends
      return def(d.in!).type === 'transform' ? shapedOf(d.out!, depth) : shapedOf(d.in!, depth);
    case 'lazy':
      return depth > 3 ? hostileValue : shapedOf(d.getter!(), depth + 1);
    case 'union':
      return fc.oneof(...(d.options ?? []).map((o) => shapedOf(o, depth)));
    case 'intersection':
      return fc
        .tuple(shapedOf(d.left!, depth), shapedOf(d.right!, depth))
        .map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    case 'array': {
      const element = next(d.element!);
      const max = checksOf(d).find((c) => c.check === 'max_length')?.maximum ?? 8;
      return fc.oneof(
        { weight: 5, arbitrary: fc.array(element, { maxLength: Math.min(max, 6) }) },
        // past the cap, of one repeated element: the schema must refuse it before any work
        {
          weight: 1,
          arbitrary: element.map((e) => Array.from({ length: Math.max(max + 1, 2_000) }, () => e)),
        },
      );
    }
    case 'tuple':
      return fc.tuple(...(d.items ?? []).map(next));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), next(d.valueType!), { maxKeys: 4 });
    case 'object': {
      const shape = d.shape ?? {};
      const keys = Object.keys(shape);
      const required = keys.filter((k) => !['optional', 'default', 'prefault'].includes(def(shape[k]!).type));
      const record = fc.record(Object.fromEntries(keys.map((k) => [k, next(shape[k]!)])), {
        requiredKeys: required,
      } as { requiredKeys: never[] });
      return fc.oneof(
        { weight: 8, arbitrary: record },
        // a required key left out, or a key the schema does not know
        { weight: 1, arbitrary: record.map((r) => omitFirst(r as Record<string, unknown>)) },
        { weight: 1, arbitrary: record.map((r) => ({ ...(r as object), extra: '=1+1' })) },
      );
    }
    default:
      return hostileValue;
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function omitFirst(r: Record<string, unknown>): Record<string, unknown> {
  const [first] = Object.keys(r);
  if (first === undefined) return r;
  const { [first]: _dropped, ...rest } = r;
  return rest;
}

/** The input schema of a tRPC procedure (several `.input()` calls merge objects), or null. */
export function inputSchemaOf(procedure: { _def: { inputs?: unknown[] } }): TZodLike | null {
  const inputs = (procedure._def.inputs ?? []) as TZodLike[];
  if (inputs.length === 0) return null;
  if (inputs.length === 1) return inputs[0]!;
  const shape = Object.assign({}, ...inputs.map((s) => def(s).shape ?? {}));
  return { _zod: { def: { type: 'object', shape } } };
}
