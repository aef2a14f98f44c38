/**
 * The pipeline: asynchronous use-cases on ports, shared by the Lambda handlers and the CLI —
 * process an event, execute a queued operation, reconcile, apply rules, notify. No AWS SDK
 * here: `@org/aws-adapters` implements the ports; in-memory implementations serve tests,
 * benchmarks and single-process runs.
 */
export * from './clock';
export * from './errors';
export * from './failure-reporter';
export * from './map-limit';
export * from './quota';
export * from './rules';
export * from './state';
export * from './execute';
export * from './process';
export * from './reconcile';
export * from './notify';
export * from './in-memory';
