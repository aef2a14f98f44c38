import { projectConfig } from '../../eslint.config.mjs';

// Bundles written by tools/scripts/run-ts.mjs (git-ignored).
export default projectConfig({ ignores: ['tmp/**'] });
