import { dns1123LabelError, envVarNameError, portNameError, qualifiedNameError } from '../../lib/validation/names';

// These checks remember their answers (validation asks again for every Pod):
// a name must get the same answer the second time, good or bad, and the
// answer of one name must never be handed out for another.
describe('remembered name checks', () => {
  const cases: Array<[string, (value: string) => string | undefined, string, string | undefined]> = [
    ['dns1123LabelError', dns1123LabelError, 'web', undefined],
    ['dns1123LabelError', dns1123LabelError, 'Web_1', 'must be lower-case letters, digits and "-", and start and end with a letter or digit'],
    ['portNameError', portNameError, 'http', undefined],
    ['portNameError', portNameError, 'http--alt', 'must not hold "--"'],
    ['envVarNameError', envVarNameError, 'PROFILE', undefined],
    ['envVarNameError', envVarNameError, '1PROFILE', 'must be letters, digits, "_", "-" and ".", and not start with a digit'],
    ['qualifiedNameError', qualifiedNameError, 'example.com/tier', undefined],
    ['qualifiedNameError', qualifiedNameError, 'Example.com/tier', 'has a prefix "Example.com" that must be lower-case letters, digits, "-" and ".", and start and end with a letter or digit'],
  ];

  test.each(cases)('%s(%j) answers the same every time', (_name, check, value, expected) => {
    expect([check(value), check(value), check(value)]).toEqual([expected, expected, expected]);
  });

  test('keep answering correctly past the number of names they remember', () => {
    const answers = Array.from({ length: 25_000 }, (_, i) => portNameError(i % 2 === 0 ? `p${i % 1000}` : `P${i}`));
    expect(answers.filter((answer) => answer === undefined)).toHaveLength(12_500);
    expect(new Set(answers.filter((answer) => answer !== undefined))).toEqual(new Set(['may only hold lower-case letters, digits and "-"']));
    expect(portNameError('p1')).toBeUndefined();
    expect(portNameError('P1')).toBe('may only hold lower-case letters, digits and "-"');
  });
});
