import { readFileSync } from 'node:fs';
import { example } from './run';

/** An account name that would run script if it were not escaped. */
export const EVIL = '<script>alert(1)</script>';

/** The example org.yaml plus, in Sandbox, an account named {@link EVIL} with a hostile tag value. */
export function evilOrg(): string {
  const org = readFileSync(example('org.yaml'), 'utf8');
  const hostile = `  - { id: "123456789012", name: "${EVIL}", parentId: ou-ab12-33333333, status: ACTIVE, tags: { note: "</script><b>x</b>\\u2028" } }\n`;
  return org.replace('accounts:\n', `accounts:\n${hostile}`);
}
