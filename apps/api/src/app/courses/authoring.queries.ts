import type { DataSource, EntityManager } from 'typeorm';
import { CourseAccess } from '../database/entities';

type Db = DataSource | EntityManager;

/** A table whose rows are ordered by `position` within a parent, and the parent's column. */
export type Ordered =
  { table: 'course_modules'; parent: 'course_id' } | { table: 'lessons'; parent: 'module_id' };

export const MODULES_OF_COURSE: Ordered = { table: 'course_modules', parent: 'course_id' };
export const LESSONS_OF_MODULE: Ordered = { table: 'lessons', parent: 'module_id' };

/** The position after the last course. */
export async function nextCoursePosition(tx: EntityManager): Promise<number> {
  const [{ next }] = await tx.query<{ next: number }[]>(
    `SELECT coalesce(max(position) + 1, 0)::int AS next FROM courses`,
  );
  return next;
}

/** The position after the parent's last module or lesson. */
export async function nextPosition(
  tx: EntityManager,
  { table, parent }: Ordered,
  parentId: string,
): Promise<number> {
  const [{ next }] = await tx.query<{ next: number }[]>(
    `SELECT coalesce(max(position) + 1, 0)::int AS next FROM ${table} WHERE ${parent} = $1`,
    [parentId],
  );
  return next;
}

/** Locks a course or module row until the transaction ends; false when there is none. */
export async function lockRow(
  tx: EntityManager,
  table: 'courses' | 'course_modules',
  id: string,
): Promise<boolean> {
  const rows = await tx.query<unknown[]>(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  return rows.length > 0;
}

/** The course a module belongs to, or null when there is no such module. */
export async function courseOfModule(tx: EntityManager, moduleId: string): Promise<string | null> {
  const [module] = await tx.query<{ course_id: string }[]>(
    `SELECT course_id FROM course_modules WHERE id = $1`,
    [moduleId],
  );
  return module?.course_id ?? null;
}

/** The name of the first offering for this module (a mini-BLUP), or null. */
export async function firstOfferingOfModule(
  tx: EntityManager,
  moduleId: string,
): Promise<string | null> {
  const [offering] = await tx.query<{ name: string }[]>(
    `SELECT name FROM offerings WHERE module_id = $1 ORDER BY created_at LIMIT 1`,
    [moduleId],
  );
  return offering?.name ?? null;
}

/** The stored files of a module's lessons: resources and caption tracks. */
export async function fileKeysOfModule(tx: EntityManager, moduleId: string): Promise<string[]> {
  const files = await tx.query<{ key: string }[]>(
    `SELECT resource_file_key AS key FROM lessons
      WHERE module_id = $1 AND resource_file_key IS NOT NULL
     UNION ALL
     SELECT c->>'fileKey' FROM lessons, jsonb_array_elements(captions) c
      WHERE module_id = $1 AND c->>'fileKey' IS NOT NULL`,
    [moduleId],
  );
  return files.map((f) => f.key);
}

/** Deletes a module or lesson (a module's lessons go with it). */
export async function deleteRow(tx: EntityManager, { table }: Ordered, id: string): Promise<void> {
  await tx.query(`DELETE FROM ${table} WHERE id = $1`, [id]);
}

/** Positions 0, 1, 2… in the current order (the unique constraint is checked at commit). */
export async function densify(
  tx: EntityManager,
  { table, parent }: Ordered,
  parentId: string,
): Promise<void> {
  await tx.query(
    `UPDATE ${table} t SET position = o.rn - 1
       FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS rn
               FROM ${table} WHERE ${parent} = $1) o
      WHERE t.id = o.id AND t.position <> o.rn - 1`,
    [parentId],
  );
}

/** The ids of the parent's modules or lessons. */
export async function childIds(
  tx: EntityManager,
  { table, parent }: Ordered,
  parentId: string,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }[]>(`SELECT id FROM ${table} WHERE ${parent} = $1`, [
    parentId,
  ]);
  return rows.map((r) => r.id);
}

/** Puts the rows in the order of `ids` (positions 0, 1, 2…). */
export async function setOrder(
  tx: EntityManager,
  { table }: Ordered,
  ids: string[],
): Promise<void> {
  await tx.query(
    `UPDATE ${table} t SET position = o.ord - 1
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord)
      WHERE t.id = o.id`,
    [ids],
  );
}

/** Invites the people to the course; those already invited keep their first invitation. */
export async function insertCourseAccess(
  db: Db,
  courseId: string,
  userIds: string[],
  grantedById: string,
): Promise<void> {
  await db
    .createQueryBuilder()
    .insert()
    .into(CourseAccess)
    .values(userIds.map((userId) => ({ courseId, userId, grantedById })))
    .orIgnore()
    .execute();
}
