import {
  LIBRARY_FILE_TYPES,
  LibraryDocumentKind,
  LibraryLinkTarget,
  Phase,
  type LibraryFileExtension,
} from '@blup/contracts';
import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { FileStore } from '../files/file-store';
import {
  CircleSession,
  LibraryDocument,
  LibraryDocumentVersion,
  LibraryLink,
  Lesson,
} from '../database/entities';
import { DEMO_TEMPLATES } from './demo-templates';
import { writeDocx, writeXlsx, type DocxDocument } from './ooxml-writer';
import { writePdf } from './pdf-writer';

/** The title of the future-workshop guide, linked from a session and a lesson. */
export const DEMO_WORKSHOP_GUIDE = 'Guide til fremtidsværkstedet';
/** The session (in every village's circle) and the lesson the guide is linked from. */
const WORKSHOP_SESSION_TITLE = 'Forbered fremtidsværkstedet';
const WORKSHOP_LESSON_TITLE = 'Forbered fremtidsværkstedet';

interface DemoLibraryDocument {
  phase: Phase;
  kind: LibraryDocumentKind;
  title: string;
  description: string;
  fileName: string;
  content: () => Buffer;
  /** Resource lessons (by title) that hand out the same document. */
  lessons?: string[];
}

const asDocx = (title: string): DocxDocument => {
  const template = DEMO_TEMPLATES[title];
  if (!template) throw new Error(`No demo template "${title}".`);
  return template.doc;
};

const AGREEMENT = {
  title: 'Aftale om et BLUP-forløb mellem kommunen og landsbyen',
  sections: [
    {
      paragraphs: [
        'Skabelon fra BLUP Akademiet til optakten. Aftalen gør det klart, hvem der gør hvad, før forløbet går i gang. Udfyld de tomme felter sammen med kommunens kontaktperson og lokalrådet.',
      ],
    },
    {
      heading: '1. Parterne',
      paragraphs: [
        'Kommune: ______________________  Kontaktperson: ______________________',
        'Landsby: ______________________  Koordinationsgruppe (2–4 personer): ______________________',
        'BLUP-sekretariatet ved landsbycoachene Helene Simoni Thorup og Tyge Mortensen.',
      ],
    },
    {
      heading: '2. Formål',
      paragraphs: [
        'Landsbyen gennemfører en Bæredygtig Lokal UdviklingsProces (BLUP) for at mobilisere flere frivillige, styrke det lokale fællesskab og sætte nye bæredygtige initiativer i gang. Resultatet bliver en bæredygtig lokal udviklingsplan og en ny landsbyfortælling.',
      ],
    },
    {
      heading: '3. De tre krav',
      paragraphs: [
        '• Kommunen er med: den stiller en kontaktperson til rådighed og finansierer forløbet.',
        '• Mindst to i landsbyen synes, det er en god idé, og vil løbe det i gang som koordinationsgruppe.',
        '• Der er en kultur for samarbejde i landsbyen, eller lysten til det skal skabes.',
      ],
    },
    {
      heading: '4. Hvad forløbet indeholder',
      paragraphs: [
        '• En opstartsworkshop lokalt, et midtvejskursus, facilitering af fremtidsværkstedet og en afsluttende konference.',
        '• Cirka 10 online studiekredsmøder for styregruppen og fri adgang til videokurser, skabeloner og arbejdsmanualer.',
        '• Et online mødelokale for landsbyen og en hotline til sekretariatet.',
      ],
    },
    {
      heading: '5. Pris og tid',
      paragraphs: [
        'Et faciliteret forløb koster 48.000 kr. og betales helt eller delvist af kommunen. Forløbet tager cirka ni måneder, inklusive ferier, og slutter med BLUP-konferencen.',
      ],
    },
    {
      heading: '6. Kontaktpersonens rolle',
      paragraphs: [
        'Kontaktpersonen inviteres til de online og fysiske møder, deltager efter behov, er bindeled til relevante personer i kommunen og leverer de data, kommunen har om landsbyen.',
      ],
    },
    {
      heading: '7. Underskrifter',
      paragraphs: [
        'For kommunen: ______________________  Dato: __________',
        'For landsbyen: ______________________  Dato: __________',
      ],
    },
  ],
};

