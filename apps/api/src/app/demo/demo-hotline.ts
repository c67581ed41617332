import { HotlineState } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { User } from '../database/entities';

interface DemoMessage {
  /** Who wrote: the asker, or the secretariat (the first secretariat person of the demo). */
  from: 'asker' | 'secretariat';
  body: string;
  via?: 'app' | 'mail';
  /** Hours after the question. */
  after: number;
}

interface DemoRequest {
  asker: string;
  subject: string;
  pagePath: string;
  /** Days before the seed. */
  daysAgo: number;
  state: HotlineState;
  messages: DemoMessage[];
}

/** Questions to the secretariat (invented, plausible): new, open, answered and one closed. */
const REQUESTS: DemoRequest[] = [
  {
    asker: 'styregruppe.glumsoe@blup.test',
    subject: 'Må borgerpanelet se referatet fra styregruppemødet?',
    pagePath: '/newsletters',
    daysAgo: 0,
    state: HotlineState.New,
    messages: [
      {
        from: 'asker',
        body: 'Vi vil gerne sende referatet med i næste nyhedsbrev. Må vi det, eller skal noget tages ud først?',
        after: 0,
      },
    ],
  },
  {
    asker: 'medlem.glumsoe@blup.test',
    subject: 'Hvor mange skal vi være til fremtidsværkstedet?',
    pagePath: '/villages',
    daysAgo: 2,
    state: HotlineState.Open,
    messages: [
      { from: 'asker', body: 'Er der et mindste antal deltagere, før det giver mening?', after: 0 },
      {
        from: 'secretariat',
        body: 'Det virker fint fra omkring 25. Det vigtigste er, at mange slags borgere er med: unge, ældre, tilflyttere og foreninger.',
        after: 3,
      },
      {
        from: 'asker',
        body: 'Tak. Skal vi selv sørge for mad, eller er det med i prisen?',
        via: 'mail',
        after: 20,
      },
    ],
  },
  {
    asker: 'styregruppe.kegnaes@blup.test',
    subject: 'Hvordan inviterer vi nye medlemmer til styregruppen?',
    pagePath: '/people',
    daysAgo: 5,
    state: HotlineState.Waiting,
    messages: [
      {
        from: 'asker',
        body: 'Vi har to nye, der gerne vil være med. Hvordan får de adgang?',
        after: 0,
      },
      {
        from: 'secretariat',
        body: 'Koordinationsgruppen kan invitere dem under Personer: tryk på »Invitér«, skriv deres navn og mail, og vælg styregruppemedlem. De får en mail med et link.',
        after: 2,
      },
    ],
  },
  {
    asker: 'lokalraad.naestved@blup.test',
    subject: 'Kan jeg se kursusvideoerne igen senere?',
    pagePath: '/courses',
    daysAgo: 12,
    state: HotlineState.Closed,
    messages: [
      { from: 'asker', body: 'Jeg nåede ikke alle videoer i modul 1. Forsvinder de?', after: 0 },
      {
        from: 'secretariat',
        body: 'Nej, de bliver liggende. Du kan se dem igen under Kurser, så længe forløbet kører.',
        after: 5,
      },
      { from: 'asker', body: 'Dejligt, tak!', after: 8 },
    ],
  },
];

/** Published answers people see before they ask. */
const FAQ: { question: string; answer: string; fromSubject?: string }[] = [
  {
    question: 'Hvordan inviterer vi nye medlemmer til styregruppen?',
    answer:
      'Koordinationsgruppen kan invitere dem under Personer: tryk på »Invitér«, skriv deres navn og mail, og vælg styregruppemedlem. De får en mail med et link.',
    fromSubject: 'Hvordan inviterer vi nye medlemmer til styregruppen?',
  },
  {
    question: 'Kan jeg se kursusvideoerne igen senere?',
    answer: 'Ja. Videoerne bliver liggende under Kurser, så længe forløbet kører.',
    fromSubject: 'Kan jeg se kursusvideoerne igen senere?',
  },
  {
    question: 'Hvor mange borgere skal der være til fremtidsværkstedet?',
    answer:
      'Det virker fint fra omkring 25 deltagere. Det vigtigste er, at mange slags borgere er med: unge, ældre, tilflyttere og foreninger.',
  },
];

/** The demo hotline: open and answered questions from demo villages, and a published FAQ. */
export async function writeDemoHotline(em: EntityManager, people: User[]): Promise<void> {
  const byEmail = new Map(people.map((p) => [p.email, p]));
  const secretariat = byEmail.get('sekretariat@blup.test');
  const ids = new Map<string, string>();
  const now = Date.now();
  for (const r of REQUESTS) {
    const asker = byEmail.get(r.asker);
    if (!asker || !secretariat) throw new Error(`Demo hotline: unknown person ${r.asker}.`);
    const asked = new Date(now - r.daysAgo * 24 * 3600_000 - 3600_000);
    const at = (m: DemoMessage) => new Date(asked.getTime() + m.after * 3600_000);
    const first = r.messages.find((m) => m.from === 'secretariat');
    const last = r.messages[r.messages.length - 1];
    const [row] = (await em.query(
      `INSERT INTO hotline_requests (asker_id, village_id, municipality_id, page_path, subject,
                                     state, created_at, last_message_at, first_response_at,
                                     closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        asker.id,
        asker.villageId,
        asker.municipalityId,
        r.pagePath,
        r.subject,
        r.state,
        asked,
        at(last),
        first ? at(first) : null,
        r.state === HotlineState.Closed ? at(last) : null,
      ],
    )) as { id: string }[];
    ids.set(r.subject, row.id);
    for (const m of r.messages) {
      const mail = m.via === 'mail';
      await em.query(
        `INSERT INTO hotline_messages (request_id, author_id, from_secretariat, body, via,
                                       mail_message_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          row.id,
          m.from === 'secretariat' ? secretariat.id : mail ? null : asker.id,
          m.from === 'secretariat',
          m.body,
          m.via ?? 'app',
          mail ? `<demo-${row.id}@example.dk>` : null,
          at(m),
        ],
      );
    }
  }
  for (const f of FAQ) {
    await em.query(
      `INSERT INTO hotline_faq (question, answer, published, source_request_id)
       VALUES ($1, $2, true, $3)`,
      [f.question, f.answer, f.fromSubject ? (ids.get(f.fromSubject) ?? null) : null],
    );
  }
}
