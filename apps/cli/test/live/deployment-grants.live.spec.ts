import { CreateTableCommand, TagResourceCommand } from '@aws-sdk/client-dynamodb';
import { createTableInput, PROVISIONED_STATE_TABLE, RULES_TABLE } from '@org/aws-adapters/dynamodb';
import { deploymentGrantsOf, deploymentGrantTags } from '@org/contracts';
import { emulatorEndpoint } from '@org/emulators';
import type { GovernanceConfig } from '@org/scope-engine';
import { run } from '../helpers/run';
import { seedLiveOrg, type LiveOrg } from './live-org';

jest.setTimeout(120_000);

/**
 * `orgctl rules apply` checks what the deployed stack grants, read from the rules table's tags —
 * on moto's DynamoDB (DynamoDB Local has no tagging), the table tagged as `OrgGovernance` tags it.
 */
describe('orgctl rules apply: the deployment check against moto', () => {
  const TOPIC = 'arn:aws:sns:us-east-1:123456789012:not-granted';
  let live: LiveOrg;
  let files: Record<string, string>;
  const moto = () => emulatorEndpoint('moto');
  const rulesApply = (file: string, ...extra: string[]) => [
    'rules',
    'apply',
    '--config',
    file,
    '--table',
    'rules',
    '--state-table',
    'state',
    '--endpoint-url',
    moto(),
    '--region',
    'us-east-1',
    '--format',
    'json',
    '--dry-run',
    ...extra,
  ];

  beforeAll(async () => {
    live = await seedLiveOrg();
    // The CLI's own clients (same credentials), all pointed at moto.
    const dynamodb = live.aws({ region: 'us-east-1', endpoint: moto() }).dynamodb;
    const rules = await dynamodb.send(
      new CreateTableCommand(createTableInput(RULES_TABLE, 'rules')),
    );
    await dynamodb.send(new CreateTableCommand(createTableInput(PROVISIONED_STATE_TABLE, 'state')));
    const tags = deploymentGrantTags(deploymentGrantsOf(live.config));
    await dynamodb.send(
      new TagResourceCommand({
        ResourceArn: rules.TableDescription?.TableArn,
        Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    const wider: GovernanceConfig = {
      ...live.config,
      notifications: [
        ...live.config.notifications,
        { id: 'new-topic', on: ['AccountJoined'], target: { type: 'sns', topicArn: TOPIC } },
      ],
    };
    files = { 'same.json': JSON.stringify(live.config), 'wider.json': JSON.stringify(wider) };
  });

  it('refuses a notification target the stack does not grant (exit 1, the target listed), passes the same file, and skips on request', async () => {
    const refused = await run(rulesApply('wider.json'), { files, aws: live.aws });
    const same = await run(rulesApply('same.json'), { files, aws: live.aws });
    const skipped = await run(rulesApply('wider.json', '--skip-grant-check'), {
      files,
      aws: live.aws,
    });
    expect({
      refused: { code: refused.code, stderr: refused.stderr },
      same: { code: same.code, dryRun: same.stderr.split('\n')[0] },
      skipped: skipped.code,
    }).toStrictEqual({
      refused: {
        code: 1,
        stderr: [
          'error: wider.json needs 1 notification target(s) the deployed stack does not grant: deploy the stack from this file first, or pass --skip-grant-check',
          `  - SNS topic ${TOPIC} (sns:Publish)`,
          '',
        ].join('\n'),
      },
      same: {
        code: 0,
        dryRun: expect.stringMatching(/^dry run: same\.json would replace version 0 of rules/),
      },
      skipped: 0,
    });
  });
});
