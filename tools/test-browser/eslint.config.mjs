import { projectConfig } from '../../eslint.config.mjs';

export default projectConfig({
  // Resolved by name (require.resolve) and imported in a child process, so not seen.
  ignoredDependencies: ['@sparticuz/chromium'],
});
