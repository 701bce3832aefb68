import fc from 'fast-check';
import type { z } from 'zod';
import { hostileNumber, hostileString } from './hostile-values';

/** What we read of a zod 4 schema's definition; every other kind is fuzzed with `fallback` alone. */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  pattern?: RegExp;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
  items?: z.ZodType[];
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

const MAX_DEPTH = 6;

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((check) => check._zod.def);

/**
 * Values shaped like `schema`: mostly what it asks for, so payloads get past validation and
 * reach the handlers, with `fallback` (hostile values) swapped in at any depth, so the
 * validator and the handlers both meet the unexpected.
 */
export function arbitraryFor(schema: z.ZodType, fallback: fc.Arbitrary<unknown>, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fallback;
  const shaped = shapedFor(schema, fallback, depth);
  return shaped ? fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: fallback }) : fallback;
}

function shapedFor(schema: z.ZodType, fallback: fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown> | undefined {
  const def = defOf(schema);
  const inner = (s: z.ZodType) => arbitraryFor(s, fallback, depth + 1);
  switch (def.type) {
    case 'string':
      return stringFor(def);
    case 'number':
      return numberFor(def);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'null':
      return fc.constant(null);
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(inner(def.innerType!), { nil: undefined });
    case 'nullable':
      return fc.option(inner(def.innerType!), { nil: null });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType!);
    case 'pipe':
      return inner(def.in!);
    case 'lazy':
      return inner(def.getter!());
    case 'array':
      return fc.array(inner(def.element!), { maxLength: lengthBounds(def).max ?? 4, minLength: lengthBounds(def).min ?? 0 });
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map(inner));
    case 'record':
      return fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), hostileString), inner(def.valueType!), { maxKeys: 4 });
    case 'union':
      return fc.oneof(...(def.options ?? []).map(inner));
    case 'object':
      return objectFor(def, inner, fallback);
    default:
      return undefined;
  }
}

function objectFor(def: Def, inner: (s: z.ZodType) => fc.Arbitrary<unknown>, fallback: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const shape = def.shape ?? {};
  const requiredKeys = Object.keys(shape).filter((key) => !['optional', 'default', 'prefault'].includes(defOf(shape[key]!).type));
  const fields = fc.record(Object.fromEntries(Object.entries(shape).map(([key, s]) => [key, inner(s)])), { requiredKeys });
  // Now and then a key the contract does not know, including the prototype-polluting ones.
  const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'staffId', 'admin'), fc.string({ maxLength: 12 }));
  return fc.tuple(fields, fc.option(fc.tuple(extraKey, fallback))).map(([record, extra]) => {
    if (!extra) return record;
    const copy: Record<string, unknown> = { ...(record as Record<string, unknown>) };
    Object.defineProperty(copy, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
    return copy;
  });
}

function lengthBounds(def: Def): { min?: number; max?: number } {
  const bounds: { min?: number; max?: number } = {};
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') bounds.min = check.minimum;
    if (check.check === 'max_length') bounds.max = check.maximum;
    if (check.check === 'length_equals') bounds.min = bounds.max = check.value;
  }
  return bounds;
}

function stringFor(def: Def): fc.Arbitrary<string> {
  const pattern = def.pattern ?? checksOf(def).find((check) => check.check === 'string_format' && check.pattern)?.pattern;
  const { min, max } = lengthBounds(def);
  const plain = fc.string({ minLength: min ?? 0, maxLength: Math.min(max ?? 40, 200), unit: 'grapheme' });
  const matching = pattern ? [fc.stringMatching(pattern).filter((s) => s.length <= (max ?? Infinity) && s.length >= (min ?? 0))] : [];
  return fc.oneof(...matching, ...matching, plain, hostileString);
}

function numberFor(def: Def): fc.Arbitrary<number> {
  let min: number | undefined;
  let max: number | undefined;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'number_format' && check.format && /int/.test(check.format)) integer = true;
    if (check.check === 'greater_than') min = (check.value ?? 0) + (check.inclusive ? 0 : 1);
    if (check.check === 'less_than') max = (check.value ?? 0) - (check.inclusive ? 0 : 1);
  }
  const inRange = integer
    ? fc.integer({ min: Math.max(min ?? -1e9, Number.MIN_SAFE_INTEGER), max: Math.min(max ?? 1e9, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min: min ?? -1e9, max: max ?? 1e9, noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: hostileNumber });
}
