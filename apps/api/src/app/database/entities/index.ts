import { Cohort } from './cohort.entity';
import { Municipality } from './municipality.entity';
import { OneTimeToken } from './one-time-token.entity';
import { User } from './user.entity';
import { UserSession } from './user-session.entity';
import { Village } from './village.entity';

export { Cohort, Municipality, OneTimeToken, User, UserSession, Village };
export { personStatus } from './user.entity';
export type { OneTimeTokenKind } from './one-time-token.entity';

export const ENTITIES = [Municipality, Village, Cohort, User, UserSession, OneTimeToken];
