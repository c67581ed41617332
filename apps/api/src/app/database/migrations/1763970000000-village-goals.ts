import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Village goals (landsbymål) on the UN's 17 Sustainable Development Goals. `sdgs` holds the
 * official goals with their Danish and English names and the UN's colours; a village goal names
 * one or more of them and keeps every progress update in `village_goal_updates`, its timeline.
 * `version` is raised by every change, so a save made from an older version can be refused.
 */
export class VillageGoals1763970000000 implements MigrationInterface {
  name = 'VillageGoals1763970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sdgs (
        number smallint PRIMARY KEY CHECK (number BETWEEN 1 AND 17),
        name_da varchar(80) NOT NULL,
        name_en varchar(80) NOT NULL,
        colour char(7) NOT NULL CHECK (colour ~ '^#[0-9A-F]{6}$')
      )`);
    await q.query(`
      INSERT INTO sdgs (number, name_da, name_en, colour) VALUES
        (1, 'Afskaf fattigdom', 'No poverty', '#E5243B'),
        (2, 'Stop sult', 'Zero hunger', '#DDA63A'),
        (3, 'Sundhed og trivsel', 'Good health and well-being', '#4C9F38'),
        (4, 'Kvalitetsuddannelse', 'Quality education', '#C5192D'),
        (5, 'Ligestilling mellem kønnene', 'Gender equality', '#FF3A21'),
        (6, 'Rent vand og sanitet', 'Clean water and sanitation', '#26BDE2'),
        (7, 'Bæredygtig energi', 'Affordable and clean energy', '#FCC30B'),
        (8, 'Anstændige jobs og økonomisk vækst', 'Decent work and economic growth', '#A21942'),
        (9, 'Industri, innovation og infrastruktur', 'Industry, innovation and infrastructure', '#FD6925'),
        (10, 'Mindre ulighed', 'Reduced inequalities', '#DD1367'),
        (11, 'Bæredygtige byer og lokalsamfund', 'Sustainable cities and communities', '#FD9D24'),
        (12, 'Ansvarligt forbrug og produktion', 'Responsible consumption and production', '#BF8B2E'),
        (13, 'Klimaindsats', 'Climate action', '#3F7E44'),
        (14, 'Livet i havet', 'Life below water', '#0A97D9'),
        (15, 'Livet på land', 'Life on land', '#56C02B'),
        (16, 'Fred, retfærdighed og stærke institutioner', 'Peace, justice and strong institutions', '#00689D'),
        (17, 'Partnerskaber for handling', 'Partnerships for the goals', '#19486A')`);
    await q.query(`
      CREATE TABLE village_goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        village_id uuid NOT NULL REFERENCES villages(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        why text NOT NULL DEFAULT '',
        sdgs smallint[] NOT NULL CHECK (cardinality(sdgs) BETWEEN 1 AND 17
          AND sdgs <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]),
        owner varchar(200) NOT NULL DEFAULT '',
        horizon date,
        indicator varchar(200) NOT NULL DEFAULT '',
        baseline numeric,
        target_value numeric,
        current_value numeric,
        status varchar(20) NOT NULL DEFAULT 'idea'
          CHECK (status IN ('idea', 'in_progress', 'on_track', 'reached', 'paused')),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX village_goals_village ON village_goals (village_id, created_at)`);
    await q.query(`CREATE INDEX village_goals_sdgs ON village_goals USING gin (sdgs)`);
    await q.query(`
      CREATE TABLE village_goal_updates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        goal_id uuid NOT NULL REFERENCES village_goals(id) ON DELETE CASCADE,
        status varchar(20) NOT NULL
          CHECK (status IN ('idea', 'in_progress', 'on_track', 'reached', 'paused')),
        note text NOT NULL DEFAULT '',
        value numeric,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX village_goal_updates_goal ON village_goal_updates (goal_id, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE village_goal_updates`);
    await q.query(`DROP TABLE village_goals`);
    await q.query(`DROP TABLE sdgs`);
  }
}
