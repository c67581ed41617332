import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every API process keeps the sessions it has just looked up for a few seconds (auth/
 * session-cache.ts). These triggers tell all of them, through NOTIFY on channel `blup_auth`, the
 * moment what they keep may be stale: a session ended (`user:<id>`), a person changed in a way a
 * session shows (name, email, role, language, place, disabled) or was deleted (`user:<id>`), or a
 * village or municipality was renamed or deleted (`all`). Whatever writes it, from any process.
 */
export class AuthNotify1764050000000 implements MigrationInterface {
  name = 'AuthNotify1764050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION blup_notify_auth() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'sessions' THEN
          PERFORM pg_notify('blup_auth', 'user:' || OLD.user_id);
        ELSIF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify('blup_auth', 'user:' || OLD.id);
        ELSE
          PERFORM pg_notify('blup_auth', 'all');
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER sessions_notify_auth AFTER DELETE ON sessions
        FOR EACH ROW EXECUTE FUNCTION blup_notify_auth()`);
    await q.query(`
      CREATE TRIGGER users_notify_auth_update AFTER UPDATE ON users
        FOR EACH ROW
        WHEN ((OLD.email, OLD.name, OLD.role, OLD.locale, OLD.municipality_id, OLD.village_id,
               OLD.coordination_group, OLD.learner_kind, OLD.disabled_at)
              IS DISTINCT FROM
              (NEW.email, NEW.name, NEW.role, NEW.locale, NEW.municipality_id, NEW.village_id,
               NEW.coordination_group, NEW.learner_kind, NEW.disabled_at))
        EXECUTE FUNCTION blup_notify_auth()`);
    await q.query(`
      CREATE TRIGGER users_notify_auth_delete AFTER DELETE ON users
        FOR EACH ROW EXECUTE FUNCTION blup_notify_auth()`);
    for (const table of ['villages', 'municipalities']) {
      await q.query(`
        CREATE TRIGGER ${table}_notify_auth AFTER UPDATE OF name OR DELETE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION blup_notify_auth()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['villages', 'municipalities']) {
      await q.query(`DROP TRIGGER ${table}_notify_auth ON ${table}`);
    }
    await q.query(`DROP TRIGGER users_notify_auth_delete ON users`);
    await q.query(`DROP TRIGGER users_notify_auth_update ON users`);
    await q.query(`DROP TRIGGER sessions_notify_auth ON sessions`);
    await q.query(`DROP FUNCTION blup_notify_auth()`);
  }
}
