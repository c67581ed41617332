import type { ObjectLiteral, Repository } from 'typeorm';

export interface NameScope {
  /** The row being renamed, which may keep its own name. */
  exceptId?: string;
  /** Names are unique only among rows with these property values (e.g. a village's municipalityId). */
  within?: Record<string, string>;
}

/**
 * Whether another row already has this name, compared as the unique indexes do (`lower(name)`).
 * Asking first keeps the common 409 out of the database's error log; `orConflict` still
 * catches the race where two requests take the same name at once.
 */
export function nameTaken<T extends ObjectLiteral>(
  repo: Repository<T>,
  name: string,
  scope: NameScope = {},
): Promise<boolean> {
  const qb = repo.createQueryBuilder('x').where('lower(x.name) = lower(:name)', { name });
  if (scope.exceptId) qb.andWhere('x.id <> :exceptId', { exceptId: scope.exceptId });
  for (const [property, value] of Object.entries(scope.within ?? {})) {
    qb.andWhere(`x.${property} = :${property}`, { [property]: value });
  }
  return qb.getExists();
}
