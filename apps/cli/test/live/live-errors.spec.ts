import { run } from '../helpers/run';
import { seedLiveOrg, TABLES, type LiveOrg } from './live-org';

jest.setTimeout(120_000);

describe('live commands: usage and AWS errors', () => {
  let live: LiveOrg;
  beforeAll(async () => {
    live = await seedLiveOrg();
  });
  const files = { 'g.json': '{}' };

  it.each([
    [
      'no provisioned-state table',
      ['reconcile', '--config', 'g.json'],
      2,
      'error: give the provisioned-state table: --state-table <name> (or ORGCTL_STATE_TABLE)\n',
    ],
    [
      'no rules',
      ['reconcile', '--state-table', 's'],
      2,
      'error: give the rules: --rules-table <name> (or ORGCTL_RULES_TABLE), or a local --config <file>\n',
    ],
    [
      'both rule sources',
      ['reconcile', '--state-table', 's', '--config', 'g.json', '--rules-table', 'r'],
      2,
      'error: give --config <file> or --rules-table <name>, not both\n',
    ],
    [
      'a bad concurrency',
      ['reconcile', '--state-table', 's', '--config', 'g.json', '--concurrency', '0'],
      2,
      'error: --concurrency must be an integer from 1 to 64, not 0\n',
    ],
    [
      'rules apply without a table',
      ['rules', 'apply', '--config', 'g.json', '--state-table', 's'],
      2,
      'error: give the rules table: --table <name> (or ORGCTL_RULES_TABLE)\n',
    ],
  ])('%s: exit %s', async (_label, args, code, stderr) => {
    const result = await run(args, { files, aws: live.aws });
    expect({ code: result.code, stderr: result.stderr }).toStrictEqual({ code, stderr });
  });

  it('an empty rules table: exit 3 with a hint', async () => {
    const result = await run(['reconcile', '--rules-table', TABLES.rules, ...live.connectionArgs], {
      aws: live.aws,
    });
    expect({ code: result.code, stderr: result.stderr }).toStrictEqual({
      code: 3,
      stderr: 'error: no rules are stored in rules: run orgctl rules apply first\n',
    });
  });

  it('a missing table: exit 3 naming what failed', async () => {
    const result = await run(
      ['reconcile', '--config', 'g.json', ...live.connectionArgs, '--state-table', 'missing'],
      { files, aws: live.aws, env: { ORGCTL_RULES_TABLE: 'ignored-with-config' } },
    );
    expect({ code: result.code, stderr: result.stderr.split(':').slice(0, 2) }).toStrictEqual({
      code: 3,
      stderr: ['error', ' reading the organization failed'],
    });
  });
});