const WORKSHOP_GUIDE = {
  title: DEMO_WORKSHOP_GUIDE,
  sections: [
    {
      paragraphs: [
        'Arbejdsmanual til modul 3. På fremtidsværkstedet bliver landsbyens bæredygtige mål til konkrete initiativer, projekter og arbejdsgrupper. Det er forløbets store dag for alle borgere.',
      ],
    },
    {
      heading: 'Før: forberedelse',
      paragraphs: [
        '• Sæt en dato 6–8 uger frem, og book forsamlingshuset eller skolen.',
        '• Fordel rollerne: ordstyrer, en facilitator pr. bord, tidtager, køkken og oprydning.',
        '• Print landsbymålene fra kortlægningen på store plakater, ét mål pr. plakat.',
        '• Bestil mad og kaffe efter tilmeldingerne; spørg om allergier.',
      ],
    },
    {
      heading: 'Invitationen',
      paragraphs: [
        '• Inviter hele landsbyen: borgerpanelets mailliste, opslagstavlen, en seddel i postkassen og den lokale Facebook-gruppe.',
        '• Skriv kort, hvad der skal ske, hvorfor det er vigtigt, og at alle er velkomne, også nye i byen og unge.',
        '• Spørg personligt: en invitation fra naboen virker bedre end et opslag.',
      ],
    },
    {
      heading: 'Programmet (cirka 3 timer)',
      paragraphs: [
        '• Velkomst og fortællingen om, hvor landsbyen står i dag (15 min.).',
        '• Fremlæggelse af landsbymålene, drøftelse og tilpasning ved bordene (45 min.).',
        '• Projektudvikling: hvert bord giver ét mål konkrete projektidéer (45 min.).',
        '• Partnerskaber: hvem kan hjælpe, i landsbyen, i kommunen og udefra? (20 min.)',
        '• Handleplaner: hvert projekt får en tovholder, en arbejdsgruppe og et første skridt med dato (40 min.).',
        '• Afrunding: hvad sker der nu, og hvornår hører I fra styregruppen (15 min.).',
      ],
    },
    {
      heading: 'At facilitere',
      paragraphs: [
        'Facilitatoren ved bordet sørger for, at alle kommer til orde, at idéerne bliver skrevet ned, og at snakken ender i noget konkret. Stil åbne spørgsmål, og hold jer til tiden.',
      ],
    },
    {
      heading: 'Efter: de første 14 dage',
      paragraphs: [
        '• Send et kort referat og listen over arbejdsgrupper til alle, der var med.',
        '• Læg initiativerne ind i appen under landsbyens initiativer, så alle kan følge med.',
        '• Hold det første møde i hver arbejdsgruppe inden for en måned.',
      ],
    },
  ],
};

const REPORT_OUTLINE: DocxDocument = {
  title: 'Disposition til landsbyens udviklingsplan',
  sections: [
    {
      paragraphs: [
        'Skabelon til modul 4: rapportskrivning. Brug dispositionen til jeres bæredygtige lokale udviklingsplan, og skriv kort og konkret. Planen formidles på BLUP-konferencen.',
      ],
    },
    {
      heading: '1. Landsbyens fortælling',
      paragraphs: ['Hvem er vi, hvad er vi stolte af, og hvor vil vi hen? Én side.'],
    },
    {
      heading: '2. Sådan gjorde vi',
      paragraphs: [
        'Styregruppen, borgerpanelet, spørgeskemaundersøgelsen, fremtidsværkstedet: hvor mange var med, og hvad kom der ud af det?',
      ],
    },
    {
      heading: '3. Kortlægningen',
      paragraphs: ['Landsbyens styrker, udfordringer og muligheder. Hvor bæredygtige er vi i dag?'],
    },
    {
      heading: '4. Landsbymålene',
      paragraphs: ['Hvert mål med de verdensmål, det bidrager til, og hvordan I måler fremskridt.'],
    },
    {
      heading: '5. Initiativer og arbejdsgrupper',
      paragraphs: ['Hvert initiativ med tovholder, partnere, næste milepæl og status.'],
    },
    {
      heading: '6. Organisering og årshjul',
      paragraphs: [
        'Hvem holder overblikket, hvornår mødes I, og hvordan holder I landsbyen orienteret?',
      ],
    },
    {
      heading: '7. Samarbejdet med kommunen',
      paragraphs: ['Hvad har I brug for fra kommunen, og hvad kan I give igen?'],
    },
  ],
};

const MONTHS = [
  'Januar',
  'Februar',
  'Marts',
  'April',
  'Maj',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'December',
];

const WHEEL_EXAMPLES: Record<string, [string, string, string]> = {
  Januar: ['Styregruppemøde: status på landsbymålene', 'Styregruppen', 'Forsamlingshuset'],
  Marts: ['Årsrapporten skrives', 'Koordinationsgruppen', ''],
  April: ['Borgermøde: årsrapport og landsbyfortælling', 'Styregruppen', 'Forsamlingshuset'],
  Juni: ['Sommerfest og hvervning af frivillige', 'Festudvalget', 'Sportspladsen'],
  September: ['Arbejdsgrupperne planlægger næste år', 'Tovholderne', ''],
  November: ['Dialogmøde med kommunen', 'Koordinationsgruppen', 'Rådhuset'],
};

function annualWheel(): Buffer {
  return writeXlsx('Årshjul', [
    ['Måned', 'Aktivitet', 'Hvem står for det', 'Hvor', 'Bemærkning'],
    ...MONTHS.map((month) => [month, ...(WHEEL_EXAMPLES[month] ?? ['', '', '']), '']),
  ]);
}

