import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hotline (issue 16, point 2): questions to the secretariat with their messages, and the FAQ
 * saved from good answers. A request keeps the asker's village and municipality as they were when
 * asked, for the yearly counts per municipality.
 */
export class Hotline1764100000000 implements MigrationInterface {
  name = 'Hotline1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hotline_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        asker_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        village_id uuid REFERENCES villages(id) ON DELETE SET NULL,
        municipality_id uuid REFERENCES municipalities(id) ON DELETE SET NULL,
        page_path varchar(500) NOT NULL,
        subject varchar(200) NOT NULL,
        state varchar(10) NOT NULL DEFAULT 'new'
          CHECK (state IN ('new', 'open', 'waiting', 'closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_message_at timestamptz NOT NULL DEFAULT now(),
        first_response_at timestamptz,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(
      `CREATE INDEX hotline_requests_queue ON hotline_requests (state, last_message_at DESC)`,
    );
    await q.query(`CREATE INDEX hotline_requests_asker ON hotline_requests (asker_id, created_at)`);
    await q.query(
      `CREATE INDEX hotline_requests_municipality ON hotline_requests (municipality_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE hotline_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES hotline_requests(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        from_secretariat boolean NOT NULL,
        body text NOT NULL,
        via varchar(4) NOT NULL CHECK (via IN ('app', 'mail')),
        mail_message_id varchar(250),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX hotline_messages_request ON hotline_messages (request_id, created_at)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX hotline_messages_mail ON hotline_messages (request_id, mail_message_id)
        WHERE mail_message_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE hotline_faq (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question varchar(300) NOT NULL,
        answer text NOT NULL,
        published boolean NOT NULL DEFAULT false,
        source_request_id uuid REFERENCES hotline_requests(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE INDEX hotline_faq_search ON hotline_faq
        USING gin (to_tsvector('danish', question || ' ' || answer))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE hotline_faq`);
    await q.query(`DROP TABLE hotline_messages`);
    await q.query(`DROP TABLE hotline_requests`);
  }
}
