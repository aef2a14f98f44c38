import {
  constructEnvironment,
  FUNCTION_VARIABLES,
  functionVariableNames,
  HANDLER_ENV,
  HANDLER_FUNCTIONS,
  HANDLER_VARIABLES,
  HandlerEnvironmentError,
  parseHandlerEnvironment,
} from '../src';

const { region, rulesTable, auditTable, failureTopicArn, stateTable } = HANDLER_ENV;

/** Every variable the notifier requires. */
const NOTIFIER = {
  [region]: 'us-east-1',
  [rulesTable]: 'rules',
  [auditTable]: 'audit',
  [HANDLER_ENV.idempotencyTable]: 'idempotency',
  [failureTopicArn]: 'arn:aws:sns:us-east-1:111111111111:failures',
};

/** Every variable the reconciler requires (the notifier's, idempotency table included). */
const RECONCILER = {
  ...NOTIFIER,
  [stateTable]: 'state',
  [HANDLER_ENV.operationsQueueUrl]: 'q',
};

describe('parseHandlerEnvironment', () => {
  it('reads exactly the notifier’s variables, with the documented defaults', () => {
    expect(
      parseHandlerEnvironment('vending-notifier', {
        ...NOTIFIER,
        [stateTable]: 'not read by the notifier',
      }),
    ).toStrictEqual({
      region: 'us-east-1',
      endpointUrl: undefined,
      rulesTable: 'rules',
      auditTable: 'audit',
      auditRetentionDays: 365,
      failureTopicArn: NOTIFIER[failureTopicArn],
      rulesCacheTtlSeconds: 60,
      metricsNamespace: undefined,
      logLevel: undefined,
      idempotencyTable: 'idempotency',
    });
  });

  it('parses numbers, booleans, choices, patterns and pairs of the reconciler', () => {
    expect(
      parseHandlerEnvironment('reconciler', {
        ...RECONCILER,
        [stateTable]: ' state ',
        [HANDLER_ENV.operationsQueueUrl]: 'https://sqs/queue.fifo',
        [HANDLER_ENV.auditRetentionDays]: '30',
        [HANDLER_ENV.rulesCacheTtlSeconds]: '0',
        [HANDLER_ENV.metricsNamespace]: 'OrgGovernance/Second',
        [HANDLER_ENV.logLevel]: 'debug',
        [HANDLER_ENV.dryRun]: 'TRUE',
        [HANDLER_ENV.ssoRoleArn]: 'arn:aws:iam::222222222222:role/IdentityCenter',
        [HANDLER_ENV.ssoInstanceArn]: 'arn:aws:sso:::instance/ssoins-1',
        [HANDLER_ENV.identityStoreId]: 'd-1234567890',
        [HANDLER_ENV.identityCenterRegion]: 'eu-west-1',
        [HANDLER_ENV.identityCenterRequestsPerSecond]: '15',
        [HANDLER_ENV.organizationsReadsPerSecond]: '4',
      }),
    ).toStrictEqual({
      region: 'us-east-1',
      endpointUrl: undefined,
      rulesTable: 'rules',
      auditTable: 'audit',
      auditRetentionDays: 30,
      failureTopicArn: NOTIFIER[failureTopicArn],
      rulesCacheTtlSeconds: 0,
      metricsNamespace: 'OrgGovernance/Second',
      logLevel: 'DEBUG',
      stateTable: 'state',
      operationsQueueUrl: 'https://sqs/queue.fifo',
      ssoRoleArn: 'arn:aws:iam::222222222222:role/IdentityCenter',
      ssoInstanceArn: 'arn:aws:sso:::instance/ssoins-1',
      identityStoreId: 'd-1234567890',
      identityCenterRegion: 'eu-west-1',
      dryRun: true,
      idempotencyTable: 'idempotency',
      identityCenterRequestsPerSecond: 15,
      identityCenterMaxOutstandingCreates: undefined,
      organizationsReadsPerSecond: 4,
      organizationsWritesPerSecond: undefined,
      tagLedgerTable: undefined,
    });
  });

  /** The problems every function reports for a blank rules table and a fractional retention. */
  const BASE_PROBLEMS = [
    { variable: 'RULES_TABLE', problem: 'is required' },
    { variable: 'AUDIT_TABLE', problem: 'is required' },
    { variable: 'AUDIT_RETENTION_DAYS', problem: 'must be an integer >= 1, got "1.5"' },
    { variable: 'FAILURE_TOPIC_ARN', problem: 'is required' },
  ];
  /** An environment with problems in the base variables, the Identity Center role and pair. */
  const BROKEN = {
    [region]: 'us-east-1',
    [rulesTable]: ' ',
    [HANDLER_ENV.auditRetentionDays]: '1.5',
    [HANDLER_ENV.ssoRoleArn]: 'arn:aws:iam::111111111111:user/sso-admin',
    [HANDLER_ENV.ssoInstanceArn]: 'arn:aws:sso:::instance/ssoins-1',
    [HANDLER_ENV.identityCenterMaxOutstandingCreates]: '0',
  };
  const ROLE_PROBLEM = {
    variable: 'SSO_ROLE_ARN',
    problem: 'must be an IAM role ARN, got "arn:aws:iam::111111111111:user/sso-admin"',
  };
  const PAIR_PROBLEM = {
    variable: 'IDENTITY_STORE_ID',
    problem: 'is required when the other of SSO_INSTANCE_ARN / IDENTITY_STORE_ID is set',
  };

  it.each([
    {
      name: 'operations-worker' as const,
      env: { ...BROKEN, [HANDLER_ENV.logLevel]: 'LOUD', [HANDLER_ENV.statusWaitSeconds]: 'soon' },
      problems: [
        ...BASE_PROBLEMS,
        {
          variable: 'POWERTOOLS_LOG_LEVEL',
          problem: 'must be one of DEBUG, INFO, WARN, ERROR, SILENT, got "LOUD"',
        },
        { variable: 'STATE_TABLE', problem: 'is required' },
        { variable: 'IDEMPOTENCY_TABLE', problem: 'is required' },
        { variable: 'OPERATIONS_QUEUE_URL', problem: 'is required' },
        ROLE_PROBLEM,
        { variable: 'STATUS_WAIT_SECONDS', problem: 'must be a number >= 1, got "soon"' },
        {
          variable: 'IDENTITY_CENTER_MAX_OUTSTANDING_CREATES',
          problem: 'must be an integer >= 1, got "0"',
        },
        { variable: 'OPERATIONS_MAX_RECEIVE_COUNT', problem: 'is required' },
        PAIR_PROBLEM,
      ],
    },
    {
      // The reconciler shares the Identity Center quota: it reads the table and the tunables.
      name: 'reconciler' as const,
      env: { ...BROKEN, [HANDLER_ENV.dryRun]: 'maybe' },
      problems: [
        ...BASE_PROBLEMS,
        { variable: 'STATE_TABLE', problem: 'is required' },
        { variable: 'OPERATIONS_QUEUE_URL', problem: 'is required' },
        ROLE_PROBLEM,
        { variable: 'DRY_RUN', problem: 'must be true or false, got "maybe"' },
        { variable: 'IDEMPOTENCY_TABLE', problem: 'is required' },
        {
          variable: 'IDENTITY_CENTER_MAX_OUTSTANDING_CREATES',
          problem: 'must be an integer >= 1, got "0"',
        },
        PAIR_PROBLEM,
      ],
    },
  ])(
    'lists every problem of the $name at once, naming the function and each variable',
    ({ name, env, problems }) => {
      expect(() => parseHandlerEnvironment(name, env)).toThrow(
        new HandlerEnvironmentError(name, problems),
      );
    },
  );

  it('rejects a region that is not one, a boolean that is not true or false, and half a pair', () => {
    expect(() =>
      parseHandlerEnvironment('reconciler', {
        ...RECONCILER,
        [HANDLER_ENV.dryRun]: 'maybe',
        [HANDLER_ENV.identityStoreId]: 'd-1234567890',
        [HANDLER_ENV.identityCenterRegion]: 'Ireland',
      }),
    ).toThrow(
      'reconciler: invalid environment: ' +
        'IDENTITY_CENTER_REGION must be an AWS region such as eu-west-1, got "Ireland"; ' +
        'DRY_RUN must be true or false, got "maybe"; ' +
        'SSO_INSTANCE_ARN is required when the other of SSO_INSTANCE_ARN / IDENTITY_STORE_ID is set',
    );
  });

  it('carries a stable code and the problems', () => {
    const error = new HandlerEnvironmentError('reconciler', [
      { variable: 'RULES_TABLE', problem: 'is required' },
    ]);
    expect({ code: error.code, name: error.name, message: error.message }).toStrictEqual({
      code: 'HANDLER_ENVIRONMENT_INVALID',
      name: 'HandlerEnvironmentError',
      message: 'reconciler: invalid environment: RULES_TABLE is required',
    });
  });
});

