import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

/**
 * Reads the JSON Schemas of the Kubernetes 1.27 API that the
 * `kubernetes-models` package ships, without going through its validator.
 *
 * Why not call `kubernetes-models`' own `validate()`: it accepts any field
 * it does not know (its schemas never set `additionalProperties: false`), so
 * a misspelt field would pass. We need the raw schemas to compile a strict
 * copy. The package keeps them in CommonJS modules (`_schemas/*.js`) that
 * hand each schema to `register(id, schema)` of `@kubernetes-models/validate`;
 * each module is evaluated here with a `require` that supplies our own
 * `register`, so nothing global is patched and the package's own validator
 * state is left alone.
 *
 * Version 4.3.1 of `kubernetes-models` is pinned exactly: it is the last
 * release generated from the Kubernetes 1.27 OpenAPI spec that still ships
 * the schemas as data (4.4.x ships precompiled validators; 4.5 already has
 * fields of Kubernetes 1.29, such as the sleep lifecycle action).
 */
export function loadKubernetesSchemas(): Map<string, SchemaObject> {
  // The published package carries the schemas as one JSON file written at
  // build time (320 KB), so that it need not depend on kubernetes-models
  // (20 MB installed) at run time.
  const bundle = path.join(__dirname, SCHEMA_BUNDLE);
  if (fs.existsSync(bundle)) {
    return new Map(Object.entries(JSON.parse(fs.readFileSync(bundle, 'utf8')) as Record<string, SchemaObject>));
  }
  return loadFromModels();
}

/** The file name of the build's schema bundle, beside the compiled module. */
export const SCHEMA_BUNDLE = 'kubernetes-schemas.json';

/** The schemas as `kubernetes-models` ships them (a development dependency). */
export function loadFromModels(): Map<string, SchemaObject> {
  const modelsDir = packageDir('kubernetes-models', __dirname);
  const machineryDir = packageDir('@kubernetes-models/apimachinery', modelsDir);
  const schemas = new Map<string, SchemaObject>();
  const modules = new Map<string, Record<string, unknown>>();
  const register = (id: string, schema: SchemaObject) => {
    if (!schemas.has(id)) {
      schemas.set(id, schema);
    }
  };

  const load = (file: string): Record<string, unknown> => {
    const known = modules.get(file);
    if (known) {
      return known;
    }
    const exports: Record<string, unknown> = {};
    modules.set(file, exports);
    const code = fs.readFileSync(file, 'utf8');
    const run = vm.compileFunction(code, ['exports', 'require', 'module'], { filename: file });
    const requireStub = (specifier: string): unknown => {
      if (specifier === '@kubernetes-models/validate') {
        return { register };
      }
      if (specifier.startsWith('./')) {
        return load(path.join(path.dirname(file), withJs(specifier)));
      }
      const machinery = '@kubernetes-models/apimachinery/';
      if (specifier.startsWith(machinery)) {
        return load(path.join(machineryDir, withJs(specifier.slice(machinery.length))));
      }
      throw new Error(`${file} requires ${specifier}, which the schema reader does not know; was kubernetes-models upgraded?`);
    };
    run(exports, requireStub, { exports });
    return exports;
  };

  for (const dir of [path.join(machineryDir, '_schemas'), path.join(modelsDir, '_schemas')]) {
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.js')).sort()) {
      const exports = load(path.join(dir, file));
      (exports.addSchema as () => void)();
    }
  }
  return schemas;
}

/** A JSON Schema node, as the package writes it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a boundary: the schemas are data of another package, read keyword by keyword as Ajv takes them
export type SchemaObject = { [keyword: string]: any };

function withJs(specifier: string): string {
  return specifier.endsWith('.js') ? specifier : `${specifier}.js`;
}

// The folder of an installed package. Resolving the entry point (not
// `package.json`, which the packages' export maps do not list) works
// wherever npm put it.
function packageDir(name: string, from: string): string {
  let dir = path.dirname(require.resolve(name, { paths: [from] }));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    dir = path.dirname(dir);
  }
  return dir;
}
