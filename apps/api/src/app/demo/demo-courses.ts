import { CourseAudience, LessonKind, Phase, Role } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { sanitiseLessonHtml } from '../courses/lesson-html';
import { Course, CourseAccess, CourseModule, Lesson, type User } from '../database/entities';

/**
 * The demo courses: the BLUP course (kick-off plus four modules, as in DOMAIN.md) and two
 * academy courses. The seed then gives every video lesson the bundled demo clip
 * (demo-video.ts) and every resource lesson a PDF (demo-templates.ts).
 */
export const BLUP_COURSE_TITLE = 'BLUP – Bæredygtig Lokal UdviklingsProces';
/** The video lesson the demo video is attached to (in the BLUP course's kick-off). */
export const DEMO_VIDEO_LESSON_TITLE = 'Hvad er BLUP?';

interface DemoLesson {
  title: string;
  kind: LessonKind;
  durationSeconds?: number;
  body?: string;
  inspiration?: boolean;
}

interface DemoModule {
  title: string;
  summary: string;
  phase: Phase | null;
  months: string;
  lessons: DemoLesson[];
}

export interface DemoCourse {
  title: string;
  summary: string;
  audience: CourseAudience;
  modules: DemoModule[];
  /** Emails of the learners invited to it. */
  invite?: string[];
}

const video = (title: string, minutes: number, inspiration = false): DemoLesson => ({
  title,
  kind: LessonKind.Video,
  durationSeconds: Math.round(minutes * 60),
  inspiration,
});
const text = (title: string, body: string): DemoLesson => ({ title, kind: LessonKind.Text, body });
const resource = (title: string): DemoLesson => ({ title, kind: LessonKind.Resource });

const LEARNERS = ['lokalraad.naestved@blup.test', 'politiker.kerteminde@blup.test'];

