import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Folder of the realistic raw events used by the tests. */
export const FIXTURES_DIR = join(__dirname, '..', 'fixtures');

/** A fresh (deep) copy of one fixture, parsed from `test/fixtures/<name>.json`. */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** The names (without `.json`) of every fixture. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** The Organizations samples of the v2 rows: both parse entry points give the same outcome for each. */
export const ORGANIZATIONS_V2_SAMPLES: readonly string[] = [
  'accept-handshake-email-invitation',
  'accept-handshake-email-service-event',
  'account-joined-organization',
  'account-departed-organization',
  'leave-organization',
  'close-account-result-failed',
  'create-account-result-masked-name',
  'tag-change-on-resource-ec2-no-service',
];
