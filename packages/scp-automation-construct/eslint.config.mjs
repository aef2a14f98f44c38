import { projectConfig } from '../../eslint.config.mjs';

// Pre-bundled Lambda code produced by `nx run handlers:bundle`.
export default projectConfig({ ignores: ['assets/**'] });
