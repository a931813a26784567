import * as fc from 'fast-check';
import * as ts from 'typescript';
import * as vm from 'vm';
import { commentText, quotedLiteral, stringLiteral } from '../../lib/import/_code-text';
import { propertyKey } from '../../lib/import/code';

// Text that tries to leave a literal or a comment: line ends of every kind,
// comment ends, quotes, template syntax, backslashes, control characters,
// lone surrogates, bidirectional overrides, and any other code unit.
const tricky = fc.constantFrom(
  '\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '*/', '/*', '//', '`', '${', '$', '{', "'", '"', '\\', '\\u', '\\x',
  '\0', '\x01', '\x1b[31m', '\x7f', '\ud800', '\udfff', '\ud83d\ude00', '\u202e', '\u2066', '\ufeff', '\ufffe', '\uffff', ' ', 'a',
);
const text = fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 3 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join(''));
// Long text of several lines takes the template-literal form.
const anyText = fc.oneof(text, text.map((t) => `${'x'.repeat(41)}\n${t}\n${t}`));

/** The value of the only expression statement of `source`, as the TypeScript parser reads it, and its parse errors. */
function parseLiteral(source: string): { text: string | undefined; statements: number; errors: number } {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, true);
  const errors = (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length;
  const first = file.statements[0];
  const expression = first && ts.isExpressionStatement(first) ? first.expression : undefined;
  const literal = expression && (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) ? expression.text : undefined;
  return { text: literal, statements: file.statements.length, errors };
}

// What a UTF-8 source file holds: lone surrogates would not survive being written.
const asWritten = (source: string) => Buffer.from(source, 'utf8').toString('utf8');

describe('input text in generated code', () => {
  test('a string literal evaluates, and parses, to exactly the input, on one line unless it is a long text', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const literal = asWritten(stringLiteral(value));
        expect(vm.runInNewContext(`(${literal})`)).toBe(value);
        expect(parseLiteral(`${literal};`)).toEqual({ text: value, statements: 1, errors: 0 });
        if (literal.startsWith("'")) {
          expect(literal).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('a single-quoted literal is one line of printable text', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const literal = quotedLiteral(value);
        // eslint-disable-next-line no-control-regex -- control characters are what must not be there
        expect(literal).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/);
        expect(vm.runInNewContext(literal)).toBe(value);
      }),
    );
  });

  test('comment text stays one comment, in a // line and in a JSDoc block', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        for (const source of [`// ${commentText(value)}\n42;`, `/** ${commentText(value)} */ 42;`]) {
          const written = asWritten(source);
          expect(vm.runInNewContext(written)).toBe(42);
          const file = ts.createSourceFile('x.ts', written, ts.ScriptTarget.ES2022, true);
          expect(file.statements).toHaveLength(1);
          const comments = ts.getLeadingCommentRanges(written, 0) ?? [];
          expect(comments).toHaveLength(1);
          expect(written.slice(comments[0].end).trim()).toBe('42;');
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('a property key names exactly that property, __proto__ included', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'a-b', '0', '')), (key) => {
        const object = vm.runInNewContext(`({ ${propertyKey(key)}: 1 })`) as object;
        expect(Object.keys(object)).toEqual([key]);
      }),
    );
  });

  test('the escapes, as a reader sees them', () => {
    expect(stringLiteral("it's \\ \n\u2028\u202e")).toBe("'it\\'s \\\\ \\n\\u2028\\u202e'");
    expect(commentText('a\nb */ c\u2028')).toBe('a\\nb *\\/ c\\u2028');
    expect(stringLiteral(`${'x'.repeat(41)}\n\`\${a}\``)).toBe(`\`${'x'.repeat(41)}\n\\\`\\\${a}\\\`\``);
    expect(propertyKey('__proto__')).toBe("['__proto__']");
  });
});