export const DEMO_COURSES: readonly DemoCourse[] = [
  {
    title: BLUP_COURSE_TITLE,
    summary:
      'Landsbyens vej gennem BLUP: optakt og fire moduler over cirka ni måneder, med studiekredse, nyhedsbreve og et fysisk træf i hvert modul.',
    audience: CourseAudience.VillageProcess,
    modules: [
      {
        title: 'Optakt',
        summary: 'Aftaler med kommunen og lokalrådet, og styregruppen tager form.',
        phase: Phase.KickOff,
        months: 'inden start',
        lessons: [
          video(DEMO_VIDEO_LESSON_TITLE, 4.5, true),
          video('Verdensmålene som værktøj', 7),
          text(
            'Sådan danner I en god styregruppe',
            '<h2>Styregruppen</h2>' +
              '<p>Styregruppen samler landsbyens nøglepersoner, ofte 10–30 mennesker fra foreninger, institutioner, erhvervsliv, lokalrådet og de ildsjæle, alle kender. Det er styregruppen, der bærer BLUP-processen gennem de cirka ni måneder: den deltager i studiekredsene, kommer til de fysiske kurser og sørger for, at resten af landsbyen bliver inddraget undervejs.</p>' +
              '<p><strong>Koordinationsgruppen</strong> på 2–4 personer leder styregruppen. Den er helst en ny gruppe, sat sammen til opgaven, og ikke en eksisterende bestyrelse. Koordinationsgruppen indkalder til møder, holder kontakten til sekretariatets to facilitatorer og til kommunens kontaktperson, og den sørger for, at beslutninger bliver fulgt op.</p>' +
              '<p>Tænk bredt, når I inviterer. En god styregruppe spejler landsbyen: unge og ældre, tilflyttere og dem, der har boet her hele livet, erhvervsdrivende og foreningsfolk. Spørg hellere én for meget end én for lidt; den, der bliver spurgt personligt, siger oftere ja.</p>' +
              '<ul><li>Tænk bredt: foreninger, erhverv, institutioner</li><li>Mød jer 1–2 gange i hver fase</li><li>Aftal på første møde formål, tidshorisont, hvordan I kommunikerer, og en forretningsorden</li></ul>',
          ),
        ],
      },
      {
        title: 'Modul 1: Mobilisering',
        summary: 'Flere frivillige, et borgerpanel og et fælles afsæt.',
        phase: Phase.Mobilisation,
        months: 'måned 1–2',
        lessons: [
          video('Mobilisering af frivillige', 9, true),
          text(
            'Borgerpanelet',
            '<p>Borgerpanelet er så mange af landsbyens borgere som muligt – mindst en mailliste. Panelet er landsbyens høringsgruppe og ressourcegruppe: det er her, styregruppen spørger, før den beslutter, og det er herfra, de nye frivillige kommer.</p>' +
              '<p>Panelet oprettes i modul 1, men det kan også vokse i modul 2 eller ved fremtidsværkstedet. Brug alle kanaler: en liste ved indgangen til byfesten, et opslag i den lokale Facebook-gruppe, en seddel i postkassen og et personligt spørgsmål til naboen. Jo flere der melder sig, jo stærkere står landsbyens plan.</p>' +
              '<p>Brug panelet aktivt. I modul 2 får det spørgeskemaet om livet i landsbyen, i modul 3 inviteres det til fremtidsværkstedet, og i modul 4 hører det landsbyfortællingen og årshjulet. Fortæl altid panelet, hvad dets svar blev brugt til; så svarer det også næste gang.</p>',
          ),
          resource('Styregruppens forretningsorden'),
        ],
      },
      {
        title: 'Modul 2: Kortlægning',
        summary: 'Data, spørgeskema, trends og de første landsbymål.',
        phase: Phase.Mapping,
        months: 'måned 3–4',
        lessons: [
          video('Data fra kommunen', 6),
          resource('Spørgeskemaundersøgelse'),
          video('Fra megatrends til lokale visioner', 11, true),
          text(
            'Landsbymål',
            '<p>Landsbymålene oversætter verdensmålene til konkrete mål for jeres landsby. FN’s 17 verdensmål er store og globale; et landsbymål er lille nok til, at I selv kan nå det, og stort nok til, at det gør en forskel for dem, der bor her.</p>' +
              '<blockquote>Hvad skal være anderledes om fem år?</blockquote>' +
              '<p>Start med kortlægningen: data fra kommunen, svarene fra spørgeskemaet og samtalerne med foreninger, institutioner og virksomheder. Se derefter på de store tendenser – megatrends som urbanisering, klima og digitalisering – og spørg, hvad de betyder lokalt. Bæredygtighedsanalysen hjælper jer med at se, hvor landsbyen står stærkt, og hvor der er mest at hente.</p>' +
              '<p>Formuler hvert mål kort og konkret, for eksempel »Flere unge familier flytter hertil« eller »Alle kan komme til byen uden bil«. Knyt hvert mål til et eller flere verdensmål, og tag målene med til fremtidsværkstedet, hvor hele landsbyen kan justere dem og melde sig til at arbejde for dem.</p>',
          ),
        ],
      },
      {
        title: 'Modul 3: Facilitering',
        summary: 'Fremtidsværkstedet forberedes, faciliteres og inviteres til.',
        phase: Phase.Facilitation,
        months: 'måned 5–6',
        lessons: [
          text(
            'Forbered fremtidsværkstedet',
            '<p>Fremtidsværkstedet er BLUP-processens store begivenhed for alle borgere. Her præsenteres landsbymålene, de justeres i fællesskab, og de bliver til projekter med partnerskaber, handleplaner og arbejdsgrupper. Et godt værksted kræver god forberedelse, og det er det, studiekredsene i modul 3 handler om.</p>' +
              '<ol><li>Find dato og sted</li><li>Inviter hele landsbyen</li><li>Forbered landsbymålene</li></ol>' +
              '<p>Vælg en dato, hvor mange kan – gerne en lørdag eller en hverdagsaften uden sammenfald med andre arrangementer – og et sted, hvor der er plads til at arbejde i grupper. Invitér personligt og bredt: borgerpanelet, foreningerne, skolen, de erhvervsdrivende og kommunens kontaktperson. Sig tydeligt, at alle kan være med, også dem, der kun har en time.</p>' +
              '<p>Forbered landsbymålene, så de kan præsenteres på få minutter hver, og hav en tovholder klar til hver gruppe. Aftal med facilitatorerne, hvem der leder hvad, og sørg for kaffe, navneskilte og store ark papir. Slut værkstedet med at skrive navne på, hvem der går videre med hvilket projekt.</p>',
          ),
          video('Facilitering af fremtidsværkstedet', 12),
        ],
      },
      {
        title: 'Modul 4: Organisering',
        summary: 'Landsbyfortælling, årshjul, årsrapport og BLUP-konferencen.',
        phase: Phase.Organisation,
        months: 'måned 7–9',
        lessons: [
          video('Storytelling som værktøj', 8, true),
          resource('Årshjul og organisering'),
          text(
            'Årsrapporten',
            '<p>Årsrapporten samler årets resultater og viser vejen videre. Brug <em>årshjulet</em> som rygrad: det viser, hvad der skete hvornår, og hvem der stod for det, og det gør det let at se, hvad der skal ske næste år.</p>' +
              '<p>Skriv kort og konkret. Fortæl, hvilke landsbymål I arbejdede med, hvilke projekter arbejdsgrupperne satte i gang, hvor mange frivillige der var med, og hvad der lykkedes. Tag også det med, der ikke lykkedes, og hvad I lærte af det; det giver troværdighed og hjælper dem, der tager over.</p>' +
              '<p>Del årsrapporten med borgerpanelet, lokalrådet og kommunen, og præsenter den ved et borgermøde sammen med landsbyfortællingen. Så bliver den ikke en rapport i en skuffe, men et afsæt for næste års arbejde – og en god grund til, at nye frivillige melder sig.</p>',
          ),
        ],
      },
    ],
  },
  {
    title: 'Samarbejde mellem lokalråd og kommune',
    summary:
      'For lokalråd, kommunale medarbejdere og politikere: roller, forventninger og gode samarbejdsformer.',
    audience: CourseAudience.Academy,
    invite: LEARNERS,
    modules: [
      {
        title: 'Roller og forventninger',
        summary: '',
        phase: null,
        months: '',
        lessons: [
          video('Hvem gør hvad?', 6),
          text(
            'Forventningsafstemning',
            '<p>Aftal tidligt, hvem der er kontaktperson, og hvordan I holder hinanden orienteret. Et godt samarbejde mellem lokalråd og kommune begynder med, at begge parter ved, hvem de skal ringe til, og hvad de kan forvente at få svar på.</p>' +
              '<p>Lokalrådet kender lokalområdet og kan samle borgernes ønsker og frivillige kræfter. Kommunen har data, faglig viden og kontakt til de medarbejdere og politikere, der træffer beslutninger. Når rollerne er tydelige, bliver det lettere at løfte projekter, som ingen af parterne kunne klare alene.</p>' +
              '<p>Tag en samtale om forventninger, før der opstår problemer: Hvor hurtigt svarer kommunen på en henvendelse? Hvornår bliver lokalrådet hørt om planer, der berører området? Skriv svarene ned i en samarbejdsaftale, og se på den igen en gang om året.</p>',
          ),
        ],
      },
      {
        title: 'Samarbejdsworkshoppen',
        summary: '',
        phase: null,
        months: '',
        lessons: [
          video('Sådan forløber workshoppen', 5),
          resource('Skabelon til samarbejdsaftale'),
        ],
      },
    ],
  },
  {
    title: 'Storytelling for lokalsamfund',
    summary: 'Fortæl landsbyens nye, positive historie – og brug den.',
    audience: CourseAudience.Academy,
    invite: LEARNERS,
    modules: [
      {
        title: 'Den gode landsbyfortælling',
        summary: '',
        phase: null,
        months: '',
        lessons: [
          video('Hvad gør en fortælling stærk?', 7, true),
          text(
            'Fra data til fortælling',
            '<p>Tag udgangspunkt i kortlægningen, og find de historier, der får folk til at melde sig. Tal fra kommunen og svar fra spørgeskemaet viser, hvor landsbyen står; fortællingen viser, hvor den vil hen, og hvorfor det er værd at være med.</p>' +
              '<p>Kig efter det overraskende og det konkrete: den forening, der fordoblede sine medlemmer, de tilflyttere, der valgte landsbyen for fællesskabets skyld, eller det projekt fra fremtidsværkstedet, som allerede er i gang. En god landsbyfortælling har personer, et problem og en vej frem.</p>' +
              '<p>Fortæl historien mange steder: på hjemmesiden, i lokalavisen, ved byfesten og i materialet til nye tilflyttere. Lad gerne flere stemmer komme til orde, og opdater fortællingen, når der sker noget nyt. Så bliver den et redskab, ikke bare en tekst.</p>',
          ),
        ],
      },
    ],
  },
];

