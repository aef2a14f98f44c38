import { readFileSync } from 'node:fs';
import { example } from './run';

/** An account and a principal name that would run script if they were not escaped. */
export const EVIL = '<script>alert(1)</script>';

/** The Identity Center id of the user named {@link EVIL} in {@link evilOrg}. */
export const EVIL_PRINCIPAL_ID = '90671234-aaaa-bbbb-cccc-999999999999';

/**
 * The example org.yaml plus, in Sandbox, an account named {@link EVIL} with a hostile tag value,
 * and a user named {@link EVIL}.
 */
export function evilOrg(): string {
  const org = readFileSync(example('org.yaml'), 'utf8');
  const hostile = `  - { id: "123456789012", name: "${EVIL}", parentId: ou-ab12-33333333, status: ACTIVE, tags: { note: "</script><b>x</b>\\u2028" } }\n`;
  const user = `  - { type: USER, name: "${EVIL}", id: ${EVIL_PRINCIPAL_ID} }\n`;
  return org
    .replace('accounts:\n', `accounts:\n${hostile}`)
    .replace('principals:\n', `principals:\n${user}`);
}

/**
 * The example governance.yaml plus rule `evil-grant`: ReadOnly for the user named {@link EVIL}
 * on the account named {@link EVIL} (so both names show in the report's access view).
 */
export function evilGovernance(): string {
  const config = readFileSync(example('governance.yaml'), 'utf8');
  const rule = `  - id: evil-grant\n    permissionSet: ReadOnly\n    principal: { type: USER, name: "${EVIL}" }\n    scope: { type: account, id: '123456789012' }\n`;
  return config.replace('assignmentRules:\n', `assignmentRules:\n${rule}`);
}
