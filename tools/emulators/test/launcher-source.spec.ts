import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRepositoryRoot, launcherSource } from '../src';

describe('launcherSource (the DynamoDB Local launcher compiled on first use)', () => {
  const root = findRepositoryRoot(__dirname);

  it.each([
    ['the emulators source', join(root, 'tools', 'emulators', 'src', 'dynamodb-local')],
    ['a bundle npm run chaos runs', join(root, 'tools', 'chaos', 'tmp')],
    ['a bundle npm start runs', join(root, 'tools', 'scripts', 'tmp')],
  ])('names the Java file that exists from %s', (_where, from) => {
    const source = launcherSource(from);
    expect({ source, exists: existsSync(source) }).toStrictEqual({
      source: join(root, 'tools', 'emulators', 'java', 'LoopbackDynamoDbLocal.java'),
      exists: true,
    });
  });
});
