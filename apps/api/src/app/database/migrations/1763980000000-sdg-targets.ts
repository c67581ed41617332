import { MigrationInterface, QueryRunner } from 'typeorm';
import catalogue from './sdg-targets.json';

/**
 * The UN's 169 targets (delmål) under the 17 SDGs, seeded from `sdg-targets.json` (the official
 * English texts; its `source` names where they come from, and that no official Danish
 * translation was at hand, so `text_da` stays empty). A village goal may name targets under its
 * SDGs (`village_goal_targets`), and a progress update may carry one photo: the stored keys of
 * its large copy and thumbnail, and the large copy's size.
 */
export class SdgTargets1763980000000 implements MigrationInterface {
  name = 'SdgTargets1763980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sdg_targets (
        code varchar(5) PRIMARY KEY CHECK (code ~ '^[0-9]{1,2}\\.([0-9]{1,2}|[a-z])$'),
        sdg smallint NOT NULL REFERENCES sdgs(number),
        text_en text NOT NULL,
        text_da text,
        ordering smallint NOT NULL,
        UNIQUE (sdg, ordering)
      )`);
    await q.query(
      `INSERT INTO sdg_targets (code, sdg, text_en, ordering)
       SELECT code, sdg, "textEn", ordering
         FROM jsonb_to_recordset($1::jsonb) AS t(code text, sdg smallint, "textEn" text, ordering smallint)`,
      [JSON.stringify(catalogue.targets)],
    );
    await q.query(`
      CREATE TABLE village_goal_targets (
        goal_id uuid NOT NULL REFERENCES village_goals(id) ON DELETE CASCADE,
        target_code varchar(5) NOT NULL REFERENCES sdg_targets(code),
        PRIMARY KEY (goal_id, target_code)
      )`);
    await q.query(`CREATE INDEX village_goal_targets_target ON village_goal_targets (target_code)`);
    await q.query(`
      ALTER TABLE village_goal_updates
        ADD COLUMN photo_key varchar(200),
        ADD COLUMN photo_thumbnail_key varchar(200),
        ADD COLUMN photo_width integer,
        ADD COLUMN photo_height integer,
        ADD CONSTRAINT village_goal_updates_photo CHECK (
          (photo_key IS NULL) = (photo_thumbnail_key IS NULL)
          AND (photo_key IS NULL) = (photo_width IS NULL)
          AND (photo_key IS NULL) = (photo_height IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE village_goal_updates
        DROP CONSTRAINT village_goal_updates_photo,
        DROP COLUMN photo_key,
        DROP COLUMN photo_thumbnail_key,
        DROP COLUMN photo_width,
        DROP COLUMN photo_height`);
    await q.query(`DROP TABLE village_goal_targets`);
    await q.query(`DROP TABLE sdg_targets`);
  }
}
