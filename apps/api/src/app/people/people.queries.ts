import { Brackets, type Repository } from 'typeorm';
import type { Scope } from '../access/access-policy';
import { likePattern, pageWindow } from '../common/pagination';
import type { User } from '../database/entities';
import type { PeopleQueryDto } from './person.dto';

/**
 * One page of the people a caller may see (their scope, and always themselves), filtered and
 * ordered by name, with the total.
 */
export function findPeople(
  users: Repository<User>,
  scope: Scope,
  meId: string,
  query: PeopleQueryDto,
): Promise<[User[], number]> {
  const qb = users
    .createQueryBuilder('u')
    .leftJoinAndSelect('u.municipality', 'm')
    .leftJoinAndSelect('u.village', 'v');
  const me = { me: meId };
  switch (scope.kind) {
    case 'all':
      break;
    case 'municipality':
      qb.andWhere('(u.municipalityId = :scopeMunicipality OR u.id = :me)', {
        ...me,
        scopeMunicipality: scope.municipalityId,
      });
      break;
    case 'village':
      qb.andWhere('(u.villageId = :scopeVillage OR u.id = :me)', {
        ...me,
        scopeVillage: scope.villageId,
      });
      break;
    default:
      qb.andWhere('u.id = :me', me);
  }
  if (query.role) qb.andWhere('u.role = :role', { role: query.role });
  if (query.municipalityId) {
    qb.andWhere('u.municipalityId = :municipalityId', { municipalityId: query.municipalityId });
  }
  if (query.villageId) qb.andWhere('u.villageId = :villageId', { villageId: query.villageId });
  if (query.q) {
    const q = likePattern(query.q);
    qb.andWhere(
      new Brackets((w) => w.where('u.name ILIKE :q', { q }).orWhere('u.email ILIKE :q', { q })),
    );
  }
  const { skip, take } = pageWindow(query);
  return qb
    .orderBy('u.name', 'ASC')
    .addOrderBy('u.id', 'ASC')
    .offset(skip)
    .limit(take)
    .getManyAndCount();
}
