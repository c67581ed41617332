import { CourseAudience, LessonKind, Phase, Role } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { sanitiseLessonHtml } from '../courses/lesson-html';
import { Course, CourseAccess, CourseModule, Lesson, type User } from '../database/entities';

/**
 * The demo courses: the BLUP course (kick-off plus four modules, as in DOMAIN.md) and two
 * academy courses. Video lessons carry a plausible duration but no video; the video part
 * attaches the bundled demo video to the lesson titled DEMO_VIDEO_LESSON_TITLE.
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
        months: 'aug.–okt.',
        lessons: [
          video(DEMO_VIDEO_LESSON_TITLE, 4.5, true),
          video('Verdensmålene som værktøj', 7),
          text(
            'Sådan danner I en god styregruppe',
            '<h2>Styregruppen</h2><p>Styregruppen samler landsbyens nøglepersoner, ofte 10–30. <strong>Koordinationsgruppen</strong> på 2–4 personer leder den.</p><ul><li>Tænk bredt: foreninger, erhverv, institutioner</li><li>Mød jer 1–2 gange i hver fase</li></ul>',
          ),
        ],
      },
      {
        title: 'Modul 1: Mobilisering',
        summary: 'Flere frivillige, et borgerpanel og et fælles afsæt.',
        phase: Phase.Mobilisation,
        months: 'okt.–dec.',
        lessons: [
          video('Mobilisering af frivillige', 9, true),
          text(
            'Borgerpanelet',
            '<p>Borgerpanelet er så mange af landsbyens borgere som muligt – mindst en mailliste. Panelet bruges til høringer og spørgeskemaer.</p>',
          ),
          resource('Styregruppens forretningsorden'),
        ],
      },
      {
        title: 'Modul 2: Kortlægning',
        summary: 'Data, spørgeskema, trends og de første landsbymål.',
        phase: Phase.Mapping,
        months: 'jan.–mar.',
        lessons: [
          video('Data fra kommunen', 6),
          resource('Spørgeskemaundersøgelse'),
          video('Fra megatrends til lokale visioner', 11, true),
          text(
            'Landsbymål',
            '<p>Landsbymålene oversætter verdensmålene til konkrete mål for jeres landsby.</p><blockquote>Hvad skal være anderledes om fem år?</blockquote>',
          ),
        ],
      },
      {
        title: 'Modul 3: Facilitering',
        summary: 'Fremtidsværkstedet forberedes, faciliteres og inviteres til.',
        phase: Phase.Facilitation,
        months: 'apr.–jun.',
        lessons: [
          text(
            'Forbered fremtidsværkstedet',
            '<ol><li>Find dato og sted</li><li>Inviter hele landsbyen</li><li>Forbered landsbymålene</li></ol>',
          ),
          video('Facilitering af fremtidsværkstedet', 12),
        ],
      },
      {
        title: 'Modul 4: Organisering',
        summary: 'Landsbyfortælling, årshjul, årsrapport og BLUP-konferencen.',
        phase: Phase.Organisation,
        months: 'jul.–sep.',
        lessons: [
          video('Storytelling som værktøj', 8, true),
          resource('Årshjul og organisering'),
          text(
            'Årsrapporten',
            '<p>Årsrapporten samler årets resultater og viser vejen videre. Brug <em>årshjulet</em> som rygrad.</p>',
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
            '<p>Aftal tidligt, hvem der er kontaktperson, og hvordan I holder hinanden orienteret.</p>',
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
            '<p>Tag udgangspunkt i kortlægningen, og find de historier, der får folk til at melde sig.</p>',
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
