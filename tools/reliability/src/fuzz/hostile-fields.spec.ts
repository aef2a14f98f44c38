import {
  ConfigError,
  isTrustedPrincipal,
  parseGovernanceConfig,
  parseOrgSnapshot,
  SnapshotError,
} from '@org/scope-engine';
import * as fc from 'fast-check';
import {
  INVISIBLE_CHARACTERS,
  tagKeyWithInvisible,
  trustedPrincipalCase,
  visibleTagKey,
  webhookDestination,
} from '../arbitraries/hostile-fields';
import { reportFuzzRuns, runFuzz } from '../support/fuzz';
import { check } from '../support/parse-invariants';

reportFuzzRuns();

const SECRET = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:hook-AbCdEf';

/** The problems `parse` raises as `path: message`, or `[]` when it parses. */
function problemsOf(parse: () => unknown): string[] {
  try {
    parse();
    return [];
  } catch (error) {
    check(error instanceof ConfigError || error instanceof SnapshotError, `threw ${String(error)}`);
    return (error as ConfigError).problems.map((p) => `${p.path}: ${p.message}`);
  }
}

const tagRule = (key: string) => ({
  assignmentRules: [
    {
      id: 'tagged',
      permissionSet: 'ReadOnly',
      principal: { type: 'GROUP', name: 'Auditors' },
      scope: { type: 'accountTag', key, value: 'prod' },
    },
  ],
});
/** A snapshot whose tag ledger records `key` on its account. */
const ledgerWith = (key: string) => ({
  ...taggedAccount('env'),
  tagLedger: [
    { accountId: '222222222222', key, value: 'prod', setBy: 'arn:aws:iam::111111111111:user/a' },
  ],
});
const taggedAccount = (key: string) => ({
  managementAccountId: '111111111111',
  rootId: 'r-ab12',
  accounts: [{ id: '222222222222', name: 'app', parentId: 'r-ab12', tags: { [key]: 'prod' } }],
});

describe('hostile field values', () => {
  it('a tag key with an invisible or control character is refused where it is, in rules, snapshots and tag ledgers', () => {
    let refused = 0;
    runFuzz(
      'tagKeysInvisible',
      fc.property(tagKeyWithInvisible, visibleTagKey, ({ key, char, position }, clean) => {
        const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
        const inRule = problemsOf(() => parseGovernanceConfig(tagRule(key), 'g'));
        check(
          inRule.length === 1 &&
            inRule[0]?.startsWith('assignmentRules[0].scope.key: contains the ') === true &&
            inRule[0].includes(`character ${code} at character ${position + 1}`),
          `rule tag key ${JSON.stringify(key)}: ${JSON.stringify(inRule)}`,
        );
        const inSnapshot = problemsOf(() => parseOrgSnapshot(taggedAccount(key), 'o'));
        check(
          inSnapshot.length === 1 && inSnapshot[0]?.includes(`character ${code}`) === true,
          `snapshot tag key ${JSON.stringify(key)}: ${JSON.stringify(inSnapshot)}`,
        );
        const inLedger = problemsOf(() => parseOrgSnapshot(ledgerWith(key), 'o'));
        check(
          inLedger.length === 1 &&
            inLedger[0]?.startsWith('tagLedger[0].key: contains the ') === true &&
            inLedger[0].includes(`character ${code}`),
          `ledger tag key ${JSON.stringify(key)}: ${JSON.stringify(inLedger)}`,
        );
        check(problemsOf(() => parseGovernanceConfig(tagRule(clean), 'g')).length === 0, clean);
        check(problemsOf(() => parseOrgSnapshot(ledgerWith(clean), 'o')).length === 0, clean);
        refused++;
      }),
    );
    expect(refused).toBeGreaterThan(0);
  });

  it('a webhook URL is refused when it reaches loopback, link-local or (without the flag) a private range', () => {
    const seen = new Map<string, number>();
    runFuzz(
      'webhookUrls',
      fc.property(webhookDestination, ({ url, allowPrivateNetwork, destination }) => {
        const doc = {
          notifications: [
            {
              id: 'hook',
              on: ['AccountCreated'],
              target: { type: 'webhook', url, secretArn: SECRET, allowPrivateNetwork },
            },
          ],
        };
        const problems = problemsOf(() => parseGovernanceConfig(doc, 'g'));
        const refused =
          destination === 'always refused' || (destination === 'private' && !allowPrivateNetwork);
        const outcome = `${destination}${allowPrivateNetwork ? ' (allowed private)' : ''}: ${refused ? 'refused' : 'accepted'}`;
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        check(
          refused
            ? problems.length === 1 &&
                problems[0]?.startsWith('notifications[0].target.url: the destination ') === true
            : problems.length === 0,
          `${url} (${outcome}): ${JSON.stringify(problems)}`,
        );
      }),
    );
    // Every kind of destination came up, refused and accepted.
    expect([...seen.keys()].sort()).toStrictEqual([
      'always refused (allowed private): refused',
      'always refused: refused',
      'private (allowed private): accepted',
      'private: refused',
      'public (allowed private): accepted',
      'public: accepted',
    ]);
  });

  it('a trusted principal pattern is accepted, trusts what its parts say, and is refused with a hidden character', () => {
    const verdicts = { trusted: 0, untrusted: 0 };
    runFuzz(
      'trustedPrincipals',
      fc.property(
        trustedPrincipalCase,
        fc.constantFrom(...INVISIBLE_CHARACTERS),
        fc.nat(),
        ({ pattern, principals }, char, at) => {
          const settings = (p: string) => ({ settings: { trustedTagPrincipals: [p] } });
          check(
            problemsOf(() => parseGovernanceConfig(settings(pattern), 'g')).length === 0,
            pattern,
          );
          for (const { arn, trusted } of principals) {
            check(
              isTrustedPrincipal(arn, [pattern]) === trusted,
              `${pattern} ${trusted ? 'must' : 'must not'} trust ${arn}`,
            );
            verdicts[trusted ? 'trusted' : 'untrusted']++;
          }
          const position = at % (pattern.length + 1);
          const hidden = pattern.slice(0, position) + char + pattern.slice(position);
          const problems = problemsOf(() => parseGovernanceConfig(settings(hidden), 'g'));
          check(
            problems.length === 1 &&
              problems[0]?.startsWith('settings.trustedTagPrincipals[0]: ') === true,
            `${JSON.stringify(hidden)}: ${JSON.stringify(problems)}`,
          );
        },
      ),
    );
    expect(verdicts.trusted > 0 && verdicts.untrusted > 0).toBe(true);
  });
});
