import type { IdeaListStatus, IdeaVote } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { likePattern } from '../common/pagination';
import { updateReturning } from '../common/update-returning.queries';

/** Reading the list row with its village and counts; `FOR … OF l` locks the list row only. */
const LIST_SELECT = `SELECT l.id, l.village_id, v.name AS village_name, v.municipality_id, l.title,
       l.intro, l.dots_per_person::int AS dots_per_person, l.status, l.public_token, l.version,
       l.updated_at, u.id AS updated_by_id, u.name AS updated_by_name,
       u.email AS updated_by_email,
       (SELECT count(*)::int FROM ideas i WHERE i.list_id = l.id) AS idea_count,
       (SELECT count(DISTINCT voter_hash)::int FROM idea_votes iv WHERE iv.list_id = l.id)
         AS voter_count
  FROM idea_lists l
  JOIN villages v ON v.id = l.village_id
  LEFT JOIN users u ON u.id = l.updated_by`;

export interface IdeaListRow {
  id: string;
  village_id: string;
  village_name: string;
  municipality_id: string;
  title: string;
  intro: string;
  dots_per_person: number;
  status: IdeaListStatus;
  public_token: string;
  version: number;
  updated_at: Date;
  updated_by_id: string | null;
  updated_by_name: string | null;
  updated_by_email: string | null;
  idea_count: number;
  voter_count: number;
}

export async function findIdeaList(
  em: EntityManager,
  id: string,
  lock: 'update' | null = null,
): Promise<IdeaListRow | null> {
  const suffix = lock === 'update' ? 'FOR UPDATE OF l' : '';
  const [row] = await em.query<IdeaListRow[]>(`${LIST_SELECT} WHERE l.id = $1 ${suffix}`, [id]);
  return row ?? null;
}

export interface PublicListRow {
  id: string;
  title: string;
  intro: string;
  village_name: string;
  dots_per_person: number;
  status: IdeaListStatus;
}

/** The list behind a public token, without counts (the voting page needs none). */
export async function findIdeaListByToken(
  em: EntityManager,
  token: string,
): Promise<PublicListRow | null> {
  const [row] = await em.query<PublicListRow[]>(
    `SELECT l.id, l.title, l.intro, v.name AS village_name,
            l.dots_per_person::int AS dots_per_person, l.status
       FROM idea_lists l JOIN villages v ON v.id = l.village_id
      WHERE l.public_token = $1`,
    [token],
  );
  return row ?? null;
}

export async function findIdeaLists(
  em: EntityManager,
  villageId: string,
  page: { skip: number; take: number; q?: string },
): Promise<{ rows: IdeaListRow[]; total: number }> {
  const params: unknown[] = [villageId];
  let condition = 'l.village_id = $1';
  if (page.q) {
    params.push(likePattern(page.q));
    condition += ` AND l.title ILIKE $2`;
  }
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM idea_lists l WHERE ${condition}`,
    params,
  );
  const rows = await em.query<IdeaListRow[]>(
    `${LIST_SELECT} WHERE ${condition} ORDER BY l.created_at DESC, l.id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.take, page.skip],
  );
  return { rows, total };
}

