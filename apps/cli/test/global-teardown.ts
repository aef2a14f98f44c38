/** Stops the emulators by PID and fails the run if any process is left. */
export { globalTeardown as default } from '@org/emulators';
