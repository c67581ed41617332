import { Platform1763860000000 } from './1763860000000-platform';
import { Courses1763880000000 } from './1763880000000-courses';
import { Circles1763900000000 } from './1763900000000-circles';

/** Every migration, oldest first. The API is bundled, so they are listed here, not globbed. */
export const MIGRATIONS = [Platform1763860000000, Courses1763880000000, Circles1763900000000];
