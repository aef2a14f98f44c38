/**
 * Source ids (from an org.yaml) mapped to the ids the emulator generated.
 */
import { EmulatorUsageError } from '../errors';

/**
 * A one-way id mapping. moto generates its own account, OU, policy, permission set and
 * principal ids; seeding records each correspondence here.
 *
 * @example
 * ```ts
 * const motoAccountId = seeded.ids.get('222222222222');
 * ```
 */
export class IdMap {
  private readonly map = new Map<string, string>();

  /** Records `from` → `to`. */
  set(from: string, to: string): void {
    this.map.set(from, to);
  }

  /** The emulator id of `from`; throws when it was never seeded. */
  get(from: string): string {
    const to = this.map.get(from);
    if (to === undefined) throw new EmulatorUsageError(`No seeded id for "${from}"`);
    return to;
  }

  /** The emulator id of `from`, or `from` itself when unmapped (e.g. an id that does not exist). */
  translate(from: string): string {
    return this.map.get(from) ?? from;
  }

  /** The source id of an emulator id, or the id itself. */
  reverse(to: string): string {
    for (const [from, mapped] of this.map) if (mapped === to) return from;
    return to;
  }

  /** Every mapping, in insertion order. */
  entries(): [string, string][] {
    return [...this.map.entries()];
  }
}
