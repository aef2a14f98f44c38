import { exampleDocument } from '../../support/examples';

/*
 * Generators of hostile inputs, built at test time (none of them is committed): each returns the
 * text (or bytes) of one file.
 */

const ORG_HEAD = 'managementAccountId: "111111111111"\nrootId: r-ab12\n';

/** examples/org.yaml and examples/governance.yaml, as text. */
export const exampleOrg = (): string => exampleDocument('org.yaml').text;
/** examples/governance.yaml, as text. */
export const exampleConfig = (): string => exampleDocument('governance.yaml').text;

/** A YAML config of about `bytes` bytes whose every rule is wrong: `scpRules: [1,1,1,…]`. */
export function problemFlood(bytes: number): string {
  const items = Math.floor((bytes - 12) / 2);
  return `scpRules: [${Array<string>(items).fill('1').join(',')}]\n`;
}

/**
 * A YAML document of about 154 KB whose aliases expand to 2,000,000 names: one anchored list of
 * 20,000 names used by 100 rules (`config`) or as the policies of 100 OUs' worth of rules.
 */
export function aliasBomb(): string {
  const names = Array.from({ length: 20_000 }, (_, i) => `n${i}`).join(', ');
  const rules = Array.from(
    { length: 100 },
    (_, i) => `  - { id: r${i}, policies: *names, scope: { type: root } }`,
  );
  return [`x-names: &names [${names}]`, 'scpRules:', ...rules, ''].join('\n');
}

/** A snapshot whose OUs form one chain `depth` deep, with an account at the bottom. */
export function ouChain(depth: number): string {
  const id = (i: number) => `ou-ab12-${String(i).padStart(8, '0')}`;
  const ous = Array.from(
    { length: depth },
    (_, i) => `  - { id: ${id(i)}, name: OU${i}, parentId: ${i === 0 ? 'r-ab12' : id(i - 1)} }`,
  );
  return `${ORG_HEAD}organizationalUnits:\n${ous.join('\n')}\naccounts:\n  - { id: "222222222222", name: deep, parentId: ${id(depth - 1)} }\n`;
}

/** A JSON snapshot of `count` accounts under the root, each tagged env=prod. */
export function manyAccounts(count: number): string {
  const accounts: string[] = [];
  for (let i = 0; i < count; i++) {
    accounts.push(
      `{"id":"${100_000_000_000 + i}","name":"acct-${i}","parentId":"r-ab12","tags":{"env":"prod"}}`,
    );
  }
  return `{"managementAccountId":"111111111111","rootId":"r-ab12","accounts":[${accounts.join(',')}]}`;
}

/** A JSON snapshot of about `bytes` bytes: `accounts` nested in arrays half that many levels. */
export function nestedJson(bytes: number): string {
  const depth = Math.floor(bytes / 2);
  return `{"managementAccountId":"111111111111","rootId":"r-ab12","accounts":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** The same as YAML: `accounts:` then flow sequences nested `bytes / 2` levels. */
export function nestedYaml(bytes: number): string {
  const depth = Math.floor(bytes / 2);
  return `${ORG_HEAD}accounts: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** A raw event nested `depth` levels in its detail. */
export function nestedEvent(depth: number): string {
  return `{"source":"aws.organizations","detail-type":"AWS API Call via CloudTrail","detail":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
}

/** examples/governance.yaml with a byte that is not UTF-8 (0xFF) in a policy name. */
export function invalidUtf8Config(): Buffer {
  const text = exampleConfig();
  const at = text.indexOf('DenyLeaveOrg');
  return Buffer.concat([
    Buffer.from(text.slice(0, at + 4)),
    Buffer.from([0xff]),
    Buffer.from(text.slice(at + 4)),
  ]);
}

/** examples/org.yaml with `name` given to the account legacy-tools. */
export function orgWithAccountName(name: string): string {
  return exampleOrg().replace('name: legacy-tools', `name: ${JSON.stringify(name)}`);
}

/** A config with one rule granting ReadOnly on accounts tagged `key`. */
export function tagRuleConfig(key: string): string {
  return [
    'assignmentRules:',
    '  - id: tagged',
    '    permissionSet: ReadOnly',
    '    principal: { type: GROUP, name: Auditors }',
    `    scope: { type: accountTag, key: ${JSON.stringify(key)}, value: prod }`,
    '',
  ].join('\n');
}

/** A config with one notification target (given as flow YAML). */
export function notificationConfig(target: string): string {
  return [
    'notifications:',
    '  - id: n',
    '    on: [AccountCreated]',
    `    target: ${target}`,
    '',
  ].join('\n');
}