export async function insertIdeaList(
  em: EntityManager,
  list: {
    villageId: string;
    title: string;
    intro: string;
    dotsPerPerson: number;
    publicToken: string;
    actorId: string;
  },
): Promise<string> {
  const [row] = await em.query<{ id: string }[]>(
    `INSERT INTO idea_lists (village_id, title, intro, dots_per_person, public_token,
                             created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [list.villageId, list.title, list.intro, list.dotsPerPerson, list.publicToken, list.actorId],
  );
  return row.id;
}

export async function updateIdeaList(
  em: EntityManager,
  id: string,
  changes: { title: string; intro: string; dotsPerPerson: number; status: IdeaListStatus },
  actorId: string,
): Promise<void> {
  await updateReturning(
    em,
    `UPDATE idea_lists SET title = $2, intro = $3, dots_per_person = $4, status = $5,
            version = version + 1, updated_by = $6, updated_at = now()
      WHERE id = $1 RETURNING id`,
    [id, changes.title, changes.intro, changes.dotsPerPerson, changes.status, actorId],
  );
}

export async function deleteIdeaList(em: EntityManager, id: string): Promise<void> {
  await em.query(`DELETE FROM idea_lists WHERE id = $1`, [id]);
}

// ---------------------------------------------------------------------------------------------
// Ideas
// ---------------------------------------------------------------------------------------------

export interface IdeaRow {
  id: string;
  list_id: string;
  title: string;
  description: string;
  source_kind: 'survey_answer' | null;
  source_survey_id: string | null;
  source_question_id: string | null;
  position: number;
  paper_dots: number;
  online_dots: number;
  total_dots: number;
  rank: number;
  voter_count: number;
  helper_count: number;
  initiative_id: string | null;
  version: number;
}

/**
 * The ranking: one statement whatever the number of votes. Online dots and helpers are summed
 * per idea in two grouped subqueries over the list's rows, added to the paper dots, ranked
 * (ties share a rank) and paged; `only` narrows it to one idea (its rank still among all).
 */
function rankingSql(only: boolean): string {
  const tail = only
    ? 'WHERE r.id = $2'
    : 'ORDER BY r.total_dots DESC, r.position, r.created_at, r.id LIMIT $2 OFFSET $3';
  return `SELECT * FROM (
    SELECT i.id, i.list_id, i.title, i.description, i.source_kind, i.source_survey_id,
           i.source_question_id, i.position, i.paper_dots, i.initiative_id, i.version,
           i.created_at,
           coalesce(v.dots, 0)::int AS online_dots,
           (coalesce(v.dots, 0) + i.paper_dots)::int AS total_dots,
           coalesce(v.voters, 0)::int AS voter_count,
           coalesce(h.helpers, 0)::int AS helper_count,
           rank() OVER (ORDER BY coalesce(v.dots, 0) + i.paper_dots DESC)::int AS rank
      FROM ideas i
      LEFT JOIN (SELECT idea_id, sum(dots) AS dots, count(*) AS voters FROM idea_votes
                  WHERE list_id = $1 GROUP BY idea_id) v ON v.idea_id = i.id
      LEFT JOIN (SELECT idea_id, count(*) AS helpers FROM idea_helpers
                  WHERE list_id = $1 GROUP BY idea_id) h ON h.idea_id = i.id
     WHERE i.list_id = $1) r
   ${tail}`;
}

export async function rankedIdeas(
  em: EntityManager,
  listId: string,
  page: { skip: number; take: number },
): Promise<IdeaRow[]> {
  return em.query<IdeaRow[]>(rankingSql(false), [listId, page.take, page.skip]);
}

export async function rankedIdea(
  em: EntityManager,
  listId: string,
  ideaId: string,
): Promise<IdeaRow | null> {
  const [row] = await em.query<IdeaRow[]>(rankingSql(true), [listId, ideaId]);
  return row ?? null;
}

/**
 * An idea with its list's village (for the access check) and who last changed its words (for
 * the 409); with `lock`, the idea row is locked.
 */
export interface IdeaRef {
  id: string;
  list_id: string;
  title: string;
  description: string;
  initiative_id: string | null;
  village_id: string;
  municipality_id: string;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
}

export async function findIdeaRef(
  em: EntityManager,
  id: string,
  lock = false,
): Promise<IdeaRef | null> {
  const [row] = await em.query<IdeaRef[]>(
    `SELECT i.id, i.list_id, i.title, i.description, i.initiative_id, l.village_id,
            v.municipality_id, i.version, i.updated_at, u.name AS updated_by_name
       FROM ideas i JOIN idea_lists l ON l.id = i.list_id JOIN villages v ON v.id = l.village_id
       LEFT JOIN users u ON u.id = i.updated_by
      WHERE i.id = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
    [id],
  );
  return row ?? null;
}

/** The list's ideas in their stable order, for the voting page (bounded by ideasPerListMax). */
export async function publicIdeas(
  em: EntityManager,
  listId: string,
): Promise<{ id: string; title: string; description: string }[]> {
  return em.query(
    `SELECT id, title, description FROM ideas WHERE list_id = $1
      ORDER BY position, created_at, id`,
    [listId],
  );
}

/**
 * Whether the survey belongs to the village and asks the question: an idea taken from a survey
 * answer may only name one of its own village's surveys.
 */
export async function villageSurveyHasQuestion(
  em: EntityManager,
  villageId: string,
  surveyId: string,
  questionId: string,
): Promise<boolean> {
  const [row] = await em.query<{ found: boolean }[]>(
    `SELECT EXISTS (
       SELECT 1 FROM surveys s, jsonb_array_elements(s.pages) pg,
                     jsonb_array_elements(pg->'questions') qn
        WHERE s.id = $1 AND s.village_id = $2 AND qn->>'id' = $3) AS found`,
    [surveyId, villageId, questionId],
  );
  return row?.found === true;
}

