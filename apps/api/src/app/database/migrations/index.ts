import { Platform1763860000000 } from './1763860000000-platform';
import { Courses1763880000000 } from './1763880000000-courses';
import { Circles1763900000000 } from './1763900000000-circles';
import { CitizenPanel1763910000000 } from './1763910000000-citizen-panel';
import { Newsletters1763920000000 } from './1763920000000-newsletters';
import { Enrolment1763940000000 } from './1763940000000-enrolment';
import { Applications1763950000000 } from './1763950000000-applications';
import { SessionCancelNotices1763960000000 } from './1763960000000-session-cancel-notices';
import { VillageGoals1763970000000 } from './1763970000000-village-goals';
import { SdgTargets1763980000000 } from './1763980000000-sdg-targets';
import { Initiatives1763990000000 } from './1763990000000-initiatives';
import { VillageDocuments1764000000000 } from './1764000000000-village-documents';
import { AuthNotify1764050000000 } from './1764050000000-auth-notify';
import { GoalOwner1764010000000 } from './1764010000000-goal-owner';
import { Ideas1764070000000 } from './1764070000000-ideas';
import { IdeaSourceQuestion1764080000000 } from './1764080000000-idea-source-question';
import { Surveys1764060000000 } from './1764060000000-surveys';
import { Gatherings1764090000000 } from './1764090000000-gatherings';
import { Hotline1764100000000 } from './1764100000000-hotline';
import { Library1764110000000 } from './1764110000000-library';
import { Files1764130000000 } from './1764130000000-files';
import { Privacy1764120000000 } from './1764120000000-privacy';
import { IdeaVersions1764140000000 } from './1764140000000-idea-versions';
import { GatheringUpdatedBy1764150000000 } from './1764150000000-gathering-updated-by';

/** Every migration, oldest first. The API is bundled, so they are listed here, not globbed. */
export const MIGRATIONS = [
  Platform1763860000000,
  Courses1763880000000,
  Circles1763900000000,
  CitizenPanel1763910000000,
  Newsletters1763920000000,
  Enrolment1763940000000,
  Applications1763950000000,
  SessionCancelNotices1763960000000,
  VillageGoals1763970000000,
  SdgTargets1763980000000,
  Initiatives1763990000000,
  VillageDocuments1764000000000,
  GoalOwner1764010000000,
  AuthNotify1764050000000,
  Surveys1764060000000,
  Ideas1764070000000,
  IdeaSourceQuestion1764080000000,
  Gatherings1764090000000,
  Hotline1764100000000,
  Library1764110000000,
  Privacy1764120000000,
  Files1764130000000,
  IdeaVersions1764140000000,
  GatheringUpdatedBy1764150000000,
];
