import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Initiatives (the output of the future workshop) and the focus areas (indsatsområder) that group
 * them. An initiative serves one or more of its village's goals (`initiative_goals`), has a
 * contact person and members (`initiative_people`: an account, or a name with an optional email
 * and phone, e.g. a citizen-panel member), partners in words, a next milestone, a status and a
 * progress set by hand, and a weight (1–5) within its focus area. `version` is raised by every
 * change, so a save made from an older version can be refused.
 */
export class Initiatives1763990000000 implements MigrationInterface {
  name = 'Initiatives1763990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE focus_areas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        village_id uuid NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
        name varchar(120) NOT NULL,
        description text NOT NULL DEFAULT '',
        position integer NOT NULL CHECK (position >= 1),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX focus_areas_village ON focus_areas (village_id, position)`);
    await q.query(`
      CREATE TABLE initiatives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        village_id uuid NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
        focus_area_id uuid NOT NULL REFERENCES focus_areas(id),
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        partners varchar(120)[] NOT NULL DEFAULT '{}',
        milestone_what varchar(200),
        milestone_date date,
        status varchar(20) NOT NULL DEFAULT 'idea'
          CHECK (status IN ('idea', 'planned', 'in_progress', 'done', 'paused')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        weight smallint NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 5),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX initiatives_village ON initiatives (village_id, created_at)`);
    await q.query(`CREATE INDEX initiatives_focus_area ON initiatives (focus_area_id, created_at)`);
    await q.query(`
      CREATE TABLE initiative_goals (
        initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        goal_id uuid NOT NULL REFERENCES village_goals(id) ON DELETE CASCADE,
        PRIMARY KEY (initiative_id, goal_id)
      )`);
    await q.query(`CREATE INDEX initiative_goals_goal ON initiative_goals (goal_id)`);
    await q.query(`
      CREATE TABLE initiative_people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        kind varchar(10) NOT NULL CHECK (kind IN ('contact', 'member')),
        position smallint NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        name varchar(120) NOT NULL,
        email varchar(254),
        phone varchar(30)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX initiative_people_contact ON initiative_people (initiative_id) WHERE kind = 'contact'`,
    );
    await q.query(
      `CREATE INDEX initiative_people_initiative ON initiative_people (initiative_id, kind, position)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE initiative_people`);
    await q.query(`DROP TABLE initiative_goals`);
    await q.query(`DROP TABLE initiatives`);
    await q.query(`DROP TABLE focus_areas`);
  }
}
