import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInThisContext } from 'node:vm';
import { transformSync } from 'esbuild';
import {
  compactSdkErrorsModule,
  errorNamesFromClasses,
  readSdkErrorsModule,
  UnexpectedSdkErrorsModuleError,
} from '../../src/bundling/compact-sdk-errors';
import * as factory from '../../src/bundling/sdk-error-classes';

/** Stands for the factory's path in the compacted module (resolved to `factory` below). */
const FACTORY = '/bundling/sdk-error-classes.ts';

/** Every SDK client the handlers bundle. */
const CLIENTS = Object.keys(
  (
    JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies,
).filter((name) => name.startsWith('@aws-sdk/client-'));

type ErrorClass = (new (options: Record<string, unknown>) => Error) & { shapeId?: string };

function distSource(client: string, ...file: string[]): string {
  const root = path.dirname(require.resolve(`${client}/package.json`));
  return readFileSync(path.join(root, 'dist-es', ...file), 'utf8');
}

function errorsSource(client: string): string {
  return distSource(client, 'models', 'errors.js');
}

/** Runs an errors module (ES module text) against the client's real base exception. */
function load(client: string, source: string): Record<string, ErrorClass> {
  const { code } = transformSync(source, { format: 'cjs', loader: 'js' });
  const clientExports = jest.requireActual<Record<string, unknown>>(client);
  const requireStub = (specifier: string): unknown =>
    specifier === FACTORY
      ? factory
      : { [specifier.replace('./', '')]: clientExports[specifier.replace('./', '')] };
  const module = { exports: {} as Record<string, ErrorClass> };
  const run = runInThisContext(`(function (require, module, exports) {${code}\n})`) as (
    r: typeof requireStub,
    m: typeof module,
    e: Record<string, ErrorClass>,
  ) => void;
  run(requireStub, module, module.exports);
  return module.exports;
}

/** What code can observe of an error class and of an instance made with every field set. */
function observe(ErrorClass: ErrorClass, fields: readonly string[]) {
  const options = Object.fromEntries([
    ['$metadata', { httpStatusCode: 400, requestId: 'r-1' }],
    ['message', 'it failed'],
    ['unmodeled', 'kept out'],
    ...fields.map((field) => [field, `${field} value`]),
  ]);
  const error = new ErrorClass(options);
  const own = Object.getOwnPropertyNames(error).filter((key) => key !== 'stack');
  return {
    className: ErrorClass.name,
    shapeId: Object.getOwnPropertyDescriptor(ErrorClass, 'shapeId'),
    base: Object.getPrototypeOf(ErrorClass).name as string,
    keys: own,
    properties: Object.fromEntries(
      own.map((key) => [key, Object.getOwnPropertyDescriptor(error, key)]),
    ),
    prototype: Object.getPrototypeOf(error) === ErrorClass.prototype,
    instanceOf: error instanceof ErrorClass && error instanceof Error,
  };
}

describe('the compacted SDK error classes of the bundles', () => {
  it('covers every client the handlers bundle', () => {
    expect(CLIENTS.length).toBeGreaterThanOrEqual(9);
  });

  it.each(CLIENTS)('%s: the same classes, the same errors, in a smaller module', (client) => {
    const source = errorsSource(client);
    const compact = compactSdkErrorsModule(source, FACTORY);
    const declared = readSdkErrorsModule(source).errors;
    const original = load(client, source);
    const made = load(client, compact);
    expect({
      exports: Object.keys(made),
      classes: declared.map(({ name, fields }) => observe(made[name] as ErrorClass, fields)),
      smaller: compact.length < source.length / 2,
    }).toStrictEqual({
      exports: Object.keys(original),
      classes: declared.map(({ name, fields }) => observe(original[name] as ErrorClass, fields)),
      smaller: true,
    });
  });

  it.each(CLIENTS)(
    '%s: the schemas read each error name from its class, and change nothing else',
    (client) => {
      const source = distSource(client, 'schemas', 'schemas_0.js');
      const names = readSdkErrorsModule(errorsSource(client)).errors.map(({ name }) => name);
      const before = source.split('\n');
      const after = errorNamesFromClasses(source).split('\n');
      const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]));
      expect({ lines: after.length, changed }).toStrictEqual({
        lines: before.length,
        changed: changed.map(([line]) => {
          const [, constant, name] = /^const (_\w+) = "(\w+)";$/.exec(line ?? '') ?? [];
          return [line, names.includes(name ?? '') ? `const ${constant} = ${name}.name;` : null];
        }),
      });
      expect(changed.length).toBeGreaterThanOrEqual(names.length / 2);
    },
  );

  it.each([
    [
      'an extra statement in a constructor',
      (source: string) =>
        source.replace('Object.setPrototypeOf(', 'this.extra = 1;\n        Object.setPrototypeOf('),
    ],
    [
      'a field copied from another option',
      (source: string) => source.replace('= opts.Message;', '= opts.Other;'),
    ],
    ['another first line', (source: string) => `// header\n${source}`],
  ])('refuses a module with %s', (_case, mutate) => {
    const source = mutate(errorsSource('@aws-sdk/client-organizations'));
    expect(() => compactSdkErrorsModule(source, FACTORY)).toThrow(UnexpectedSdkErrorsModuleError);
  });
});
