import { MAX_EVENT_BYTES } from '@org/event-schemas';
import { runOrgctl } from '../support/cli-harness';
import { exampleDocument } from '../support/examples';
import { readWorkspaceFile } from '../support/workspace';

const org = exampleDocument('org.yaml').text;
const config = exampleDocument('governance.yaml').text;
const moved = JSON.parse(readWorkspaceFile('examples', 'events', 'account-moved.json')) as Record<
  string,
  unknown
>;
const MOVED_ID = String(moved['id']);

/** `[` × depth, then `]` × depth: valid JSON (and YAML) nested `depth` levels deep. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** `moved` padded to exactly `bytes` bytes of JSON. */
function movedOfSize(bytes: number): string {
  const empty = JSON.stringify({ ...moved, padding: '' }).length;
  return JSON.stringify({ ...moved, padding: 'x'.repeat(bytes - empty) });
}

const plan = (event: string) => ({
  args: ['plan', '--org', 'org.yaml', '--config', 'governance.yaml', '--event', 'event.json'],
  files: { 'org.yaml': org, 'governance.yaml': config, 'event.json': event },
});

describe('orgctl refuses oversized and pathological input with a clear error (exit 1)', () => {
  it.each([
    [
      'an event one byte over 1 MiB',
      plan(movedOfSize(MAX_EVENT_BYTES + 1)),
      `error: event.json: event ${MOVED_ID} (MoveAccount) is malformed: 1 problem\n` +
        '  - $: expected at most 1,048,576 bytes of JSON (1 MiB, the EventBridge event size limit), not 1,048,577 bytes\n',
    ],
    [
      'an event of 5 MB',
      plan(movedOfSize(5_000_000)),
      `error: event.json: event ${MOVED_ID} (MoveAccount) is malformed: 1 problem\n` +
        '  - $: expected at most 1,048,576 bytes of JSON (1 MiB, the EventBridge event size limit), not 5,000,000 bytes\n',
    ],
    [
      'an event nested 100,000 levels deep',
      plan(`{"source":"aws.organizations","detail":${nested(100_000)}}`),
      'error: event.json is nested more than 100 levels deep at line 1 (refused before parsing)\n',
    ],
    [
      'a YAML config nested 20,000 levels deep',
      {
        args: ['validate', '--config', 'g.yaml'],
        files: { 'g.yaml': `scpRules: ${nested(20_000)}\n` },
      },
      'error: g.yaml is not a valid governance configuration: 1 problem\n' +
        '  - line 1: (document): the document is nested more than 100 levels deep (refused before parsing)\n',
    ],
    [
      'a YAML alias bomb ("billion laughs")',
      {
        args: ['validate', '--config', 'g.yaml'],
        files: {
          'g.yaml': [
            'a: &a [x, x, x, x, x, x, x, x, x, x]',
            'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
            'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
            'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
            'scpRules: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
          ].join('\n'),
        },
      },
      'error: g.yaml is not a valid governance configuration: 1 problem\n' +
        '  - (document): invalid YAML: its aliases expand to more than 10,000 nodes (refused: anchors and aliases may repeat a little, not multiply the document)\n',
    ],
    [
      'a JSON snapshot nested 20,000 levels deep',
      {
        args: ['plan', '--org', 'o.json', '--config', 'governance.yaml', '--reconcile'],
        files: { 'o.json': `{"accounts":${nested(20_000)}}`, 'governance.yaml': config },
      },
      'error: o.json is not a valid organization snapshot: 1 problem\n' +
        '  - line 1: (document): the document is nested more than 100 levels deep (refused before parsing)\n',
    ],
  ])('%s', async (_label, { args, files }, stderr) => {
    const run = await runOrgctl(args, { files });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 1,
      stdout: '',
      stderr,
    });
  });
});
