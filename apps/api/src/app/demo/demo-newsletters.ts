import { randomBytes } from 'node:crypto';
import {
  CIRCLE_TIME_ZONE,
  instantOf,
  type NewsletterBlock,
  Role,
  wallTimeOf,
} from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { User } from '../database/entities';

/** A plan of the demo's cohorts: the cohort-wide village session a newsletter leads into. */
interface PlanRow {
  id: string;
  cohort_id: string;
  title: string;
  topic: string;
  starts_at: Date;
}

const webToken = (): string => randomBytes(32).toString('base64url');

/** The content of a newsletter leading into `plan`, with a video card when there is one. */
function blocksFor(
  plan: PlanRow,
  videoId: string | null,
  steps: string[],
  fromLastSession = false,
): NewsletterBlock[] {
  return [
    {
      type: 'text',
      html:
        `<h2>Kære {{navn}}</h2>` +
        `<p>Snart mødes styregruppen i {{landsby}} til studiekredsen <strong>${plan.title}</strong>. ` +
        `Denne gang handler det om »${plan.topic}«.</p>` +
        `<p>Se den korte video herunder før mødet, og tag gerne en nabo med i tankerne.</p>` +
        `<ul><li>Hvad fik vi gjort siden sidst?</li><li>Hvem i landsbyen skal vi have med nu?</li></ul>`,
    },
    ...(videoId ? [{ type: 'video' as const, lessonId: videoId }] : []),
    fromLastSession
      ? { type: 'next_steps', heading: 'Det aftalte I sidst', items: steps, fromLastSession }
      : { type: 'next_steps', heading: 'Før mødet', items: steps },
    { type: 'session' },
  ];
}

/**
 * Demo newsletters for the largest demo cohort (where the demo's steering members are): a
 * draft for its next village session (text with merge fields, an inspiration video card, each
 * village's next steps from its last held session, the session box, also to the citizen panel), and the newsletter for the session
 * before it, already sent to every steering member and confirmed panel subscriber of the
 * cohort's villages, so the archive and the sending progress have something to show.
 */
export async function writeDemoNewsletters(
  em: EntityManager,
  people: User[],
  now = new Date(),
): Promise<{ newsletters: number }> {
  const author = people.find((p) => p.role === Role.Secretariat) ?? null;
  const [next] = (await em.query(
    `SELECT p.id, p.cohort_id, p.title, p.topic, p.starts_at FROM session_plans p
      WHERE p.circle_kind = 'village' AND p.starts_at > $1
      ORDER BY (SELECT count(*) FROM villages v WHERE v.cohort_id = p.cohort_id) DESC,
               p.starts_at, p.id
      LIMIT 1`,
    [now],
  )) as PlanRow[];
  if (!next) return { newsletters: 0 };
  const [previous] = (await em.query(
    `SELECT id, cohort_id, title, topic, starts_at FROM session_plans
      WHERE circle_kind = 'village' AND cohort_id = $1 AND starts_at < $2
      ORDER BY starts_at DESC, id LIMIT 1`,
    [next.cohort_id, next.starts_at],
  )) as PlanRow[];
  const [video] = (await em.query(
    `SELECT l.id FROM lessons l
      WHERE l.inspiration AND l.published_at IS NOT NULL
      ORDER BY l.title, l.id LIMIT 1`,
  )) as { id: string }[];

  const insert = `
    INSERT INTO newsletters (plan_id, subject, preheader, blocks, include_panel, status, send_mode,
                             days_before, send_at, web_token, created_by_id, updated_by_id,
                             scheduled_by_id, sending_started_at, finished_at)
    VALUES ($1, $2, $3, $4::jsonb, true, $5, $6, $7, $8, $9, $10, $10, $11, $12, $13)
    RETURNING id`;
  await em.query(insert, [
    next.id,
    `Næste studiekreds: ${next.title}`,
    'Sådan forbereder I jer, og her er linket til mødet.',
    JSON.stringify(
      blocksFor(
        next,
        video?.id ?? null,
        [
          'Se videoen sammen eller hver for sig.',
          'Skriv to spørgsmål ned, I vil tage op på mødet.',
          'Tjek linket til mødelokalet dagen før.',
        ],
        true,
      ),
    ),
    'draft',
    null,
    null,
    null,
    webToken(),
    author?.id ?? null,
    null,
    null,
    null,
  ]);
  if (!previous) return { newsletters: 1 };

  // "7 days before, at 09:00 Danish time", as the scheduling works it out.
  const sessionDay = wallTimeOf(previous.starts_at, CIRCLE_TIME_ZONE).date;
  const sentDay = new Date(Date.parse(`${sessionDay}T12:00:00Z`) - 7 * 86_400_000);
  const sentAt = instantOf(sentDay.toISOString().slice(0, 10), '09:00', CIRCLE_TIME_ZONE);
  const [sent] = (await em.query(insert, [
    previous.id,
    `Næste studiekreds: ${previous.title}`,
    'Det skal vi tale om, og sådan kommer du med.',
    JSON.stringify(
      blocksFor(previous, video?.id ?? null, [
        'Læs dagsordenen igennem.',
        'Tal med en fra borgerpanelet om emnet.',
      ]),
    ),
    'sent',
    'days_before',
    7,
    sentAt,
    webToken(),
    author?.id ?? null,
    author?.id ?? null,
    sentAt,
    new Date(sentAt.getTime() + 2 * 60_000),
  ])) as { id: string }[];
  // One delivery per recipient, as the sending would have left them: the steering members of
  // each village, then its confirmed panel subscribers, each address once.
  await em.query(
    `WITH recipients AS (
       SELECT DISTINCT ON (lower(x.email)) x.*
         FROM (
           SELECT u.email, u.name, u.locale, u.id AS user_id, NULL::uuid AS subscriber_id,
                  u.village_id, s.id AS session_id, 0 AS rank
             FROM circle_sessions s
             JOIN circles c ON c.id = s.circle_id AND c.kind = 'village'
             JOIN users u ON u.village_id = c.village_id AND u.role = 'steering_member'
                         AND u.disabled_at IS NULL
            WHERE s.plan_id = $2
           UNION ALL
           SELECT p.email, p.name, p.locale, NULL, p.id, p.village_id, s.id, 1
             FROM circle_sessions s
             JOIN circles c ON c.id = s.circle_id AND c.kind = 'village'
             JOIN panel_subscribers p ON p.village_id = c.village_id AND p.status = 'subscribed'
            WHERE s.plan_id = $2
         ) x
        ORDER BY lower(x.email), x.rank
     ), rows AS (SELECT gen_random_uuid() AS id, recipients.* FROM recipients)
     INSERT INTO newsletter_deliveries
       (id, newsletter_id, email, name, locale, user_id, subscriber_id, village_id, session_id,
        status, attempts, message_id, sent_at, updated_at)
     SELECT id, $1, lower(email), left(name, 200), locale, user_id, subscriber_id, village_id,
            session_id, 'sent', 1, '<' || id || '@blup-akademiet>', $3, $3
       FROM rows`,
    [sent.id, previous.id, new Date(sentAt.getTime() + 60_000)],
  );
  return { newsletters: 2 };
}
