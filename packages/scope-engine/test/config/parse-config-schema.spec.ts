/**
 * The configuration schema's parse for documents with very long lists: the same issues and data
 * as zod's own parse, without overflowing the stack.
 */
import { GovernanceConfigSchema } from '../../src/config/config-schema';
import { parseConfigSchema } from '../../src/config/parse-config-schema';

/** A valid SCP rule. */
const rule = (i: number) => ({ id: `r${i}`, policies: ['Baseline'], scope: { type: 'root' } });

describe('parseConfigSchema', () => {
  it('reports every problem of a list of 480,000 bad rules, each with its path from the root', () => {
    const result = parseConfigSchema({ scpRules: Array<number>(480_000).fill(1) });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.issues;
    expect({
      count: issues.length,
      first: issues[0]?.path,
      last: issues.at(-1)?.path,
    }).toStrictEqual({ count: 480_000, first: ['scpRules', 0], last: ['scpRules', 479_999] });
  });

  it('gives the issues zod gives for a long list with mistakes', () => {
    const value = {
      settings: { maxScpsPerTarget: 0 },
      scpRules: Array.from({ length: 10_001 }, (_, i) => (i % 1000 === 0 ? { id: i } : rule(i))),
      extra: true,
    };
    const ours = parseConfigSchema(value);
    const zods = GovernanceConfigSchema.safeParse(value);
    const paths = (issues: readonly { path: PropertyKey[] }[]) =>
      issues.map((i) => i.path.join('.'));
    expect(paths(ours.success ? [] : ours.issues).sort()).toStrictEqual(
      paths(zods.success ? [] : zods.error.issues).sort(),
    );
  });

  it('gives the data zod gives for a long valid list (defaults applied)', () => {
    const value = { scpRules: Array.from({ length: 10_001 }, (_, i) => rule(i)) };
    const ours = parseConfigSchema(value);
    const zods = GovernanceConfigSchema.safeParse(value);
    expect(ours.success ? ours.data : 'failed').toStrictEqual(zods.success ? zods.data : 'failed');
  });
});
