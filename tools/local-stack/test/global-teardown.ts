/** Stops the emulators by PID and fails the run if any is left running. */
export { globalTeardown as default } from '@org/emulators';
