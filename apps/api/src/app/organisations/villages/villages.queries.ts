import type { Repository } from 'typeorm';
import type { Scope } from '../../access/access-policy';
import { likePattern, pageWindow } from '../../common/pagination';
import type { User, Village } from '../../database/entities';
import type { VillageQueryDto } from './village.dto';

/**
 * One page of the villages in the scope, with their municipality and cohort, filtered and
 * ordered by name, with the total. Learners (and anyone without a village or municipality to
 * coordinate) see none.
 */
export async function findVillages(
  villages: Repository<Village>,
  scope: Scope,
  query: VillageQueryDto,
): Promise<[Village[], number]> {
  const qb = villages
    .createQueryBuilder('v')
    .innerJoinAndSelect('v.municipality', 'm')
    .leftJoinAndSelect('v.cohort', 'c');
  switch (scope.kind) {
    case 'all':
      break;
    case 'municipality':
      qb.andWhere('v.municipalityId = :scopeMunicipality', {
        scopeMunicipality: scope.municipalityId,
      });
      break;
    case 'village':
      qb.andWhere('v.id = :scopeVillage', { scopeVillage: scope.villageId });
      break;
    default:
      return [[], 0];
  }
  if (query.q) qb.andWhere('v.name ILIKE :q', { q: likePattern(query.q) });
  if (query.municipalityId) {
    qb.andWhere('v.municipalityId = :municipalityId', { municipalityId: query.municipalityId });
  }
  if (query.cohortId) qb.andWhere('v.cohortId = :cohortId', { cohortId: query.cohortId });
  const { skip, take } = pageWindow(query);
  return qb
    .orderBy('v.name', 'ASC')
    .addOrderBy('v.id', 'ASC')
    .offset(skip)
    .limit(take)
    .getManyAndCount();
}

/** How many people each of the villages has (villages without people are left out). */
export function countMembers(
  users: Repository<User>,
  villageIds: string[],
): Promise<{ id: string; count: number }[]> {
  return users
    .createQueryBuilder('u')
    .select('u.village_id', 'id')
    .addSelect('COUNT(*)::int', 'count')
    .where('u.village_id IN (:...ids)', { ids: villageIds })
    .groupBy('u.village_id')
    .getRawMany<{ id: string; count: number }>();
}
