/**
 * The construct sets exactly the variables each handler reads: both sides come from the
 * contract's `FUNCTION_VARIABLES`, and the synthesized functions are checked against it — the
 * required ones always, the optional ones when configured, nothing a handler does not read.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  functionVariableNames,
  HANDLER_ENV,
  HANDLER_FUNCTIONS,
  type HandlerFunctionName,
} from '@org/contracts';
import { HandlerLogLevel, OrgGovernance } from '../src';
import { FULL_CONFIG } from './support/governance-config';
import { MANAGEMENT_ACCOUNT, synthGovernance, type SynthesizedGovernance } from './support/synth';

/** Every optional setting that becomes a variable, configured. */
const CONFIGURED = {
  ssoInstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
  identityStoreId: 'd-1234567890',
  identityCenterRoleArn: 'arn:aws:iam::222222222222:role/OrgGovernanceIdentityCenter',
  // Not the stack's region (us-east-1): the functions call Identity Center there.
  identityCenterRegion: 'eu-west-1',
  reconcileDryRun: true,
  logLevel: HandlerLogLevel.DEBUG,
  auditRetention: Duration.days(30),
  rulesCacheTtl: Duration.seconds(15),
  assignmentStatusFirstPoll: Duration.millis(500),
  identityCenterRequestsPerSecond: 10,
  identityCenterMaxOutstandingCreates: 4,
  organizationsReadsPerSecond: 4,
  organizationsWritesPerSecond: 1,
  metricsNamespace: 'OrgGovernance/Configured',
};

const FUNCTIONS: Readonly<Record<HandlerFunctionName, (g: OrgGovernance) => lambda.IFunction>> = {
  'org-events-processor': (g) => g.orgEventsProcessor,
  'operations-worker': (g) => g.operationsWorker,
  'vending-notifier': (g) => g.vendingNotifier,
  reconciler: (g) => g.reconciler,
};

/** The synthesized environment variables of one function. */
function variablesOf(synth: SynthesizedGovernance, name: HandlerFunctionName) {
  const fn = FUNCTIONS[name](synth.governance);
  const logicalId = synth.stack.getLogicalId(fn.node.defaultChild as never);
  const resource = synth.template.toJSON().Resources[logicalId] as {
    Properties: { Environment?: { Variables?: Record<string, unknown> } };
  };
  return resource.Properties.Environment?.Variables ?? {};
}

let plain: SynthesizedGovernance;
let configured: SynthesizedGovernance;
beforeAll(() => {
  plain = synthGovernance();
  configured = synthGovernance(CONFIGURED);
});

describe.each(HANDLER_FUNCTIONS)('%s', (name) => {
  it("gets exactly the required variables it reads, the always-created tag ledger table and the product's own roles, when nothing optional is configured", () => {
    const ledger = functionVariableNames(name, { setBy: 'construct' }).filter(
      (variable) =>
        variable === HANDLER_ENV.tagLedgerTable || variable === HANDLER_ENV.productRoleArns,
    );
    expect(Object.keys(variablesOf(plain, name)).sort()).toStrictEqual(
      [...functionVariableNames(name, { setBy: 'construct', required: true }), ...ledger].sort(),
    );
  });

  it('gets every construct-set variable it reads when everything is configured', () => {
    expect(Object.keys(variablesOf(configured, name)).sort()).toStrictEqual(
      functionVariableNames(name, { setBy: 'construct' }).sort(),
    );
  });
});

it('gives the processor, the worker and the reconciler the same Organizations rates (one shared budget), and the notifier none', () => {
  const rates = (name: HandlerFunctionName) => {
    const variables = variablesOf(configured, name);
    return [
      variables[HANDLER_ENV.organizationsReadsPerSecond],
      variables[HANDLER_ENV.organizationsWritesPerSecond],
    ];
  };
  expect(Object.fromEntries(HANDLER_FUNCTIONS.map((name) => [name, rates(name)]))).toStrictEqual({
    'org-events-processor': ['4', '1'],
    'operations-worker': ['4', '1'],
    'vending-notifier': [undefined, undefined],
    reconciler: ['4', '1'],
  });
});

