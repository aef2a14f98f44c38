/** Starts moto and DynamoDB Local on free 127.0.0.1 ports for the whole test run. */
import { createGlobalSetup } from '@org/emulators';

export default createGlobalSetup({ moto: true, dynamodb: true });
