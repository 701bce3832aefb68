import fc from 'fast-check';

/** Text an attacker, a confused citizen or a broken scanner might send. */
export const hostileString: fc.Arbitrary<string> = fc.constantFrom(
  "'; DROP TABLE citizens; --",
  "' OR '1'='1",
  '" OR 1=1 --',
  '__proto__',
  'constructor',
  'prototype',
  '../../../../etc/passwd',
  '..\\..\\windows\\system32',
  '\u0000',
  'abc\u0000def',
  '\uD800',
  '\u202Eevil',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '%00%2e%2e%2f',
  'A'.repeat(70_000),
  '9'.repeat(5_000),
  '١٢٣٤٥٦٧٨',
  '１２３４５６７８',
  '+254 712 345 678',
  '0712345678',
  '254712345678',
  '12345678',
  ' 12345678 ',
  'KBX 123A',
  'A000000000Z',
  'NaN',
  'null',
  'undefined',
  '-1',
  '1e308',
  '',
  ' ',
  '\t\n\r',
  '😀🇰🇪',
);

/** Numbers at the edges: what JSON cannot carry but IPC's structured clone can, and more. */
export const hostileNumber: fc.Arbitrary<number> = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  0.5,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER - 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 31,
  -(2 ** 31) - 1,
);

/** Shapes that try to break parsers and prototypes rather than fields. */
const hostileShape: fc.Arbitrary<unknown> = fc.constantFrom<() => unknown>(
  () => JSON.parse('{"__proto__": {"polluted": true}, "locale": "en"}'),
  () => JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  () => Object.assign(Object.create(null), { locale: 'en' }),
  () => Array.from({ length: 10_000 }, (_, i) => i),
  () => Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i])),
  () => nest(500),
  () => [{}],
  () => ({ length: 1, 0: 'x' }),
).map((make) => make());

function nest(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/**
 * Any value a hostile page could hand the IPC bridge (structured-cloneable: no functions),
 * mixed with the named hostile strings, numbers and shapes above.
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: hostileNumber },
  { weight: 1, arbitrary: hostileShape },
);

/** The same, as something JSON can carry (what the browser host receives). */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: hostileShape },
);
