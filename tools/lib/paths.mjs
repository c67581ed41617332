// Well-known paths, all absolute and relative to the repository root.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const API_MAIN = join(ROOT, 'dist/apps/api/main.js');
export const WEB_DIST = 'dist/apps/web/browser'; // relative: the API runs with cwd = ROOT
export const DATA_DIR = join(ROOT, '.data');