it('formats the configured tunables in the units the worker reads', () => {
  const worker = variablesOf(configured, 'operations-worker');
  expect({
    [HANDLER_ENV.auditRetentionDays]: worker[HANDLER_ENV.auditRetentionDays],
    [HANDLER_ENV.rulesCacheTtlSeconds]: worker[HANDLER_ENV.rulesCacheTtlSeconds],
    [HANDLER_ENV.statusFirstPollMs]: worker[HANDLER_ENV.statusFirstPollMs],
    [HANDLER_ENV.identityCenterRequestsPerSecond]:
      worker[HANDLER_ENV.identityCenterRequestsPerSecond],
    [HANDLER_ENV.identityCenterMaxOutstandingCreates]:
      worker[HANDLER_ENV.identityCenterMaxOutstandingCreates],
    [HANDLER_ENV.logLevel]: worker[HANDLER_ENV.logLevel],
    [HANDLER_ENV.ssoRoleArn]: worker[HANDLER_ENV.ssoRoleArn],
  }).toStrictEqual({
    AUDIT_RETENTION_DAYS: '30',
    RULES_CACHE_TTL_SECONDS: '15',
    STATUS_FIRST_POLL_MS: '500',
    IDENTITY_CENTER_REQUESTS_PER_SECOND: '10',
    IDENTITY_CENTER_MAX_OUTSTANDING_CREATES: '4',
    POWERTOOLS_LOG_LEVEL: 'DEBUG',
    SSO_ROLE_ARN: CONFIGURED.identityCenterRoleArn,
  });
});

it('rejects out-of-range tunables, every one in the same error', () => {
  expect(() =>
    synthGovernance({
      assignmentStatusFirstPoll: Duration.seconds(61),
      identityCenterRequestsPerSecond: 25,
      identityCenterMaxOutstandingCreates: 0,
      rulesCacheTtl: Duration.hours(2),
    }),
  ).toThrow(
    [
      'assignmentStatusFirstPoll must be whole milliseconds from 0 to 60000, got 61000 ms',
      "identityCenterRequestsPerSecond must be from 0.1 to 20 (the Identity Center instance's quota), got 25",
      'identityCenterMaxOutstandingCreates must be an integer from 1 to 10 (Identity Center allows 10 outstanding assignment creations), got 0',
      'rulesCacheTtl must be whole seconds from 0 to 3600, got 7200 s',
    ].join('\n  - '),
  );
});

describe('IDENTITY_CENTER_REGION', () => {
  /** `IDENTITY_CENTER_REGION` of every function of a governance stack. */
  const regionsOf = (synth: SynthesizedGovernance) =>
    Object.fromEntries(
      HANDLER_FUNCTIONS.map((name) => [
        name,
        variablesOf(synth, name)[HANDLER_ENV.identityCenterRegion],
      ]),
    );

  it("is Identity Center's home region for the functions that call it, when that is not the stack's", () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'Frankfurt', {
      env: { account: MANAGEMENT_ACCOUNT, region: 'eu-central-1' },
    });
    const governance = new OrgGovernance(stack, 'OrgGovernance', {
      governanceConfig: FULL_CONFIG,
      identityCenterRegion: 'eu-west-1',
    });
    expect(
      regionsOf({ app, stack, governance, template: Template.fromStack(stack) }),
    ).toStrictEqual({
      'org-events-processor': 'eu-west-1',
      'operations-worker': 'eu-west-1',
      'vending-notifier': undefined,
      reconciler: 'eu-west-1',
    });
  });

  it("is left unset when Identity Center's home region is the stack's (the functions' own)", () => {
    expect(regionsOf(synthGovernance({ identityCenterRegion: 'us-east-1' }))).toStrictEqual({
      'org-events-processor': undefined,
      'operations-worker': undefined,
      'vending-notifier': undefined,
      reconciler: undefined,
    });
  });
});