export interface DemoCourseCounts {
  courses: number;
  lessons: number;
}

/** Writes the demo courses, all published, and invites the demo learners to the academy ones. */
export async function writeDemoCourses(
  em: EntityManager,
  people: readonly User[],
  courses: readonly DemoCourse[] = DEMO_COURSES,
): Promise<DemoCourseCounts> {
  const publishedAt = new Date();
  const byEmail = new Map(people.map((p) => [p.email, p]));
  let lessons = 0;
  for (const [position, c] of courses.entries()) {
    const course = await em.getRepository(Course).save(
      em.create(Course, {
        title: c.title,
        summary: c.summary,
        audience: c.audience,
        language: 'da',
        position,
        publishedAt,
      }),
    );
    for (const [modulePosition, m] of c.modules.entries()) {
      const module = await em.getRepository(CourseModule).save(
        em.create(CourseModule, {
          courseId: course.id,
          title: m.title,
          summary: m.summary,
          phase: m.phase,
          months: m.months,
          position: modulePosition,
          publishedAt,
        }),
      );
      await em.getRepository(Lesson).save(
        m.lessons.map((l, lessonPosition) =>
          em.create(Lesson, {
            moduleId: module.id,
            title: l.title,
            kind: l.kind,
            position: lessonPosition,
            publishedAt,
            inspiration: l.inspiration ?? false,
            body: l.body ? sanitiseLessonHtml(l.body) : '',
            durationSeconds: l.durationSeconds ?? null,
          }),
        ),
      );
      lessons += m.lessons.length;
    }
    const invited = (c.invite ?? []).map((email) => {
      const person = byEmail.get(email);
      if (!person || person.role !== Role.Learner) {
        throw new Error(`Demo course "${c.title}" invites an unknown learner ${email}.`);
      }
      return em.create(CourseAccess, { courseId: course.id, userId: person.id, grantedById: null });
    });
    if (invited.length) await em.getRepository(CourseAccess).save(invited);
  }
  return { courses: courses.length, lessons };
}
