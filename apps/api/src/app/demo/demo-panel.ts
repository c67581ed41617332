import { CONSENT_TEXT_VERSION } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Village } from '../database/entities';

/** Invented first names for the demo panels; addresses are on the reserved `blup.test` domain. */
const NAMES = ['Hanne Bach', 'Ole Thygesen', 'Lise Kjær', 'Jens Mortensen', 'Birthe Skov'];

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 30);
}

/**
 * A few confirmed citizen-panel subscribers in every demo village (three, five in villages of
 * a cohort), each with the consent log a real sign-up leaves: requested, then confirmed. One
 * signed up and is still waiting to confirm, in the first village, so the list shows both.
 */
export async function writeDemoPanel(
  em: EntityManager,
  villages: Village[],
): Promise<{ subscribers: number }> {
  let subscribers = 0;
  for (const [index, village] of villages.entries()) {
    const count = village.cohortId ? NAMES.length : 3;
    const people = NAMES.slice(0, count).map((name) => ({
      name,
      email: `${slug(name)}.${slug(village.name)}@blup.test`,
    }));
    const rows = (await em.query(
      `INSERT INTO panel_subscribers (village_id, email, name, status, source, confirmed_at, created_at)
       SELECT $1, x.email, x.name, 'subscribed', 'signup', now() - interval '20 days', now() - interval '21 days'
         FROM unnest($2::text[], $3::text[]) AS x(email, name)
       RETURNING id`,
      [village.id, people.map((p) => p.email), people.map((p) => p.name)],
    )) as { id: string }[];
    const ids = rows.map((r) => r.id);
    await em.query(
      `INSERT INTO panel_consents (subscriber_id, action, consent_text_version, ip, at)
       SELECT id, 'requested', $2, '192.0.2.10', now() - interval '21 days' FROM unnest($1::uuid[]) AS id
       UNION ALL
       SELECT id, 'confirmed', $2, '192.0.2.10', now() - interval '20 days' FROM unnest($1::uuid[]) AS id`,
      [ids, CONSENT_TEXT_VERSION],
    );
    subscribers += ids.length;
    if (index === 0) {
      const [waiting] = (await em.query(
        `INSERT INTO panel_subscribers (village_id, email, name, status, source)
         VALUES ($1, $2, 'Per Lauridsen', 'pending', 'signup') RETURNING id`,
        [village.id, `per-lauridsen.${slug(village.name)}@blup.test`],
      )) as { id: string }[];
      await em.query(
        `INSERT INTO panel_consents (subscriber_id, action, consent_text_version, ip)
         VALUES ($1, 'requested', $2, '192.0.2.11')`,
        [waiting.id, CONSENT_TEXT_VERSION],
      );
      subscribers++;
    }
  }
  return { subscribers };
}
