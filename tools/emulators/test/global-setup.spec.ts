import {
  createGlobalSetup,
  emulatorEndpoint,
  ENDPOINT_VARIABLES,
  globalTeardown,
  isPidAlive,
  runningEmulators,
  startMoto,
} from '../src';

jest.setTimeout(120_000);

describe('createGlobalSetup / globalTeardown', () => {
  afterEach(async () => {
    await globalTeardown();
    delete process.env[ENDPOINT_VARIABLES.moto];
  });

  it('publishes the endpoint, and teardown stops the process and clears it', async () => {
    await createGlobalSetup({ moto: true })();
    const endpoint = emulatorEndpoint('moto');
    const answer = await fetch(`${endpoint}/moto-api/`);
    await answer.body?.cancel();
    const pidsBefore = runningEmulators().map((emulator) => emulator.pid);
    await globalTeardown();
    expect({
      host: new URL(endpoint).hostname,
      status: answer.status,
      started: pidsBefore.length,
      alive: pidsBefore.map(isPidAlive),
      variable: process.env[ENDPOINT_VARIABLES.moto],
    }).toStrictEqual({
      host: '127.0.0.1',
      status: 200,
      started: 1,
      alive: [false],
      variable: undefined,
    });
  });

  it('kills and reports an emulator a test started and never stopped', async () => {
    await createGlobalSetup({})();
    const forgotten = await startMoto();
    const pid = forgotten.process.pid;
    await expect(globalTeardown()).rejects.toMatchObject({
      code: 'EmulatorLeak',
      message: `Tests left emulators running (killed now): moto (PID ${pid})`,
    });
    await forgotten.process.exited;
    expect(isPidAlive(pid)).toBe(false);
  });

  it('explains how to run tests when the endpoint is missing', () => {
    expect(() => emulatorEndpoint('dynamodb')).toThrow(
      'ORG_EMULATORS_DYNAMODB_ENDPOINT is not set: run the tests through jest with globalSetup from @org/emulators (e.g. npx nx run aws-adapters:test)',
    );
  });
});