export async function insertIdea(
  em: EntityManager,
  idea: {
    listId: string;
    title: string;
    description: string;
    sourceKind: string | null;
    sourceSurveyId: string | null;
    sourceQuestionId: string | null;
  },
): Promise<string> {
  const [row] = await em.query<{ id: string }[]>(
    `INSERT INTO ideas (list_id, title, description, source_kind, source_survey_id,
                        source_question_id, position)
     VALUES ($1, $2, $3, $4, $5, $6,
             (SELECT coalesce(max(position), 0) + 1 FROM ideas WHERE list_id = $1))
     RETURNING id`,
    [
      idea.listId,
      idea.title,
      idea.description,
      idea.sourceKind,
      idea.sourceSurveyId,
      idea.sourceQuestionId,
    ],
  );
  return row.id;
}

/**
 * Changes what is given. A change of the words (title or description differs from what is
 * stored) is the next version, by `actorId`, now; a move (position) alone is not.
 */
export async function updateIdea(
  em: EntityManager,
  id: string,
  changes: { title?: string; description?: string; position?: number },
  actorId: string,
): Promise<void> {
  // Every expression in SET reads the row as it was, so `changed` compares with the old words.
  const changed = `(coalesce($2 <> title, false) OR coalesce($3 <> description, false))`;
  await em.query(
    `UPDATE ideas SET title = coalesce($2, title), description = coalesce($3, description),
            position = coalesce($4, position),
            version = version + ${changed}::int,
            updated_by = CASE WHEN ${changed} THEN $5::uuid ELSE updated_by END,
            updated_at = CASE WHEN ${changed} THEN now() ELSE updated_at END
      WHERE id = $1`,
    [id, changes.title ?? null, changes.description ?? null, changes.position ?? null, actorId],
  );
}

export async function setPaperDots(em: EntityManager, id: string, dots: number): Promise<void> {
  await em.query(`UPDATE ideas SET paper_dots = $2 WHERE id = $1`, [id, dots]);
}

export async function markIdeaChosen(
  em: EntityManager,
  id: string,
  initiativeId: string,
): Promise<void> {
  await em.query(`UPDATE ideas SET initiative_id = $2 WHERE id = $1`, [id, initiativeId]);
}

export async function deleteIdea(em: EntityManager, id: string): Promise<void> {
  await em.query(`DELETE FROM ideas WHERE id = $1`, [id]);
}

// ---------------------------------------------------------------------------------------------
// Votes and helpers
// ---------------------------------------------------------------------------------------------

export interface HelperContact {
  name: string;
  email: string | null;
  phone: string | null;
}

export async function ideaHelpers(
  em: EntityManager,
  ideaId: string,
  page: { skip: number; take: number },
): Promise<{ rows: (HelperContact & { created_at: Date })[]; total: number }> {
  const [{ total }] = await em.query<{ total: number }[]>(
    `SELECT count(*)::int AS total FROM idea_helpers WHERE idea_id = $1`,
    [ideaId],
  );
  const rows = await em.query<(HelperContact & { created_at: Date })[]>(
    `SELECT name, email, phone, created_at FROM idea_helpers WHERE idea_id = $1
      ORDER BY created_at, id LIMIT $2 OFFSET $3`,
    [ideaId, page.take, page.skip],
  );
  return { rows, total };
}

/** An idea's helpers, first come first, up to `limit` (they join its working group). */
export async function allIdeaHelpers(
  em: EntityManager,
  ideaId: string,
  limit: number,
): Promise<HelperContact[]> {
  return em.query<HelperContact[]>(
    `SELECT name, email, phone FROM idea_helpers WHERE idea_id = $1
      ORDER BY created_at, id LIMIT $2`,
    [ideaId, limit],
  );
}

/** The list behind a token, locked for a vote, with which of the named ideas are on it. */
export interface VotingListRow extends PublicListRow {
  known: string[];
}

/**
 * One statement before a vote: the list behind the token with a share lock (votes do not wait for
 * each other, but closing the list waits for those under way, and a vote after the close sees it
 * closed), which of `ideaIds` are its ideas, and a transaction lock on `voterKey`, so the writes
 * of one phone on one list (a double tap, two tabs) run one after the other.
 */
