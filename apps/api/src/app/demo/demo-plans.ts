import type { PlanContent, StoryContent } from '@blup/contracts';
import sharp from 'sharp';
import type { EntityManager } from 'typeorm';
import type { User, Village } from '../database/entities';
import { slugOf } from '../plans/slug';

/** Glumsø og Omegn's development plan, as its steering group wrote it (invented, plausible). */
const GLUMSO_PLAN: PlanContent = {
  sections: [
    {
      id: 'om-planen',
      title: 'Om planen',
      text: 'Udviklingsplanen er skrevet af styregruppen efter fremtidsværkstedet i forsamlingshuset, hvor 64 borgere var med.\n\nPlanen er levende: vi retter den, når vi når et mål eller får en ny idé.',
    },
    {
      id: 'trafik',
      title: 'Trafik og mobilitet',
      text: 'Bussen kører sjældent. Vi vil have faste samkørselsruter til Næstved og Ringsted og en sikker skolevej langs Møllevej.',
    },
    {
      id: 'natur',
      title: 'Natur og Suså',
      text: 'Naturen er landsbyens styrke. En sti langs Suså skal binde byen og skoven sammen.',
    },
    {
      id: 'faellesskab',
      title: 'Fællesskab og forsamlingshus',
      text: 'Forsamlingshuset skal være åbent flere aftener om ugen: fællesspisning, lektiecafé og motion for seniorer.',
    },
  ],
};

/** The first draft of the plan, before the steering group added the last section. */
const GLUMSO_FIRST_DRAFT: PlanContent = { sections: GLUMSO_PLAN.sections.slice(0, 3) };

/** Kegnæs has begun its plan: a draft, not published. */
const KEGNAES_DRAFT: PlanContent = {
  sections: [
    {
      id: 'faergen',
      title: 'Færgen',
      text: 'Vi skal have en færge, der sejler hele året. Kladde: skriv videre efter mødet med kommunen.',
    },
  ],
};

