import { projectConfig } from '../../eslint.config.mjs';

export default projectConfig({
  pure: true,
  ignoredFiles: ['{projectRoot}/bench/**/*'],
  // Benchmarks are a tool, not part of the published engine: they may spawn the CLI and write
  // temporary files (the engine itself may not).
  extra: [{ files: ['bench/**/*.ts'], rules: { '@nx/enforce-module-boundaries': 'off' } }],
});
