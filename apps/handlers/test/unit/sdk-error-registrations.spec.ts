import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInThisContext } from 'node:vm';
import { buildSync } from 'esbuild';
import {
  registrationsInLoops,
  UnexpectedSdkErrorsModuleError,
} from '../../src/bundling/compact-sdk-errors';

/** Every SDK client the handlers bundle. */
const CLIENTS = Object.keys(
  (
    JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies,
).filter((name) => name.startsWith('@aws-sdk/client-'));

interface Registry {
  readonly namespace: string;
  readonly schemas: Map<string, unknown>;
  readonly exceptions: Map<unknown, { readonly name: string; readonly shapeId?: string }>;
}

function schemasPath(client: string): string {
  const root = path.dirname(require.resolve(`${client}/package.json`));
  return path.join(root, 'dist-es', 'schemas', 'schemas_0.js');
}

/** The client's error registries, from its schemas module as is or rewritten. */
function registries(client: string, rewrite: (source: string) => string): Registry[] {
  const file = schemasPath(client);
  const { outputFiles } = buildSync({
    stdin: {
      contents: rewrite(readFileSync(file, 'utf8')),
      resolveDir: path.dirname(file),
      sourcefile: file,
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const module = { exports: {} as { errorTypeRegistries?: Registry[] } };
  const run = runInThisContext(
    `(function (module, exports, require) {\n${outputFiles?.[0]?.text ?? ''}\n})`,
  ) as (m: typeof module, e: object, r: NodeJS.Require) => void;
  run(module, module.exports, require);
  return module.exports.errorTypeRegistries ?? [];
}

/**
 * What a registry holds: shape ids, and each error schema's class name and shape id (as plain
 * data: a member's lazy schema reference, a function, compares by its text).
 */
function contents(registry: Registry): unknown {
  return plain({
    namespace: registry.namespace,
    schemas: [...registry.schemas.keys()],
    exceptions: [...registry.exceptions].map(([schema, error]) => [
      schema,
      error.name,
      error.shapeId,
    ]),
  });
}

function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) =>
      typeof item === 'function' ? String(item) : item,
    ),
  );
}

describe('the error registrations of the bundled schemas modules', () => {
  it.each(CLIENTS)('%s registers the same errors, in the same order, in loops', (client) => {
    const rewritten = registrationsInLoops(readFileSync(schemasPath(client), 'utf8'));
    const original = registries(client, (source) => source).map(contents);
    expect(original.length).toBeGreaterThan(1);
    expect(registries(client, registrationsInLoops).map(contents)).toStrictEqual(original);
    expect(rewritten).toMatch(/^for \(const \[schema, error\] of \[\[/m);
  });

  it('refuses a registration of another shape', () => {
    const source = [
      'n0_registry.registerError(A$, A);',
      'n0_registry.registerError(B$, B);',
      'n0_registry.registerError(C$, Other);',
      '',
    ].join('\n');
    expect(() => registrationsInLoops(source)).toThrow(UnexpectedSdkErrorsModuleError);
  });

  it('keeps a registry with a single error as it is', () => {
    const source = '_s_registry.registerError(S$, S);\nn0_registry.registerError(A$, A);\n';
    expect(registrationsInLoops(source)).toBe(source);
  });
});
