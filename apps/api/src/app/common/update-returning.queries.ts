import type { EntityManager } from 'typeorm';

/**
 * Rows an `UPDATE … RETURNING` gave back. (TypeORM's query() answers an UPDATE with
 * `[rows, affected]` rather than the rows.)
 */
export async function updateReturning<T extends object[]>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T> {
  const result: unknown = await em.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T;
  }
  return result as T;
}