export async function lockListForVote(
  em: EntityManager,
  token: string,
  ideaIds: string[],
  voterKey: string,
): Promise<VotingListRow | null> {
  const [row] = await em.query<VotingListRow[]>(
    `SELECT l.id, l.title, l.intro, v.name AS village_name,
            l.dots_per_person::int AS dots_per_person, l.status,
            (SELECT coalesce(array_agg(i.id::text), '{}') FROM ideas i
              WHERE i.list_id = l.id AND i.id = ANY ($2::uuid[])) AS known,
            pg_advisory_xact_lock(hashtextextended($3, 0)) AS locked
       FROM idea_lists l JOIN villages v ON v.id = l.village_id
      WHERE l.public_token = $1
        FOR SHARE OF l`,
    [token, ideaIds, voterKey],
  );
  return row ?? null;
}

/**
 * Replaces the voter's dots and "I would help" rows on the list with these, in one statement:
 * rows no longer chosen are deleted, the chosen ones inserted or updated (never the same row
 * twice, so the parts cannot collide). Runs under the voter's lock (`lockListForVote`).
 */
export async function replaceVotes(
  em: EntityManager,
  listId: string,
  voterHash: string,
  votes: IdeaVote[],
  helper: (HelperContact & { ideaIds: string[]; consentVersion: string }) | null,
): Promise<void> {
  await em.query(
    `WITH gone_votes AS (
       DELETE FROM idea_votes
        WHERE list_id = $1 AND voter_hash = $2 AND idea_id <> ALL ($3::uuid[])),
     votes AS (
       INSERT INTO idea_votes (list_id, voter_hash, idea_id, dots)
       SELECT $1, $2, v.idea_id, v.dots FROM unnest($3::uuid[], $4::int[]) AS v(idea_id, dots)
       ON CONFLICT (list_id, voter_hash, idea_id) DO UPDATE SET dots = EXCLUDED.dots),
     gone_help AS (
       DELETE FROM idea_helpers
        WHERE list_id = $1 AND voter_hash = $2 AND idea_id <> ALL ($5::uuid[])),
     help AS (
       INSERT INTO idea_helpers (list_id, idea_id, voter_hash, name, email, phone, consent_version)
       SELECT $1, h.idea_id, $2, $6, $7, $8, $9 FROM unnest($5::uuid[]) AS h(idea_id)
       ON CONFLICT (idea_id, voter_hash) DO UPDATE
         SET name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone,
             consent_version = EXCLUDED.consent_version)
     SELECT 1`,
    [
      listId,
      voterHash,
      votes.map((v) => v.ideaId),
      votes.map((v) => v.dots),
      helper?.ideaIds ?? [],
      helper?.name ?? null,
      helper?.email ?? null,
      helper?.phone ?? null,
      helper?.consentVersion ?? null,
    ],
  );
}

/** What a voter gave on a list: their dots, the ideas they would help with, and their contact. */
export async function voterChoices(
  em: EntityManager,
  listId: string,
  voterHash: string,
): Promise<{ votes: IdeaVote[]; help: string[]; helper: HelperContact | null }> {
  const [row] = await em.query<
    { votes: IdeaVote[]; help: string[]; helper: HelperContact | null }[]
  >(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('ideaId', idea_id, 'dots', dots)
                                 ORDER BY idea_id), '[]'::json)
          FROM idea_votes WHERE list_id = $1 AND voter_hash = $2) AS votes,
       (SELECT coalesce(json_agg(idea_id ORDER BY idea_id), '[]'::json)
          FROM idea_helpers WHERE list_id = $1 AND voter_hash = $2) AS help,
       (SELECT json_build_object('name', name, 'email', email, 'phone', phone)
          FROM idea_helpers WHERE list_id = $1 AND voter_hash = $2
         ORDER BY created_at DESC LIMIT 1) AS helper`,
    [listId, voterHash],
  );
  return row;
}

/** A village as the access rule needs it, or null. */
export async function findIdeaVillage(
  em: EntityManager,
  villageId: string,
): Promise<{ id: string; municipalityId: string } | null> {
  const [row] = await em.query<{ id: string; municipality_id: string }[]>(
    `SELECT id, municipality_id FROM villages WHERE id = $1`,
    [villageId],
  );
  return row ? { id: row.id, municipalityId: row.municipality_id } : null;
}
