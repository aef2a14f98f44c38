/**
 * Rewrites an AWS SDK client's `dist-es/models/errors.js` for the Lambda bundles
 * (`scripts/bundle.mjs`): each declared error class becomes one call of the factory in
 * `sdk-error-classes.ts`, which makes the same class (about 30 KB less per bundle).
 *
 * The rewrite reads the module strictly: every class must have exactly the shape the SDK
 * generates (static `shapeId`, `name`, `$fault`, optional `$retryable`, modeled fields copied
 * from the options); anything else — a new SDK version generating something different — fails
 * the bundle with the class it could not read, instead of bundling a class that behaves
 * differently.
 */

/** One declared error class, as read. */
export interface DeclaredSdkError {
  readonly name: string;
  readonly shapeId: string | undefined;
  readonly fault: 'client' | 'server';
  readonly retryable: Readonly<Record<string, boolean>> | undefined;
  readonly fields: readonly string[];
}

/** Thrown when an errors module has a shape the rewrite does not know. */
export class UnexpectedSdkErrorsModuleError extends Error {
  readonly code = 'UNEXPECTED_SDK_ERRORS_MODULE';

  constructor(detail: string) {
    super(`cannot compact the SDK errors module: ${detail}`);
    this.name = 'UnexpectedSdkErrorsModuleError';
  }
}

const IMPORT_BASE =
  /^import \{ (\w+ServiceException) as __BaseException \} from "\.\/(\w+ServiceException)";$/;

const CLASS = new RegExp(
  [
    String.raw`^export class (?<name>\w+) extends __BaseException \{`,
    String.raw`(?:\s*static shapeId = "(?<shapeId>[\w.]+#\w+)";)?`,
    String.raw`\s*name = "(?<declaredName>\w+)";`,
    String.raw`\s*\$fault = "(?<fault>client|server)";`,
    String.raw`(?:\s*\$retryable = \{(?<retryable>(?:\s*\w+: (?:true|false),)*)\s*\};)?`,
    String.raw`(?<fields>(?:\s*\w+;)*)`,
    String.raw`\s*constructor\(opts\) \{`,
    String.raw`\s*super\(\{\s*name: "(?<superName>\w+)",\s*\$fault: "(?<superFault>client|server)",\s*\.\.\.opts,\s*\}\);`,
    String.raw`\s*Object\.setPrototypeOf\(this, (?<protoName>\w+)\.prototype\);`,
    String.raw`(?<assignments>(?:\s*this\.\w+ = opts\.\w+;)*)`,
    String.raw`\s*\}\s*\}$`,
  ].join(''),
);

/** The names in `A; B;` or `this.A = opts.A; …` (checked to copy each field from itself). */
function namesOf(text: string, pattern: RegExp, className: string): string[] {
  return [...text.matchAll(pattern)].map((match) => {
    const [, target, source = target] = match;
    if (target !== source) {
      throw new UnexpectedSdkErrorsModuleError(`${className} copies ${source} into ${target}`);
    }
    return target as string;
  });
}

/** Reads one `export class … {…}` block. */
function readClass(block: string): DeclaredSdkError {
  const groups = CLASS.exec(block)?.groups;
  if (groups === undefined) {
    throw new UnexpectedSdkErrorsModuleError(`unknown class shape:\n${block}`);
  }
  const { name, shapeId, fault, retryable } = groups as Record<string, string>;
  const sameName = [groups['declaredName'], groups['superName'], groups['protoName']];
  if (sameName.some((other) => other !== name) || groups['superFault'] !== fault) {
    throw new UnexpectedSdkErrorsModuleError(`${name} names itself inconsistently`);
  }
  const fields = namesOf(groups['fields'] ?? '', /(\w+);/g, name);
  const assigned = namesOf(groups['assignments'] ?? '', /this\.(\w+) = opts\.(\w+);/g, name);
  if (fields.join() !== assigned.join()) {
    throw new UnexpectedSdkErrorsModuleError(`${name} declares ${fields} but copies ${assigned}`);
  }
  return {
    name: name as string,
    shapeId,
    fault: fault as 'client' | 'server',
    retryable:
      retryable === undefined
        ? undefined
        : Object.fromEntries(
            [...retryable.matchAll(/(\w+): (true|false),/g)].map(([, key, value]) => [
              key,
              value === 'true',
            ]),
          ),
    fields,
  };
}

/**
 * Reads an SDK errors module: its base exception import and every declared class.
 *
 * @throws {UnexpectedSdkErrorsModuleError} when any part has another shape.
 * @example
 * ```ts
 * readSdkErrorsModule(source).errors[0]; // { name: 'AccessDeniedException', fault: 'client', fields: ['Message'], … }
 * ```
 */
export function readSdkErrorsModule(source: string): {
  readonly baseImport: string;
  readonly errors: readonly DeclaredSdkError[];
} {
  const [baseImport = '', ...rest] = source.trim().split('\n');
  const base = IMPORT_BASE.exec(baseImport);
  if (base === null || base[1] !== base[2]) {
    throw new UnexpectedSdkErrorsModuleError(`unknown first line: ${baseImport}`);
  }
  const blocks = rest
    .join('\n')
    .split(/\n(?=export class )/)
    .filter((block) => block.trim() !== '');
  return { baseImport, errors: blocks.map((block) => readClass(block.trim())) };
}

