import type { ErasureState, PrivacySubjectKind } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { PersonLink, PersonalTable } from './personal-data';
import { ident, linkCondition, type PrivacySubject, type RowCondition } from './subject-sql';

/**
 * The SQL of erasure (issue 17): the requests and their audit log, and the statements the steps
 * run. Table and column names come from the registry (code) through ident(); values are always
 * parameters.
 */

export interface ErasureRequestRow {
  id: string;
  subject_kind: PrivacySubjectKind;
  user_id: string | null;
  subject_email: string | null;
  subject_name: string | null;
  state: ErasureState;
  reason: string | null;
  requested_by_id: string | null;
  requested_at: Date;
  erase_after: Date;
  approved_by_id: string | null;
  approved_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  steps_done: string[];
  steps_total: number;
  attempts: number;
  last_error: string | null;
  /** Bumped by every change of state: a run holds the request while it is unchanged. */
  version: number;
}

export interface ErasureAuditRow {
  id: string;
  request_id: string;
  event: string;
  rows: number | null;
  actor_id: string | null;
  at: Date;
  error: string | null;
}

/** The states in which a request is open (one per person: the partial unique indexes). */
export const OPEN_STATES: readonly ErasureState[] = [
  'cooling_off',
  'approved',
  'running',
  'failed',
] as ErasureState[];

const COLUMNS = `id, subject_kind, user_id, subject_email, subject_name, state, reason,
  requested_by_id, requested_at, erase_after, approved_by_id, approved_at, started_at,
  finished_at, steps_done, steps_total, attempts, last_error, version`;

type Db = Pick<EntityManager, 'query'>;

/** rowCount of a write (TypeORM answers [rows, count] for UPDATE/DELETE). */
function affected(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') {
    return result[1];
  }
  return 0;
}

// ---- people ---------------------------------------------------------------------------------

export async function countActiveSecretariat(m: Db): Promise<number> {
  const rows: { n: number }[] = await m.query(
    `SELECT count(*)::int AS n FROM users WHERE role = 'secretariat' AND disabled_at IS NULL`,
  );
  return rows[0].n;
}

/**
 * Active secretariat members other than `userId` who stay: not the subject of another erasure
 * that is running now. Call under lockSecretariatErasures, so two runs cannot both count the other.
 */
export async function countOtherStayingSecretariat(m: Db, userId: string): Promise<number> {
  const rows: { n: number }[] = await m.query(
    `SELECT count(*)::int AS n FROM users u
      WHERE u.role = 'secretariat' AND u.disabled_at IS NULL AND u.id <> $1
        AND NOT EXISTS (SELECT 1 FROM erasure_requests r
                         WHERE r.user_id = u.id AND r.state = 'running')`,
    [userId],
  );
  return rows[0].n;
}

/** Serialises the last-secretariat check of erasure runs until the transaction ends. */
export async function lockSecretariatErasures(m: Db): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('erasure:last-secretariat'))`);
}

// ---- requests -------------------------------------------------------------------------------

export async function insertErasureRequest(
  m: Db,
  r: {
    subjectKind: PrivacySubjectKind;
    userId: string | null;
    email: string;
    name: string | null;
    reason: string | null;
    requestedById: string | null;
    eraseAfter: Date;
    state: ErasureState;
    approvedById: string | null;
  },
): Promise<ErasureRequestRow> {
  const rows: ErasureRequestRow[] = await m.query(
    `INSERT INTO erasure_requests (subject_kind, user_id, subject_email, subject_name, reason,
       requested_by_id, erase_after, state, approved_by_id, approved_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::varchar, $9,
             CASE WHEN $8::varchar = 'approved' THEN now() END)
     RETURNING ${COLUMNS}`,
    [
      r.subjectKind,
      r.userId,
      r.email.toLowerCase(),
      r.name,
      r.reason,
      r.requestedById,
      r.eraseAfter,
      r.state,
      r.approvedById,
    ],
  );
  return rows[0];
}

export async function findErasureRequest(m: Db, id: string): Promise<ErasureRequestRow | null> {
  const rows: ErasureRequestRow[] = await m.query(
    `SELECT ${COLUMNS} FROM erasure_requests WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** The person's open request, else their latest one. */
export async function findRequestOfUser(m: Db, userId: string): Promise<ErasureRequestRow | null> {
  const rows: ErasureRequestRow[] = await m.query(
    `SELECT ${COLUMNS} FROM erasure_requests WHERE user_id = $1
      ORDER BY (state = ANY($2)) DESC, requested_at DESC LIMIT 1`,
    [userId, OPEN_STATES],
  );
  return rows[0] ?? null;
}