const DOCUMENTS: readonly DemoLibraryDocument[] = [
  {
    phase: Phase.KickOff,
    kind: LibraryDocumentKind.Template,
    title: 'Aftale med kommunen',
    description:
      'Aftalepapiret mellem kommunen, landsbyen og BLUP-sekretariatet: de tre krav, hvad forløbet indeholder, pris, tid og kontaktpersonens rolle. Udfyldes i optakten.',
    fileName: 'Aftale med kommunen.pdf',
    content: () => writePdf(AGREEMENT),
  },
  {
    phase: Phase.Mobilisation,
    kind: LibraryDocumentKind.Template,
    title: 'Styregruppens forretningsorden',
    description:
      'Skabelon til styregruppens forretningsorden: formål, sammensætning, møder, beslutninger og kommunikation. Ret den til, og vedtag den på det første møde.',
    fileName: 'Styregruppens forretningsorden.docx',
    content: () => writeDocx(asDocx('Styregruppens forretningsorden')),
    lessons: ['Styregruppens forretningsorden'],
  },
  {
    phase: Phase.Mapping,
    kind: LibraryDocumentKind.Template,
    title: 'Spørgeskema til lokalsamfundet',
    description:
      'Spørgeskemaet til kortlægningen: om dig, livet i landsbyen og fremtiden. Send det til borgerpanelet, eller lav det i appen under Spørgeskemaer.',
    fileName: 'Spørgeskema til lokalsamfundet.docx',
    content: () => writeDocx(asDocx('Spørgeskemaundersøgelse')),
    lessons: ['Spørgeskemaundersøgelse'],
  },
  {
    phase: Phase.Facilitation,
    kind: LibraryDocumentKind.Manual,
    title: DEMO_WORKSHOP_GUIDE,
    description:
      'Arbejdsmanual til fremtidsværkstedet: forberedelse, invitation, et program på tre timer, facilitering ved bordene og de første 14 dage efter.',
    fileName: 'Guide til fremtidsværkstedet.pdf',
    content: () => writePdf(WORKSHOP_GUIDE),
  },
  {
    phase: Phase.Organisation,
    kind: LibraryDocumentKind.Template,
    title: 'Skabelon til årshjul',
    description:
      'Et regneark med årets tolv måneder: hvad sker der, hvem står for det og hvor. Med eksempler, I kan rette til.',
    fileName: 'Skabelon til årshjul.xlsx',
    content: annualWheel,
    lessons: ['Årshjul og organisering'],
  },
  {
    phase: Phase.Organisation,
    kind: LibraryDocumentKind.Template,
    title: 'Disposition til rapporten',
    description:
      'Dispositionen til landsbyens bæredygtige lokale udviklingsplan: fortælling, proces, kortlægning, mål, initiativer, organisering og samarbejdet med kommunen.',
    fileName: 'Disposition til rapporten.docx',
    content: () => writeDocx(REPORT_OUTLINE),
  },
];

/**
 * Writes the demo's phase library: one real, openable file per phase (and the report outline),
 * kept like the other uploads in the file store under library/, and links the future-workshop guide
 * from the "Forbered fremtidsværkstedet" sessions and lesson, and each template to the resource
 * lesson that hands out the same document. Does nothing when the library has documents already.
 */
export async function writeDemoLibrary(em: EntityManager, files: FileStore): Promise<number> {
  if (await em.getRepository(LibraryDocument).exists()) return 0;
  const lessons = await em.getRepository(Lesson).find({ select: { id: true, title: true } });
  const lessonIds = (title: string) => lessons.filter((l) => l.title === title).map((l) => l.id);
  for (const item of DOCUMENTS) {
    const bytes = item.content();
    const ext = extname(item.fileName) as LibraryFileExtension;
    const key = `library/${randomUUID()}${ext}`;
    await files.put(key, bytes, LIBRARY_FILE_TYPES[ext]);
    const doc = await em.getRepository(LibraryDocument).save(
      em.getRepository(LibraryDocument).create({
        phase: item.phase,
        kind: item.kind,
        title: item.title,
        description: item.description,
        currentVersion: 1,
      }),
    );
    await em.getRepository(LibraryDocumentVersion).insert({
      documentId: doc.id,
      number: 1,
      fileKey: key,
      fileName: item.fileName,
      mediaType: LIBRARY_FILE_TYPES[ext],
      sizeBytes: bytes.length,
      note: 'Første udgave',
    });
    const links: Pick<LibraryLink, 'documentId' | 'target' | 'targetId'>[] = (
      item.lessons ?? []
    ).flatMap((title) =>
      lessonIds(title).map((targetId) => ({
        documentId: doc.id,
        target: LibraryLinkTarget.Lesson,
        targetId,
      })),
    );
    if (item.title === DEMO_WORKSHOP_GUIDE) {
      const sessions = await em
        .getRepository(CircleSession)
        .find({ where: { title: WORKSHOP_SESSION_TITLE }, select: { id: true } });
      links.push(
        ...sessions.map((s) => ({
          documentId: doc.id,
          target: LibraryLinkTarget.Session,
          targetId: s.id,
        })),
        ...lessonIds(WORKSHOP_LESSON_TITLE).map((targetId) => ({
          documentId: doc.id,
          target: LibraryLinkTarget.Lesson,
          targetId,
        })),
      );
    }
    if (links.length) await em.getRepository(LibraryLink).insert(links);
  }
  return DOCUMENTS.length;
}
