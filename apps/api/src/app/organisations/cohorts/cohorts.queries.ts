import type { Repository } from 'typeorm';
import type { Scope } from '../../access/access-policy';
import { likePattern, pageWindow, type PageQueryDto } from '../../common/pagination';
import type { Cohort } from '../../database/entities';

/**
 * One page of the cohorts holding a village in the scope (all of them for the secretariat),
 * newest first, with the total; none for a scope without villages.
 */
export async function findCohorts(
  cohorts: Repository<Cohort>,
  scope: Scope,
  query: PageQueryDto,
): Promise<[Cohort[], number]> {
  const qb = cohorts.createQueryBuilder('c');
  switch (scope.kind) {
    case 'all':
      break;
    case 'municipality':
      qb.andWhere(
        'EXISTS (SELECT 1 FROM villages sv WHERE sv.cohort_id = c.id AND sv.municipality_id = :scopeMunicipality)',
        { scopeMunicipality: scope.municipalityId },
      );
      break;
    case 'village':
      qb.andWhere(
        'EXISTS (SELECT 1 FROM villages sv WHERE sv.cohort_id = c.id AND sv.id = :scopeVillage)',
        { scopeVillage: scope.villageId },
      );
      break;
    default:
      return [[], 0];
  }
  if (query.q) qb.andWhere('c.name ILIKE :q', { q: likePattern(query.q) });
  const { skip, take } = pageWindow(query);
  return qb
    .orderBy('c.startDate', 'DESC')
    .addOrderBy('c.name', 'ASC')
    .addOrderBy('c.id', 'ASC')
    .offset(skip)
    .limit(take)
    .getManyAndCount();
}