/** A drawing of the village by the water, as the story's picture (made here, no file needed). */
async function storyPicture(): Promise<{ data: Buffer; width: number; height: number }> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="700">
    <rect width="1200" height="700" fill="#cfe8f3"/>
    <circle cx="980" cy="140" r="70" fill="#fcc30b"/>
    <path d="M0 430 Q300 330 600 420 T1200 400 V700 H0 Z" fill="#56c02b"/>
    <path d="M0 560 Q400 500 800 580 T1200 560 V700 H0 Z" fill="#0a97d9"/>
    <rect x="420" y="300" width="180" height="130" fill="#fd9d24"/>
    <path d="M400 300 L510 220 L620 300 Z" fill="#a21942"/>
  </svg>`;
  const data = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
  return { data, width: 1200, height: 700 };
}

/**
 * Living documents for the demo: Glumsø og Omegn has a published development plan (version 1,
 * then a second version after a new section) and a published story with a picture; Kegnæs has a
 * draft of its plan only, so its public page does not exist.
 */
export async function writeDemoPlans(
  em: EntityManager,
  villages: Village[],
  people: User[],
): Promise<{ documents: number }> {
  const village = (name: string): Village => {
    const found = villages.find((v) => v.name === name);
    if (!found) throw new Error(`The demo plans name an unknown village "${name}".`);
    return found;
  };
  const glumso = village('Glumsø og Omegn');
  const kegnaes = village('Kegnæs');
  const group = people.find((p) => p.villageId === glumso.id && p.coordinationGroup) ?? null;
  const member =
    people.find((p) => p.villageId === glumso.id && !p.coordinationGroup) ?? group ?? null;

  const insertDocument = async (
    villageId: string,
    kind: string,
    draft: unknown,
    revision: number,
    by: User | null,
  ): Promise<string> => {
    const [row] = (await em.query(
      `INSERT INTO village_documents (village_id, kind, draft, revision, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, now() - interval '3 days') RETURNING id`,
      [villageId, kind, JSON.stringify(draft), revision, by?.id ?? null],
    )) as { id: string }[];
    return row.id;
  };
  const change = async (
    documentId: string,
    revision: number,
    summary: string,
    by: User | null,
    daysAgo: number,
  ): Promise<void> => {
    await em.query(
      `INSERT INTO village_document_changes (document_id, revision, summary, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, now() - make_interval(days => $5::int))`,
      [documentId, revision, summary, by?.id ?? null, daysAgo],
    );
  };
  const version = async (
    documentId: string,
    number: number,
    revision: number,
    content: unknown,
    daysAgo: number,
  ): Promise<void> => {
    await em.query(
      `INSERT INTO village_document_versions (document_id, version, revision, content, published_by, published_at)
       VALUES ($1, $2, $3, $4, $5, now() - make_interval(days => $6::int))`,
      [documentId, number, revision, JSON.stringify(content), group?.id ?? null, daysAgo],
    );
  };

  // The plan: two saves, version 1, a new section, version 2.
  const plan = await insertDocument(glumso.id, 'plan', GLUMSO_PLAN, 2, member);
  await change(
    plan,
    1,
    'Udviklingsplanen påbegyndt: Afsnittet »Om planen« tilføjet; Afsnittet »Trafik og mobilitet« tilføjet; Afsnittet »Natur og Suså« tilføjet',
    group,
    40,
  );
  await version(plan, 1, 1, GLUMSO_FIRST_DRAFT, 39);
  await change(plan, 1, 'Version 1 offentliggjort', group, 39);
  await change(plan, 2, 'Afsnittet »Fællesskab og forsamlingshus« tilføjet', member, 10);
  await version(plan, 2, 2, GLUMSO_PLAN, 9);
  await change(plan, 2, 'Version 2 offentliggjort', group, 9);
  await em.query(`UPDATE village_documents SET published_version = 2 WHERE id = $1`, [plan]);

  // The story, with its picture, published once.
  const story = await insertDocument(glumso.id, 'story', { html: '' }, 1, group);
  const picture = await storyPicture();
  const [image] = (await em.query(
    `INSERT INTO village_document_images (document_id, mime, width, height, bytes, data, created_by)
     VALUES ($1, 'image/jpeg', $2, $3, $4, $5, $6) RETURNING id`,
    [story, picture.width, picture.height, picture.data.length, picture.data, group?.id ?? null],
  )) as { id: string }[];
  const storyContent: StoryContent = {
    html:
      `<h2>Fra stationsby til landsby med plads til alle</h2>` +
      `<p>Glumsø voksede op om jernbanen og teglværket. Da toget holdt op med at standse hver time, flyttede butikkerne, men foreningerne blev.</p>` +
      `<img src="/api/document-images/${image.id}" alt="Tegning af Glumsø ved Suså med forsamlingshuset" />` +
      `<p>I dag er vi 2.100 indbyggere i byen og omegnen. Vi vil være en landsby, hvor unge kan blive, og ældre kan bo længe.</p>` +
      `<ul><li>Fællesspisning hver anden torsdag</li><li>Samkørsel til Næstved</li><li>Stien langs Suså</li></ul>`,
  };
  await em.query(`UPDATE village_documents SET draft = $2 WHERE id = $1`, [
    story,
    JSON.stringify(storyContent),
  ]);
  await change(
    story,
    1,
    'Landsbyfortællingen påbegyndt: Fortællingen skrevet; Et billede tilføjet',
    group,
    20,
  );
  await version(story, 1, 1, storyContent, 19);
  await change(story, 1, 'Version 1 offentliggjort', group, 19);
  await em.query(`UPDATE village_documents SET published_version = 1 WHERE id = $1`, [story]);

  await em.query(`INSERT INTO village_public_pages (village_id, slug) VALUES ($1, $2)`, [
    glumso.id,
    slugOf(glumso.name),
  ]);

  // Kegnæs: a draft only.
  const kegnaesAuthor = people.find((p) => p.villageId === kegnaes.id) ?? null;
  const draft = await insertDocument(kegnaes.id, 'plan', KEGNAES_DRAFT, 1, kegnaesAuthor);
  await change(
    draft,
    1,
    'Udviklingsplanen påbegyndt: Afsnittet »Færgen« tilføjet',
    kegnaesAuthor,
    5,
  );
  return { documents: 3 };
}
