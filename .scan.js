const ts = require('typescript'); const fs = require('fs');
const files = process.argv.slice(2);
for (const f of files) {
  const src = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['error', 'warn', 'add', 'report', 'info'].includes(n.expression.name.text) && n.arguments.length >= 4) {
      const fix = n.arguments[3].getText(src);
      const rule = n.arguments[0].getText(src);
      const ok = /^[A-Z_]+\.fixFor\(/.test(fix) || /RULES?\b.*fixFor/.test(fix);
      console.log(`${ok ? 'ok ' : 'XX '}${f}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1} ${rule} :: ${fix.slice(0, 120).replace(/\n/g, ' ')}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
