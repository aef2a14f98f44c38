import { MAX_EVENT_BYTES, parse, parseOrgEvent, EventError } from '../../src';
import { errorOf, issue } from '../helpers/errors';
import { fixture } from '../helpers/fixtures';
import { edit } from '../helpers/mutate';

const MOVE_ID = '10bb9cb3-249d-91b7-1a6d-9576fa4b74b2';

/** The `move-account` fixture padded with a string field so that its JSON is exactly `bytes` long. */
function moveAccountOfSize(bytes: number, unit = 'x'): Record<string, unknown> {
  const base = fixture('move-account');
  const empty = JSON.stringify({ ...base, padding: '' }).length;
  const unitBytes = new TextEncoder().encode(unit).length;
  const count = Math.floor((bytes - empty) / unitBytes);
  const rest = bytes - empty - count * unitBytes;
  return { ...base, padding: unit.repeat(count) + 'y'.repeat(rest) };
}

/** UTF-8 size of the JSON of `raw`. */
const sizeOf = (raw: unknown): number => new TextEncoder().encode(JSON.stringify(raw)).length;

const tooBig = (bytes: string) =>
  `at most 1,048,576 bytes of JSON (1 MiB, the EventBridge event size limit), not ${bytes} bytes`;

describe('parseOrgEvent refuses events larger than EventBridge can deliver', () => {
  it('limits events to 1 MiB', () => {
    expect(MAX_EVENT_BYTES).toBe(1_048_576);
  });

  it.each([
    ['ASCII padding', 'x'],
    ['2-byte characters', 'é'],
    ['3-byte characters', '€'],
    ['4-byte characters (surrogate pairs)', '😀'],
  ])('accepts an event of exactly the limit with %s', (_label, unit) => {
    const raw = moveAccountOfSize(MAX_EVENT_BYTES, unit);
    expect(sizeOf(raw)).toBe(MAX_EVENT_BYTES);
    expect(parseOrgEvent(raw).kind).toBe('event');
  });

  it.each([
    ['one byte over, ASCII', moveAccountOfSize(MAX_EVENT_BYTES + 1), '1,048,577'],
    ['one byte over, 3-byte characters', moveAccountOfSize(MAX_EVENT_BYTES + 1, '€'), '1,048,577'],
    ['of 3 MB', moveAccountOfSize(3_000_000), '3,000,000'],
  ])('refuses an event %s with one issue at $ naming the limit', (_label, raw, bytes) => {
    expect(errorOf(raw)).toStrictEqual({
      isEventError: true,
      code: 'EVENT_MALFORMED',
      eventId: MOVE_ID,
      eventName: 'MoveAccount',
      issues: [issue('$', tooBig(bytes))],
    });
  });

  it('refuses an oversized event before looking at its type, and drops a huge id from the error', () => {
    const raw = edit(fixture('ec2-instance-state-change'), [['$.id', 'i'.repeat(1_100_000)]]);
    expect(errorOf(raw)).toStrictEqual({
      isEventError: true,
      code: 'EVENT_MALFORMED',
      eventId: null,
      eventName: null,
      issues: [issue('$', tooBig(sizeOf(raw).toLocaleString('en-US')))],
    });
  });

  it('throws the EventError from the throwing parse, with a one-line message', () => {
    const raw = moveAccountOfSize(2_000_000);
    expect(() => parse(raw)).toThrow(
      new EventError(MOVE_ID, 'MoveAccount', [issue('$', tooBig('2,000,000'))]),
    );
    expect(() => parse(raw)).toThrow(
      `Event ${MOVE_ID} (MoveAccount) is malformed: $: expected ${tooBig('2,000,000')}`,
    );
  });

  it.each([
    [
      'a BigInt',
      { ...fixture('move-account'), amount: BigInt(1) },
      'Do not know how to serialize a BigInt',
    ],
    [
      'a cycle',
      (() => {
        const raw: Record<string, unknown> = fixture('move-account');
        raw['self'] = raw;
        return raw;
      })(),
      'Converting circular structure to JSON',
    ],
  ])('refuses an object that is not JSON (%s) without throwing', (_label, raw, why) => {
    const error = errorOf(raw);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe('$');
    expect(error.issues[0]?.expected).toMatch(
      new RegExp(`^a JSON value \\(it cannot be serialized: ${why}[^\\n]*\\)$`),
    );
  });
});
