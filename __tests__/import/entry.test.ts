import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');

describe('the importer has an entry of its own', () => {
  test('package.json exports it as peapod/import, beside the library', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['./import']).toEqual({ types: './build/lib/import/index.d.ts', default: './build/lib/import/index.js' });
  });

  test("the library's index does not load the importer; its deprecated importManifests loads it on the first call", () => {
    let loaded = 0;
    jest.isolateModules(() => {
      jest.doMock('../../lib/import/convert', () => {
        loaded++;
        return { importManifests: () => ({ source: 'converted', warnings: [] }) };
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const library = require('../../lib') as typeof import('../../lib');
      expect(loaded).toBe(0);
      expect(typeof library.ImportError).toBe('function');
      expect(library.importManifests([])).toEqual({ source: 'converted', warnings: [] });
      expect(loaded).toBe(1);
    });
  });
});
