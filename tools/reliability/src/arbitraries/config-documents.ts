import { NOTIFICATION_TRIGGERS } from '@org/event-schemas';
import * as fc from 'fast-check';
import { snsTarget } from './sns-target';
import { toBlockYaml } from '../support/block-yaml';
import { hostileJson, type Json } from './json-values';

/**
 * Mostly a valid value (weight 40), sometimes a known invalid one (weight 1), sometimes anything
 * at all (weight 1): a document has many fields, so each must be valid most of the time for
 * some documents to be valid as a whole.
 */
function mostly(valid: fc.Arbitrary<Json>, ...invalid: Json[]): fc.Arbitrary<Json> {
  const choices: fc.WeightedArbitrary<Json>[] = [
    { weight: 40, arbitrary: valid },
    { weight: 1, arbitrary: hostileJson(2) },
  ];
  if (invalid.length > 0) choices.push({ weight: 1, arbitrary: fc.constantFrom(...invalid) });
  return fc.oneof(...choices);
}

const ruleId = mostly(fc.stringMatching(/^[a-z0-9-]{1,12}$/), 'x'.repeat(65), 'Bad_Id', '');
const accountId = mostly(fc.constantFrom('111111111111', '222233334444'), '12345', '');
const ouId = mostly(fc.constantFrom('ou-ab12-11111111', 'ou-ab12-22222222'), 'r-ab12', 'ou-x');
const name = mostly(fc.constantFrom('DenyLeaveOrg', 'p-aaaa1111', 'FullAWSAccess', 'ReadOnly'), '');
const list = (item: fc.Arbitrary<Json>, minLength = 0) =>
  mostly(fc.uniqueArray(item, { minLength, maxLength: 3, selector: (v) => JSON.stringify(v) }), []);

/** Scopes of every type, with valid and invalid fields. */
const scope: fc.Arbitrary<Json> = mostly(
  fc.oneof(
    fc.record({ type: fc.constant('root') }),
    fc.record(
      { type: fc.constant('ou'), id: ouId, includeDescendants: mostly(fc.boolean(), 'yes') },
      { requiredKeys: ['type', 'id'] },
    ),
    fc.record({ type: fc.constant('account'), id: accountId }),
    fc.record(
      {
        type: fc.constant('accountTag'),
        key: mostly(fc.string({ minLength: 1 }), ''),
        value: fc.string(),
      },
      { requiredKeys: ['type', 'key'] },
    ),
  ),
  { type: 'tag' },
  { type: 'organization' },
  { type: 'root', id: 'r-ab12' },
);

const exclude = fc.record({ accounts: list(accountId), ous: list(ouId) }, { requiredKeys: [] });

const scpRule = fc.record(
  { id: ruleId, policies: list(name, 1), scope, exclude },
  { requiredKeys: ['id', 'policies', 'scope'] },
);

const principal = mostly(
  fc.oneof(
    fc.record({
      type: fc.constantFrom('GROUP', 'USER'),
      name: fc.constantFrom('Auditors', 'jdoe'),
    }),
    fc.record({ type: fc.constantFrom('GROUP', 'USER'), id: fc.uuid() }),
  ),
  { type: 'ROLE', name: 'x' },
  { type: 'GROUP', name: 'Auditors', id: 'both' },
  { type: 'GROUP' },
);

const assignmentRule = fc.record(
  { id: ruleId, permissionSet: name, principal, scope, exclude },
  { requiredKeys: ['id', 'permissionSet', 'principal', 'scope'] },
);

const template = mostly(
  fc.constantFrom('Account {accountId} ({accountName}) in {ouName}', 'New: {eventName}'),
  '{region}',
  '',
  '{accountId',
);

const target = mostly(
  fc.oneof(
    fc.record({
      type: fc.constant('supportCase'),
      subject: template,
      body: template,
      serviceCode: fc.constant('service-ams-operations-service-request'),
      categoryCode: fc.constant('onboarding-or-offboarding'),
      severityCode: fc.constantFrom('low', 'urgent'),
    }),
    fc.record(
      {
        type: fc.constant('webhook'),
        url: mostly(fc.constant('https://cmdb.example.com/h'), 'http://insecure', 'https://a b'),
        secretArn: mostly(
          fc.constant('arn:aws:secretsmanager:us-east-1:111111111111:secret:x'),
          'arn:',
        ),
        subject: template,
        body: template,
      },
      { requiredKeys: ['type', 'url', 'secretArn'] },
    ),
    snsTarget(template),
  ),
  { type: 'email' },
);

const eventType = mostly(fc.constantFrom(...NOTIFICATION_TRIGGERS), 'AccountMoved');

const notification = fc.record({ id: ruleId, on: list(eventType, 1), target });

/** One time in ten, a top-level field the schema does not know (a typo of a section). */
const unknownFieldSometimes: fc.Arbitrary<Record<string, Json> | null> = fc.oneof(
  { weight: 9, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('unexpected', 'scpRule', 'Settings'), hostileJson(1))
      .map(([key, value]) => ({ [key]: value })),
  },
);

/**
 * An object shaped like a governance configuration (docs/configuration.md): the real sections, rules and
 * scopes with valid and invalid values mixed, duplicate ids, unknown fields, wrong types.
 *
 * @example
 * ```ts
 * fc.sample(configShaped, 1); // [{ scpRules: [{ id: 'a', policies: ['DenyLeaveOrg'], scope: { type: 'root' } }], … }]
 * ```
 */
export const configShaped: fc.Arbitrary<Json> = fc
  .record(
    {
      settings: mostly(
        fc.record(
          {
            maxScpsPerTarget: mostly(fc.integer({ min: 1, max: 1000 }), 0, 1001, 2.5, '10'),
            includeManagementAccount: mostly(fc.boolean(), 'false'),
          },
          { requiredKeys: [] },
        ),
        null,
      ),
      scpRules: mostly(fc.array(scpRule, { maxLength: 4 }), null, {}),
      assignmentRules: mostly(fc.array(assignmentRule, { maxLength: 4 }), null),
      notifications: mostly(fc.array(notification, { maxLength: 3 }), null),
    },
    { requiredKeys: ['scpRules', 'assignmentRules'] },
  )
  .chain((config) =>
    unknownFieldSometimes.map((extra): Json => (extra === null ? config : { ...config, ...extra })),
  );

/** How a document reaches a parser: as data, as YAML text or as JSON text. */
export type DocumentForm = 'object' | 'yaml' | 'json';

/** One of the three {@link DocumentForm}s. */
export const documentForm: fc.Arbitrary<DocumentForm> = fc.constantFrom('object', 'yaml', 'json');

/**
 * `doc` in the given form, with the source name a parser would get (`.json` for JSON text).
 *
 * @example
 * ```ts
 * asInput({ scpRules: [] }, 'yaml'); // { input: '"scpRules": []\n', source: 'fuzz.yaml' }
 * ```
 */
export function asInput(doc: Json, form: DocumentForm): { input: string | object; source: string } {
  switch (form) {
    case 'object':
      return {
        input: typeof doc === 'object' && doc !== null ? doc : { value: doc },
        source: 'fuzz',
      };
    case 'yaml':
      return { input: toBlockYaml(doc), source: 'fuzz.yaml' };
    case 'json':
      return { input: JSON.stringify(doc), source: 'fuzz.json' };
  }
}