/** What the construct always sets for the processor (the worker: these and its tunables). */
const PROCESSOR_SETS = [
  'RULES_TABLE',
  'AUDIT_TABLE',
  'FAILURE_TOPIC_ARN',
  'STATE_TABLE',
  'IDEMPOTENCY_TABLE',
  'OPERATIONS_QUEUE_URL',
];
/** What the construct always sets for the reconciler. */
const RECONCILER_SETS = [
  'RULES_TABLE',
  'AUDIT_TABLE',
  'FAILURE_TOPIC_ARN',
  'STATE_TABLE',
  'OPERATIONS_QUEUE_URL',
  'IDEMPOTENCY_TABLE',
];

describe('functionVariableNames', () => {
  it('lists what the construct must always set for each function', () => {
    expect(
      Object.fromEntries(
        HANDLER_FUNCTIONS.map((name) => [
          name,
          functionVariableNames(name, { setBy: 'construct', required: true }),
        ]),
      ),
    ).toStrictEqual({
      'org-events-processor': PROCESSOR_SETS,
      'operations-worker': [
        ...PROCESSOR_SETS,
        'STATUS_WAIT_SECONDS',
        'OPERATIONS_MAX_RECEIVE_COUNT',
      ],
      'vending-notifier': ['RULES_TABLE', 'AUDIT_TABLE', 'FAILURE_TOPIC_ARN', 'IDEMPOTENCY_TABLE'],
      reconciler: RECONCILER_SETS,
    });
  });

  it('lists the variables only Lambda or a local run sets', () => {
    expect({
      lambda: functionVariableNames('reconciler', { setBy: 'lambda' }),
      local: functionVariableNames('reconciler', { setBy: 'local' }),
      optional: functionVariableNames('vending-notifier', { required: false }),
    }).toStrictEqual({
      lambda: ['AWS_REGION'],
      local: ['AWS_ENDPOINT_URL'],
      optional: [
        'AWS_ENDPOINT_URL',
        'AUDIT_RETENTION_DAYS',
        'RULES_CACHE_TTL_SECONDS',
        'POWERTOOLS_METRICS_NAMESPACE',
        'POWERTOOLS_LOG_LEVEL',
      ],
    });
  });

  it('gives the tag ledger table to the functions that plan accountTag rules (optional)', () => {
    expect(
      Object.fromEntries(
        HANDLER_FUNCTIONS.map((name) => [
          name,
          functionVariableNames(name, { required: false }).includes(HANDLER_ENV.tagLedgerTable),
        ]),
      ),
    ).toStrictEqual({
      'org-events-processor': true,
      'operations-worker': true,
      'vending-notifier': false,
      reconciler: true,
    });
  });

  it('every variable is read by some function, and every name is written once', () => {
    const read = new Set(Object.values(FUNCTION_VARIABLES).flat());
    const names = Object.values(HANDLER_VARIABLES).map((spec) => spec.name);
    expect({
      unread: Object.keys(HANDLER_VARIABLES).filter((key) => !read.has(key as never)),
      duplicates: names.filter((name, index) => names.indexOf(name) !== index),
      env: Object.values(HANDLER_ENV),
    }).toStrictEqual({ unread: [], duplicates: [], env: names });
  });
});

describe('constructEnvironment', () => {
  it('sets only the variables a function reads, and optional ones only when given', () => {
    const values = {
      rulesTable: 'rules',
      stateTable: 'state',
      auditTable: 'audit',
      idempotencyTable: 'idempotency',
      operationsQueueUrl: 'queue',
      failureTopicArn: 'topic',
      statusWaitSeconds: '60',
      operationsMaxReceiveCount: '5',
      dryRun: 'true',
      tagLedgerTable: 'ledger',
    };
    expect({
      notifier: constructEnvironment('vending-notifier', values),
      reconciler: Object.keys(constructEnvironment('reconciler', values)),
    }).toStrictEqual({
      notifier: {
        RULES_TABLE: 'rules',
        AUDIT_TABLE: 'audit',
        FAILURE_TOPIC_ARN: 'topic',
        IDEMPOTENCY_TABLE: 'idempotency',
      },
      reconciler: [
        'RULES_TABLE',
        'AUDIT_TABLE',
        'FAILURE_TOPIC_ARN',
        'STATE_TABLE',
        'OPERATIONS_QUEUE_URL',
        'DRY_RUN',
        'IDEMPOTENCY_TABLE',
        'TAG_LEDGER_TABLE',
      ],
    });
  });
});