/**
 * The compact module: the same exports, each made by `sdkErrorClasses` (imported from
 * `factoryPath`) for the module's base exception and the service namespace of its shape ids.
 *
 * @throws {UnexpectedSdkErrorsModuleError} when the module has another shape, or its classes
 *   disagree on the namespace.
 * @example
 * ```ts
 * compactSdkErrorsModule(await readFile(errorsJs, 'utf8'), '/repo/apps/handlers/src/bundling/sdk-error-classes.ts');
 * ```
 */
export function compactSdkErrorsModule(source: string, factoryPath: string): string {
  const { baseImport, errors } = readSdkErrorsModule(source);
  const namespaces = new Set(errors.map(({ name, shapeId }) => shapeId?.replace(`#${name}`, '')));
  const [namespace] = namespaces;
  if (namespaces.size !== 1 || errors.some((e) => e.shapeId?.endsWith(`#${e.name}`) === false)) {
    throw new UnexpectedSdkErrorsModuleError(`shape ids of several namespaces: ${[...namespaces]}`);
  }
  const lines = errors.map(({ name, fault, fields, retryable }) => {
    const args = [JSON.stringify(name), JSON.stringify(fault)];
    if (fields.length > 0 || retryable !== undefined) args.push(JSON.stringify(fields));
    if (retryable !== undefined) args.push(JSON.stringify(retryable));
    return `export const ${name} = /* @__PURE__ */ __error(${args.join(', ')});`;
  });
  return [
    baseImport,
    `import { sdkErrorClasses } from ${JSON.stringify(factoryPath)};`,
    `const __error = /* @__PURE__ */ sdkErrorClasses(__BaseException, ${namespace === undefined ? 'undefined' : JSON.stringify(namespace)});`,
    ...lines,
    '',
  ].join('\n');
}

const ERRORS_IMPORT = /^import \{([\w\s,]+)\} from "\.\.\/models\/errors";$/m;

/**
 * Rewrites a client's `dist-es/schemas/schemas_0.js` so that each string constant naming one of
 * the error classes it imports reads the class's name (`const _ADE = AccessDeniedException.name;`)
 * instead of repeating the string: the same value (a class made by `sdkErrorClasses` is named
 * after its error), written once per bundle. The errors module is evaluated before the schemas
 * module that imports it, so the classes exist when the constants are read.
 *
 * @throws {UnexpectedSdkErrorsModuleError} when the module does not import its errors in one line.
 * @example
 * ```ts
 * errorNamesFromClasses('import { AccessDeniedException, } from "../models/errors";\nconst _ADE = "AccessDeniedException";');
 * // 'import { AccessDeniedException, } from "../models/errors";\nconst _ADE = AccessDeniedException.name;'
 * ```
 */
export function errorNamesFromClasses(schemasSource: string): string {
  const imported = ERRORS_IMPORT.exec(schemasSource)?.[1];
  if (imported === undefined) {
    throw new UnexpectedSdkErrorsModuleError(
      'the schemas module imports no error classes in one line',
    );
  }
  const names = new Set(imported.split(',').map((name) => name.trim()));
  return schemasSource.replace(
    /^const (_\w+) = "(\w+)";$/gm,
    (line, constant: string, value: string) =>
      names.has(value) ? `const ${constant} = ${value}.name;` : line,
  );
}

/** `n0_registry.registerError(AccessDeniedException$, AccessDeniedException);` on its own line. */
const REGISTRATION = /^(\w+_registry)\.registerError\((\w+)\$, \2\);\n/gm;

/**
 * Rewrites a client's `dist-es/schemas/schemas_0.js` so that each type registry holding several
 * error schemas registers them in one loop after the module's declarations, instead of one
 * `registerError` statement after each (about 16 bytes less per error): the same registrations
 * in the same order, made while the module is evaluated, before anything can read them. A
 * registry with a single error keeps its statement.
 *
 * @throws {UnexpectedSdkErrorsModuleError} when the module registers an error in another shape.
 * @example
 * ```ts
 * registrationsInLoops('…\nn0_registry.registerError(A$, A);\n…\nn0_registry.registerError(B$, B);\n');
 * // '…\n…\nfor (const [schema, error] of [[A$, A], [B$, B]]) n0_registry.registerError(schema, error);\n'
 * ```
 */
export function registrationsInLoops(schemasSource: string): string {
  const byRegistry = new Map<string, string[]>();
  for (const [, registry, name] of schemasSource.matchAll(REGISTRATION)) {
    byRegistry.set(registry as string, [
      ...(byRegistry.get(registry as string) ?? []),
      name as string,
    ]);
  }
  const looped = new Set([...byRegistry].filter(([, names]) => names.length > 1).map(([r]) => r));
  const rest = schemasSource.replace(REGISTRATION, (line, registry: string) =>
    looped.has(registry) ? '' : line,
  );
  const registrations = rest.match(/\.registerError\(/g)?.length ?? 0;
  const kept = [...byRegistry].filter(([registry]) => !looped.has(registry)).length;
  if (registrations !== kept) {
    throw new UnexpectedSdkErrorsModuleError('an error registration of another shape');
  }
  const loops = [...looped].map((registry) => {
    const pairs = (byRegistry.get(registry) ?? []).map((name) => `[${name}$, ${name}]`);
    return `for (const [schema, error] of [${pairs.join(', ')}]) ${registry}.registerError(schema, error);`;
  });
  return [rest.trimEnd(), ...loops, ''].join('\n');
}
