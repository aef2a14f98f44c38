import { type EnvProblem, HandlerConfigError } from '../errors';

/** The environment variables a function reads (a subset of `process.env`). */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads typed values from environment variables and collects every problem, so a
 * misconfigured function reports all of them in one {@link HandlerConfigError}.
 *
 * @example
 * ```ts
 * const env = new EnvReader(process.env, 'operations-worker');
 * const queueUrl = env.string('OPERATIONS_QUEUE_URL');
 * const budget = env.number('ASSIGNMENT_POLL_BUDGET_MS', 20_000, { min: 1000 });
 * env.done(); // throws HandlerConfigError listing every problem
 * ```
 */
export class EnvReader {
  private readonly problems: EnvProblem[] = [];

  constructor(
    private readonly env: Environment,
    private readonly functionName: string,
  ) {}

  /** A required non-empty string. */
  string(variable: string): string {
    const value = this.env[variable]?.trim();
    if (!value) {
      this.problems.push({ variable, problem: 'is required' });
      return '';
    }
    return value;
  }

  /** An optional string (`undefined` when unset or empty). */
  optionalString(variable: string): string | undefined {
    const value = this.env[variable]?.trim();
    return value ? value : undefined;
  }

  /** A number, `fallback` when unset; must lie within `[min, max]`. */
  number(
    variable: string,
    fallback: number,
    range: { readonly min?: number; readonly max?: number; readonly integer?: boolean } = {},
  ): number {
    const raw = this.env[variable]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    const {
      min = Number.NEGATIVE_INFINITY,
      max = Number.POSITIVE_INFINITY,
      integer = false,
    } = range;
    if (
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (integer && !Number.isInteger(value))
    ) {
      const bounds = `${Number.isFinite(min) ? ` >= ${min}` : ''}${Number.isFinite(max) ? ` <= ${max}` : ''}`;
      this.problems.push({
        variable,
        problem: `must be ${integer ? 'an integer' : 'a number'}${bounds}, got "${raw}"`,
      });
      return fallback;
    }
    return value;
  }

  /** A boolean (`true`/`false`, case-insensitive), `fallback` when unset. */
  boolean(variable: string, fallback: boolean): boolean {
    const raw = this.env[variable]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    this.problems.push({ variable, problem: `must be true or false, got "${raw}"` });
    return fallback;
  }

  /** Records a problem found by a check across variables. */
  problem(variable: string, problem: string): void {
    this.problems.push({ variable, problem });
  }

  /** Throws {@link HandlerConfigError} when any read found a problem. */
  done(): void {
    if (this.problems.length > 0) {
      throw new HandlerConfigError(this.functionName, this.problems);
    }
  }
}