/** Whether an open request exists for this account or this email address. */
export async function hasOpenRequest(
  m: Db,
  userId: string | null,
  email: string,
): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `SELECT 1 FROM erasure_requests
      WHERE state = ANY($3) AND (user_id = $1 OR subject_email = $2) LIMIT 1`,
    [userId, email.toLowerCase(), OPEN_STATES],
  );
  return rows.length > 0;
}

/** A page of requests, newest first; `like` (a likePattern) searches the name and address. */
export async function listErasureRequests(
  m: Db,
  state: ErasureState | null,
  skip: number,
  take: number,
  like: string | null = null,
): Promise<{ rows: ErasureRequestRow[]; total: number }> {
  const where = `($1::varchar IS NULL OR state = $1)
      AND ($2::text IS NULL OR subject_name ILIKE $2 OR subject_email ILIKE $2)`;
  const rows: ErasureRequestRow[] = await m.query(
    `SELECT ${COLUMNS} FROM erasure_requests WHERE ${where}
      ORDER BY requested_at DESC, id DESC OFFSET $3 LIMIT $4`,
    [state, like, skip, take],
  );
  const count: { n: number }[] = await m.query(
    `SELECT count(*)::int AS n FROM erasure_requests WHERE ${where}`,
    [state, like],
  );
  return { rows, total: count[0].n };
}

/** Moves a request from one of `from` to `to`; null when it was in none of them. */
export async function transitionRequest(
  m: Db,
  id: string,
  from: readonly ErasureState[],
  to: ErasureState,
  actorId: string | null,
): Promise<ErasureRequestRow | null> {
  const forgets = to === 'cancelled';
  const rows: [ErasureRequestRow[], number] = await m.query(
    `UPDATE erasure_requests SET state = $3::varchar,
            approved_by_id = CASE WHEN $3::varchar = 'approved' THEN coalesce($4::uuid, approved_by_id)
                                  ELSE approved_by_id END,
            approved_at = CASE WHEN $3::varchar = 'approved' THEN now() ELSE approved_at END,
            finished_at = CASE WHEN $3::varchar = 'cancelled' THEN now() ELSE finished_at END,
            subject_email = CASE WHEN $5::boolean THEN NULL ELSE subject_email END,
            subject_name = CASE WHEN $5::boolean THEN NULL ELSE subject_name END,
            reason = CASE WHEN $5::boolean THEN NULL ELSE reason END,
            version = version + 1
      WHERE id = $1 AND state = ANY($2)
      RETURNING ${COLUMNS}`,
    [id, from, to, actorId, forgets],
  );
  return rows[0][0] ?? null;
}

/** Requests whose cool-off ended by `now` become approved (by nobody: by time); their ids. */
export async function approveDue(m: Db, now: Date): Promise<string[]> {
  const rows: [{ id: string }[], number] = await m.query(
    `UPDATE erasure_requests SET state = 'approved', approved_at = now(), version = version + 1
      WHERE state = 'cooling_off' AND erase_after <= $1
      RETURNING id`,
    [now],
  );
  return rows[0].map((r) => r.id);
}

/** Approved requests (the queue may have lost their job) and runs whose worker died. */
export async function runnableIds(m: Db, staleMinutes: number): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `SELECT id FROM erasure_requests
      WHERE state = 'approved'
         OR (state = 'running' AND started_at < now() - make_interval(mins => $1))
      ORDER BY requested_at`,
    [staleMinutes],
  );
  return rows.map((r) => r.id);
}

/**
 * Takes a request for one worker: approved, or running but abandoned. The conditional UPDATE is
 * the lock: of two workers, one gets the row back and the other nothing.
 */
export async function claimRequest(
  m: Db,
  id: string,
  staleMinutes: number,
): Promise<ErasureRequestRow | null> {
  const rows: [ErasureRequestRow[], number] = await m.query(
    `UPDATE erasure_requests SET state = 'running', started_at = now(), last_error = NULL,
            version = version + 1
      WHERE id = $1 AND (state = 'approved'
         OR (state = 'running' AND started_at < now() - make_interval(mins => $2)))
      RETURNING ${COLUMNS}`,
    [id, staleMinutes],
  );
  return rows[0][0] ?? null;
}

export async function setStepsTotal(m: Db, id: string, total: number): Promise<void> {
  await m.query(`UPDATE erasure_requests SET steps_total = $2 WHERE id = $1`, [id, total]);
}

/**
 * Records a step as done, in the step's own transaction; false when this run no longer holds
 * the request (another worker took it over) or the step was done already.
 */
