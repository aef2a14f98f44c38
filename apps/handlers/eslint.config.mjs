import { projectConfig } from '../../eslint.config.mjs';

// Scratch output (git-ignored).
export default projectConfig({ ignores: ['tmp/**'] });
