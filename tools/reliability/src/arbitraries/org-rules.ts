import { NOTIFICATION_TRIGGERS } from '@org/event-schemas';
import { unknownPlaceholders } from '@org/scope-engine';
import * as fc from 'fast-check';
import { snsTarget } from './sns-target';
import { hostileString } from './hostile-strings';
import { trustedTagPrincipals } from './tag-trust';
import {
  ACCOUNT_IDS,
  OU_IDS,
  PERMISSION_SETS,
  POLICIES,
  PRINCIPALS,
  TAG_KEYS,
  TAG_VALUES,
} from './org-world';

const scope = fc.oneof(
  fc.constant({ type: 'root' }),
  fc.record({
    type: fc.constant('ou'),
    id: fc.constantFrom(...OU_IDS),
    includeDescendants: fc.boolean(),
  }),
  fc.record({ type: fc.constant('account'), id: fc.constantFrom(...ACCOUNT_IDS) }),
  fc.record(
    {
      type: fc.constant('accountTag'),
      key: fc.constantFrom(...TAG_KEYS),
      value: fc.constantFrom(...TAG_VALUES),
    },
    { requiredKeys: ['type', 'key'] },
  ),
);

const exclude = fc.record({
  accounts: fc.uniqueArray(fc.constantFrom(...ACCOUNT_IDS), { maxLength: 2 }),
  ous: fc.uniqueArray(fc.constantFrom(...OU_IDS), { maxLength: 1 }),
});

/** Policy references: by name or id, some that the snapshot may not have (`Missing`). */
const policyRef = fc.constantFrom(
  ...POLICIES.flatMap((p) => [p.id, p.name]),
  'Missing',
  'p-zzzzzzz9',
);

const principalRef = fc.oneof(
  fc.constantFrom(...PRINCIPALS).map((p) => ({ type: p.type, name: p.name })),
  fc.constantFrom(...PRINCIPALS).map((p) => ({ type: p.type, id: p.id })),
  fc.constant({ type: 'GROUP', name: 'NoSuchGroup' }),
);

/** Control characters other than tab and line breaks: a configuration refuses them in templates. */
const CONTROL_EXCEPT_LINE_BREAKS = /(?![\t\n\r])[\p{Cc}\p{Cs}]/gu;

/** A template mixing every placeholder, literal braces and hostile text. */
const template = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '{accountId}',
        '{accountName}',
        '{ouId}',
        '{ouName}',
        '{eventName}',
        ' {',
        '} ',
        '{{accountId}}',
      ),
      fc.stringMatching(/^[A-Za-z :-]{1,8}$/),
      hostileString.filter((s) => !/\{[^{}\s]*\}/.test(s)),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join('').replace(CONTROL_EXCEPT_LINE_BREAKS, '?'))
  .filter((t) => t.trim().length > 0 && unknownPlaceholders(t).length === 0);

/** The longest each placeholder renders as (the AWS limits the configuration checks against). */
const LONGEST: Readonly<Record<string, number>> = {
  accountId: 12,
  accountName: 50,
  ouId: 68,
  ouName: 128,
  eventName: 25,
};
/** The longest `template` can render. */
const longestRendering = (template: string) =>
  template.replace(/\{([^{}\s]*)\}/g, (whole, name: string) =>
    'x'.repeat(LONGEST[name] ?? whole.length),
  ).length;
/** A one-line template that renders within `max` characters (a subject the target accepts). */
const subject = (max: number) =>
  template.map((t) => t.replace(/[\r\n]/g, ' ')).filter((t) => longestRendering(t) <= max);

const on = fc.uniqueArray(fc.constantFrom(...NOTIFICATION_TRIGGERS), {
  minLength: 1,
  maxLength: 4,
});

const target = fc.oneof(
  fc.record({
    type: fc.constant('supportCase'),
    subject: subject(250),
    body: template,
    serviceCode: fc.constant('service-ams-operations-service-request'),
    categoryCode: fc.constant('onboarding-or-offboarding'),
    severityCode: fc.constant('low'),
  }),
  fc.record(
    {
      type: fc.constant('webhook'),
      url: fc.constant('https://cmdb.example.com/hooks/accounts'),
      secretArn: fc.constant('arn:aws:secretsmanager:us-east-1:111111111111:secret:hook'),
      subject: template,
      body: template,
    },
    { requiredKeys: ['type', 'url', 'secretArn'] },
  ),
  snsTarget(subject(100)),
);

/**
 * A valid governance configuration document (docs/configuration.md) over the pools of `org-world.ts`: rules of
 * every scope type with exclusions, references that may not resolve, small SCP limits (so
 * `ScpLimitExceeded` happens), trusted tag principals or none, and notifications with
 * placeholder-heavy templates.
 *
 * @example
 * ```ts
 * const config = parseGovernanceConfig(fc.sample(governanceConfigDocument, 1)[0]);
 * ```
 */
export const governanceConfigDocument = fc
  .record({
    settings: fc.record(
      {
        maxScpsPerTarget: fc.integer({ min: 1, max: 5 }),
        includeManagementAccount: fc.boolean(),
        trustedTagPrincipals,
      },
      { requiredKeys: ['maxScpsPerTarget', 'includeManagementAccount'] },
    ),
    scp: fc.array(
      fc.record({
        policies: fc.uniqueArray(policyRef, { minLength: 1, maxLength: 3 }),
        scope,
        exclude,
      }),
      { maxLength: 4 },
    ),
    assignment: fc.array(
      fc.record({
        permissionSet: fc.constantFrom(
          ...PERMISSION_SETS.flatMap((p) => [p.name, p.arn]),
          'NoSuchSet',
        ),
        principal: principalRef,
        scope,
        exclude,
      }),
      { maxLength: 4 },
    ),
    notifications: fc.array(fc.record({ on, target }), { maxLength: 3 }),
  })
  .map((c) => ({
    settings: c.settings,
    scpRules: c.scp.map((rule, i) => ({ id: `r${i}`, ...rule })),
    assignmentRules: c.assignment.map((rule, i) => ({ id: `a${i}`, ...rule })),
    notifications: c.notifications.map((n, i) => ({ id: `n${i}`, ...n })),
  }));
