import type { SessionUser } from '@blup/contracts';
import type { User } from '../database/entities';

/** The signed-in person, as the guard attaches it to the request. */
export type AuthUser = Pick<
  User,
  | 'id'
  | 'email'
  | 'name'
  | 'role'
  | 'locale'
  | 'municipalityId'
  | 'villageId'
  | 'coordinationGroup'
  | 'learnerKind'
> & {
  municipalityName: string | null;
  villageName: string | null;
  /** The session this request came with. */
  sessionId: string;
};

export function toSessionUser(user: Omit<AuthUser, 'sessionId'>): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    municipalityId: user.municipalityId,
    municipalityName: user.municipalityName,
    villageId: user.villageId,
    villageName: user.villageName,
    coordinationGroup: user.coordinationGroup,
    learnerKind: user.learnerKind,
  };
}

/** The same shape from a User loaded with its municipality and village. */
export function sessionUserFromEntity(user: User): SessionUser {
  return toSessionUser({
    ...user,
    municipalityName: user.municipality?.name ?? null,
    villageName: user.village?.name ?? null,
  });
}
