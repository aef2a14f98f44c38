/**
 * How one environment variable is read: its name, who sets it, its type, whether it is
 * required and its default.
 */

/**
 * Who sets a variable: `lambda` — the Lambda runtime (the construct cannot); `construct` —
 * `@org/scp-automation-construct`; `local` — only runs outside Lambda (the local pipeline,
 * emulator tests).
 */
export type VariableSetter = 'lambda' | 'construct' | 'local';

/** What every variable specification states. */
interface VariableBase {
  /** The environment variable's name. */
  readonly name: string;
  /** Who sets it. */
  readonly setBy: VariableSetter;
  /** What it holds. */
  readonly description: string;
}

/** A string; `pattern` (with a description for the error) when its shape is known. */
export interface StringVariable extends VariableBase {
  readonly type: 'string';
  /** `true`: the function cannot start without it. */
  readonly required: boolean;
  /** The shape the value must have, and its description for the error. @default any non-empty string */
  readonly pattern?: { readonly regex: RegExp; readonly description: string };
}

/** A number of at least `min`; its default when unset (`undefined`: the caller's default). */
export interface NumberVariable extends VariableBase {
  readonly type: 'number';
  /** `true`: the function cannot start without it. */
  readonly required: boolean;
  /** Value when unset. @default undefined (the reader applies its own) */
  readonly default?: number;
  /** Smallest value. @default no bound */
  readonly min?: number;
  /** Whole numbers only. @default false */
  readonly integer?: boolean;
}

/** `true` or `false` (any case), its default when unset. */
export interface BooleanVariable extends VariableBase {
  readonly type: 'boolean';
  /** Value when unset. */
  readonly default: boolean;
}

/** One of a few words (any case, read upper-cased); `undefined` when unset. */
export interface ChoiceVariable extends VariableBase {
  readonly type: 'choice';
  /** The accepted values (upper case). */
  readonly values: readonly string[];
}

/** The specification of one environment variable. */
export type VariableSpec = StringVariable | NumberVariable | BooleanVariable | ChoiceVariable;

/**
 * The value a parsed variable has, by its specification: required strings and numbers, numbers
 * with a default and booleans are always present; anything else may be `undefined`.
 */
export type VariableValue<Spec> = Spec extends { readonly type: 'string' }
  ? Spec extends { readonly required: true }
    ? string
    : string | undefined
  : Spec extends { readonly type: 'number' }
    ? Spec extends { readonly required: true }
      ? number
      : Spec extends { readonly default: number }
        ? number
        : number | undefined
    : Spec extends { readonly type: 'boolean' }
      ? boolean
      : Spec extends { readonly type: 'choice'; readonly values: readonly (infer Value)[] }
        ? Value | undefined
        : never;
