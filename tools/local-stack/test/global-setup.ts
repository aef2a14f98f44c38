/** Starts moto on a free 127.0.0.1 port for the whole test run (the end-to-end tests). */
import { createGlobalSetup } from '@org/emulators';

export default createGlobalSetup({ moto: true });
