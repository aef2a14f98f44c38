import { join } from 'node:path';

/** Absolute path of the repository root (two levels above this project). */
export const workspaceRoot = join(__dirname, '..', '..', '..');