export async function markStepDone(
  m: Db,
  id: string,
  version: number,
  step: string,
): Promise<boolean> {
  const result: unknown = await m.query(
    `UPDATE erasure_requests SET steps_done = array_append(steps_done, $3::text)
      WHERE id = $1 AND state = 'running' AND version = $2 AND NOT ($3::text = ANY(steps_done))`,
    [id, version, step],
  );
  return affected(result) === 1;
}

/** The last step: the request is done and forgets whose it was. */
export async function finishRequest(m: Db, id: string): Promise<void> {
  await m.query(
    `UPDATE erasure_requests SET state = 'done', finished_at = now(), subject_email = NULL,
            subject_name = NULL, reason = NULL, last_error = NULL, version = version + 1
      WHERE id = $1`,
    [id],
  );
}

/** Marks this run's request failed; false when another run has taken it over since. */
export async function failRequest(
  m: Db,
  id: string,
  version: number,
  error: string,
): Promise<boolean> {
  const result: unknown = await m.query(
    `UPDATE erasure_requests SET state = 'failed', last_error = $3, attempts = attempts + 1,
            version = version + 1
      WHERE id = $1 AND state = 'running' AND version = $2`,
    [id, version, error],
  );
  return affected(result) === 1;
}

// ---- audit ----------------------------------------------------------------------------------

export async function insertAudit(
  m: Db,
  e: {
    requestId: string;
    event: string;
    rows?: number | null;
    actorId?: string | null;
    error?: string | null;
  },
): Promise<void> {
  // clock_timestamp(), not the column's now(): the events of one transaction (a step and `done`,
  // `requested` and `approved`) keep the order they happened in.
  await m.query(
    `INSERT INTO erasure_audit (request_id, event, rows, actor_id, error, at)
     VALUES ($1, $2, $3, $4, $5, clock_timestamp())`,
    [e.requestId, e.event, e.rows ?? null, e.actorId ?? null, e.error ?? null],
  );
}

export async function listAudit(
  m: Db,
  requestId: string,
  skip: number,
  take: number,
): Promise<{ rows: ErasureAuditRow[]; total: number }> {
  const rows: ErasureAuditRow[] = await m.query(
    `SELECT id, request_id, event, rows, actor_id, at, error FROM erasure_audit
      WHERE request_id = $1 ORDER BY at, id OFFSET $2 LIMIT $3`,
    [requestId, skip, take],
  );
  const count: { n: number }[] = await m.query(
    `SELECT count(*)::int AS n FROM erasure_audit WHERE request_id = $1`,
    [requestId],
  );
  return { rows, total: count[0].n };
}

// ---- the steps ------------------------------------------------------------------------------

/** What a placeholder is, by the kind of column (see EraseRule in personal-data.ts). */
function placeholderSql(kind: string): string {
  switch (kind) {
    case 'name':
      return `'Slettet person'`;
    case 'email':
      // Unique constraints hold email columns: every erased address is a different one.
      return `'slettet-' || gen_random_uuid() || '@slettet.invalid'`;
    case 'answers':
      return `'{}'::jsonb`;
    default:
      return `'[slettet]'`;
  }
}

/** The SET list that erases `columns` of a table by their rules; empty when all are kept. */
function eraseAssignments(entry: PersonalTable, columns: string[]): string[] {
  return columns.flatMap((column) => {
    const spec = entry.columns[column];
    if (!spec || spec.erase === 'keep') return [];
    const value =
      spec.erase === 'null' ? 'NULL' : spec.erase === 'now' ? 'now()' : placeholderSql(spec.kind);
    return [`${ident(column)} = ${value}`];
  });
}

/**
 * The statements that erase one table's rows of a subject: per applicable link of part subject
 * (and author links whose rows are deleted), DELETE or UPDATE of its own columns. The link's
 * column is erased too when it is itself personal (an email column).
 */
export function tableStatements(entry: PersonalTable, subject: PrivacySubject): RowCondition[] {
  const statements: RowCondition[] = [];
  for (const link of entry.links) {
    if (!(link.part === 'subject' || link.rows === 'delete')) continue;
    const condition = linkCondition(link, subject);
    if (!condition) continue;
    statements.push(...linkStatements(entry, link, condition));
  }
  return statements;
}

