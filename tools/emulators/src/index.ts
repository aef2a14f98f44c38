/**
 * `@org/emulators`: real local AWS for tests — moto and DynamoDB Local on 127.0.0.1, jest
 * global setup/teardown, SDK clients pointed at them, and seed helpers that build an
 * organization from an org snapshot.
 *
 * @example
 * ```ts
 * // jest.config.cjs: globalSetup: '<rootDir>/test/global-setup.ts' containing
 * export default createGlobalSetup({ moto: true, dynamodb: true });
 * // in a test
 * const moto = createMotoClients();
 * const seeded = await seedSnapshot(moto, snapshot);
 * ```
 */
export * from './errors';
export { findFreePort } from './process/free-port';
export {
  isPidAlive,
  startProcess,
  stopProcess,
  type ManagedProcess,
  type ProcessSpec,
} from './process/managed-process';
export { waitForHttp } from './process/wait-for-http';
export {
  PID_REGISTRY_VARIABLE,
  registeredPids,
  type RegisteredProcess,
} from './process/pid-registry';
export { MOTO_INSTALL_HINT, resetMoto, startMoto, type MotoServer } from './moto/moto-server';
export {
  isSimulatedPolicyType,
  SIMULATED_POLICY_TYPES,
  simulateMissingPolicyTypes,
  type PolicyTypeSimulation,
  type SimulatedPolicyType,
} from './moto/policy-type-simulation';
export {
  DYNAMODB_LOCAL_PACKAGE,
  defaultCacheDir,
  findRepositoryRoot,
  launcherSource,
  prepareDynamoDbLocal,
  type DynamoDbLocalFiles,
} from './dynamodb-local/dynamodb-local-files';
export {
  JAVA_INSTALL_HINT,
  startDynamoDbLocal,
  type DynamoDbLocalServer,
} from './dynamodb-local/dynamodb-local-server';
export { ENDPOINT_VARIABLES, emulatorEndpoint, type EmulatorName } from './jest/endpoints';
export {
  createGlobalSetup,
  globalTeardown,
  runningEmulators,
  type EmulatorSelection,
} from './jest/global-setup';
export {
  actAsMotoAccount,
  createDynamoDbClients,
  createMotoClients,
  randomAccountId,
  type DynamoDbClients,
  type EmulatorClientOptions,
  type MotoClients,
} from './clients/emulator-clients';
export { IdMap } from './seed/id-map';
export { mapLimit } from './seed/map-limit';
export { seedOrganization, type SeededStructure } from './seed/seed-organization';
export { seedIdentityCenter, type SeededIdentityCenter } from './seed/seed-identity-center';
export { seedSnapshot, type SeededSnapshot } from './seed/seed-snapshot';
export { translateConfig } from './seed/translate-config';
export { generateOrgSnapshot, type GeneratedOrgOptions } from './seed/generate-org';
export { TEST_TLS_CERT, TEST_TLS_KEY } from './tls/test-tls';
