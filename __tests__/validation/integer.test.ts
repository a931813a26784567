import fc from 'fast-check';
import { RuleReport } from '../../lib';
import { checkInteger, INT32, INT64, integerError, quoteValue } from '../../lib/validation/_integer';

describe('quoteValue', () => {
  test.each<[unknown, string]>([
    ['80', '"80"'],
    [80, '80'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-0, '-0'],
    [1e21, '1e+21'],
    [2 ** 53, '9007199254740992'],
    [0.5, '0.5'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'undefined'],
    [5n, '5n'],
    [{ a: 1 }, '{"a":1}'],
  ])('quotes %p as %s', (value, quoted) => {
    expect(quoteValue(value)).toBe(quoted);
  });
});

describe('integerError', () => {
  const port = { min: 1, max: 65535 };
  test.each<[unknown, string | undefined]>([
    [80, undefined],
    [1, undefined],
    [65535, undefined],
    [0, 'is 0; it must be a whole number from 1 to 65535'],
    ['80', 'is "80"; it must be a whole number from 1 to 65535'],
    [NaN, 'is NaN; it must be a whole number from 1 to 65535'],
    [80.5, 'is 80.5; it must be a whole number from 1 to 65535'],
    [null, 'is null; it must be a whole number from 1 to 65535'],
  ])('port %p', (value, wrong) => {
    expect(integerError(value, port)).toBe(wrong);
  });

  test('int32 fields, 0 or more', () => {
    const range = { min: 0, max: INT32.max };
    expect(integerError(2147483647, range)).toBeUndefined();
    expect(integerError(2 ** 31, range)).toBe('is 2147483648; it must be a whole number, 0 or more (at most 2147483647)');
    expect(integerError(2 ** 53, range)).toBe('is 9007199254740992; it must be a whole number, 0 or more (at most 2147483647)');
    expect(integerError(1e21, range)).toBe('is 1e+21; it must be a whole number, 0 or more (at most 2147483647)');
    expect(integerError(-1, range)).toBe('is -1; it must be a whole number, 0 or more (at most 2147483647)');
  });

  test('int64 bounds are exact past 2^53', () => {
    const range = { min: 0, max: INT64.max };
    expect(integerError(2 ** 62, range)).toBeUndefined();
    // 2^63 - 1 is not a double: the nearest, 2^63, is out of range.
    expect(integerError(2 ** 63, range)).toBe('is 9223372036854776000; it must be a whole number, 0 or more (at most 9223372036854775807)');
    expect(integerError(-(2 ** 63), INT64)).toBeUndefined();
  });

  test('every whole number in range passes, and everything else is quoted as given', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 200 }), (min, width) => {
        const range = { min, max: min + width };
        for (const value of [min, min + width, min + Math.floor(width / 2)]) {
          expect(integerError(value, range)).toBeUndefined();
        }
        expect(integerError(min - 1, range)).toContain(`is ${min - 1};`);
        expect(integerError(String(min), range)).toContain(`is "${min}";`);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const wrong = integerError(value, INT32);
        const whole = typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 31;
        if (!whole) {
          expect(wrong).toBe(`is ${quoteValue(value)}; it must be a whole number from -2147483648 to 2147483647`);
        }
      }),
    );
  });
});

describe('checkInteger', () => {
  const check = { rule: 'pod-timing', at: 'spec.x', what: 'x', range: { min: 1, max: 10 }, fix: 'set 1 to 10' } as const;
  test('reports what is wrong and says whether the value is sound', () => {
    const report = new RuleReport('test');
    expect(checkInteger(undefined, check, report)).toBe(false);
    expect(checkInteger(5, check, report)).toBe(true);
    expect(checkInteger('5', check, report)).toBe(false);
    expect(report.problems.map((p) => `${p.field}: ${p.message}. ${p.fix} (${p.rule})`)).toEqual([
      'spec.x: x is "5"; it must be a whole number from 1 to 10. set 1 to 10 (pod-timing)',
    ]);
  });
});