function linkStatements(
  entry: PersonalTable,
  link: PersonLink,
  condition: RowCondition,
): RowCondition[] {
  const table = ident(entry.table);
  if (link.rows === 'delete') {
    return [{ sql: `DELETE FROM ${table} WHERE ${condition.sql}`, params: condition.params }];
  }
  const columns = [...new Set([link.column, ...(link.own ?? [])])];
  const set = eraseAssignments(entry, columns);
  if (set.length === 0) return [];
  return [
    {
      sql: `UPDATE ${table} SET ${set.join(', ')} WHERE ${condition.sql}`,
      params: condition.params,
    },
  ];
}

/** Runs statements; the rows they changed. */
export async function runStatements(m: Db, statements: RowCondition[]): Promise<number> {
  let rows = 0;
  for (const s of statements) rows += affected(await m.query(s.sql, s.params));
  return rows;
}

/** The file keys of a subject's privacy exports (the zips are removed before their rows). */
export async function exportFileKeys(m: Db, subject: PrivacySubject): Promise<string[]> {
  const rows: { file_key: string }[] = await m.query(
    `SELECT file_key FROM privacy_exports
      WHERE file_key IS NOT NULL AND (user_id = $1 OR lower(subject_email) = $2)`,
    [subject.kind === 'user' ? subject.userId : null, subject.email.toLowerCase()],
  );
  return rows.map((r) => r.file_key);
}

/** The names of the database's base tables (not views). */
export async function baseTables(m: Db): Promise<Set<string>> {
  const rows: { table_name: string }[] = await m.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  return new Set(rows.map((r) => r.table_name));
}

// ---- scrub ----------------------------------------------------------------------------------

export interface TextColumn {
  table: string;
  column: string;
  /** text/varchar, jsonb, or an array of text/varchar. */
  type: 'text' | 'jsonb' | 'array';
  /** A varchar's length limit, or null. */
  max: number | null;
  /** The array type (`_text`, `_varchar`) for arrays. */
  udt: string;
}

/** Every text, varchar, jsonb and text/varchar array column of every table (not views). */
export async function textColumns(m: Db): Promise<TextColumn[]> {
  const rows: {
    table: string;
    column: string;
    data_type: string;
    udt_name: string;
    max: number | null;
  }[] = await m.query(`
    SELECT c.table_name AS table, c.column_name AS column, c.data_type, c.udt_name,
           c.character_maximum_length AS max
      FROM information_schema.columns c
      JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND c.table_name <> 'migrations' AND c.is_generated = 'NEVER'
       AND (c.data_type IN ('text', 'character varying', 'jsonb')
            OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
     ORDER BY c.table_name, c.ordinal_position`);
  return rows.map((r) => ({
    table: r.table,
    column: r.column,
    type: r.data_type === 'jsonb' ? 'jsonb' : r.data_type === 'ARRAY' ? 'array' : 'text',
    max: r.max,
    udt: r.udt_name,
  }));
}

/**
 * Replaces matches of `pattern` (a PostgreSQL regular expression, matched case-insensitively)
 * with `[slettet]` in one column, only in the rows that match; `jsonPattern` is the same with
 * the terms JSON-escaped, for jsonb (matched on its text). `skip` leaves out rows the later
 * steps handle (the request itself, the person's own account row). Returns rows changed.
 */
export async function scrubColumn(
  m: Db,
  c: TextColumn,
  pattern: string,
  jsonPattern: string,
  skip: { column: string; value: string } | null,
): Promise<number> {
  const col = ident(c.column);
  const table = ident(c.table);
  const skipSql = skip ? ` AND ${ident(skip.column)} IS DISTINCT FROM $2::uuid` : '';
  const params: unknown[] = [c.type === 'jsonb' ? jsonPattern : pattern];
  if (skip) params.push(skip.value);
  let set: string;
  let where: string;
  if (c.type === 'jsonb') {
    set = `regexp_replace(${col}::text, $1, '[slettet]', 'gi')::jsonb`;
    where = `${col}::text ~* $1`;
  } else if (c.type === 'array') {
    const cast = c.udt === '_varchar' ? 'varchar[]' : 'text[]';
    set = `ARRAY(SELECT regexp_replace(e, $1, '[slettet]', 'gi')
                   FROM unnest(${col}) WITH ORDINALITY AS u(e, n) ORDER BY n)::${cast}`;
    where = `EXISTS (SELECT 1 FROM unnest(${col}) AS e WHERE e ~* $1)`;
  } else {
    const replaced = `regexp_replace(${col}, $1, '[slettet]', 'gi')`;
    set = c.max ? `left(${replaced}, ${Number(c.max)})` : replaced;
    where = `${col} ~* $1`;
  }
  return affected(
    await m.query(`UPDATE ${table} SET ${col} = ${set} WHERE ${where}${skipSql}`, params),
  );
}
