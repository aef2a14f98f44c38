import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  describeChange,
  describeOutcome,
  parseGovernanceEvent,
  type GovernanceParseOutcome,
} from '../src';

/** The repository's examples/events folder (the files `npm start` and the README use). */
const EXAMPLES_DIR = join(__dirname, '..', '..', '..', 'examples', 'events');

/** What the table asserts of an outcome: its kind, domain type or ignore reason, summary. */
function summary(outcome: GovernanceParseOutcome): [string, string, string] {
  if (outcome.kind === 'change')
    return [outcome.kind, outcome.event.type, describeChange(outcome.event)];
  const what =
    outcome.kind === 'event'
      ? outcome.event.type
      : outcome.kind === 'ignored'
        ? outcome.reason
        : outcome.error.code;
  return [outcome.kind, what, describeOutcome(outcome)];
}

const expected: Record<string, [string, string, string]> = {
  'account-created.json': ['event', 'AccountCreated', 'AccountCreated 222233334444 (payments-dev)'],
  'create-account-failed.json': [
    'event',
    'CreateAccountFailed',
    'CreateAccountFailed (payments-dev-2): EMAIL_ALREADY_EXISTS',
  ],
  'account-joined-accept-handshake.json': ['event', 'AccountJoined', 'AccountJoined 555566667777'],
  'account-moved.json': [
    'event',
    'AccountMoved',
    'AccountMoved 222233334444: r-ab12 -> ou-ab12-11111111',
  ],
  'account-tags-changed-tag-on-resource.json': [
    'event',
    'AccountTagsChanged',
    'AccountTagsChanged 222233334444: tags now {env=prod, team=payments}, changed [env]',
  ],
  'tag-resource.json': [
    'event',
    'AccountTagsChanged',
    'AccountTagsChanged 222233334444: set {env=prod, team=payments}',
  ],
  'untag-resource.json': [
    'event',
    'AccountTagsChanged',
    'AccountTagsChanged 222233334444: removed [owner]',
  ],
  'account-removed.json': ['event', 'AccountRemoved', 'AccountRemoved 444455556666'],
  'account-closed.json': ['event', 'AccountRemoved', 'AccountRemoved 444455556666'],
  'managed-account-vended-create.json': [
    'event',
    'ManagedAccountVended',
    'ManagedAccountVended CreateManagedAccount SUCCEEDED 888899990000 (analytics-prod) in ou-ab12-22222222 (Prod)',
  ],
  'managed-account-vended-update.json': [
    'event',
    'ManagedAccountVended',
    'ManagedAccountVended UpdateManagedAccount SUCCEEDED 888899990000 (analytics-prod) in ou-ab12-22222222 (Prod)',
  ],
  'managed-account-vended-failed.json': [
    'event',
    'ManagedAccountVended',
    'ManagedAccountVended CreateManagedAccount FAILED (no account id) (analytics-dev) in ou-ab12-22222222 (Prod)',
  ],
  'ou-created.json': [
    'event',
    'OrganizationalUnitCreated',
    'OrganizationalUnitCreated ou-ab12-44444444 (Security) under r-ab12',
  ],
  'move-account-api-error.json': [
    'ignored',
    'ApiCallFailed',
    "ignored (ApiCallFailed): MoveAccount failed with ConcurrentModificationException: AWS Organizations can't complete your request because it conflicts with another attempt to modify the same entity. Try again later.",
  ],
  'policy-detached-by-hand.json': [
    'change',
    'PolicyChangedOutOfBand',
    'PolicyChangedOutOfBand p-aaaa1111 detached on 666666666666 by arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jdoe@example.com',
  ],
  'group-created.json': [
    'change',
    'DirectoryPrincipalCreated',
    'DirectoryPrincipalCreated GROUP 90671234-aaaa-bbbb-cccc-666666666666 (name not in the event)',
  ],
};

describe('examples/events', () => {
  it('holds exactly the documented examples', () => {
    const files = readdirSync(EXAMPLES_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toStrictEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s parses to %j', (file, want) => {
    const raw: unknown = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
    expect(summary(parseGovernanceEvent(raw))).toStrictEqual(want);
  });
});
