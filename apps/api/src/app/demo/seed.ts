import { Logger } from '@nestjs/common';
import { Role } from '@blup/contracts';
import { argon2id, hash } from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig, FilesConfig, VideoConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { attachDemoVideo } from './demo-video';
import { createFileStore } from '../files/files.module';
import { Cohort, Municipality, User, Village } from '../database/entities';
import { demoCalendar, type DemoCohortKey } from './demo-calendar';
import { writeDemoCircles } from './demo-circles';
import { writeDemoCourses } from './demo-courses';
import { writeDemoEnrolment } from './demo-enrolment';
import { writeDemoNewsletters } from './demo-newsletters';
import { writeDemoGoals } from './demo-goals';
import { writeDemoInitiatives } from './demo-initiatives';
import { writeDemoGatherings } from './demo-gatherings';
import { writeDemoIdeas } from './demo-ideas';
import { writeDemoHotline } from './demo-hotline';
import { writeDemoPlans } from './demo-plans';
import { writeDemoSurveys } from './demo-surveys';
import { writeDemoWheelReport } from './demo-wheel-report';
import { writeDemoPanel } from './demo-panel';
import { attachDemoTemplates } from './demo-templates';
import { writeDemoLibrary } from './demo-library';
import {
  DEMO_COHORTS,
  DEMO_MUNICIPALITIES,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_SIGN_INS,
  DEMO_VILLAGES,
  type DemoPerson,
} from './demo-data';

export interface SeedOptions {
  /** Empty every domain table first. */
  reset: boolean;
  /** Do nothing when anyone has an account already. */
  onlyIfEmpty: boolean;
}

export interface SeedResult {
  seeded: boolean;
  municipalities: number;
  villages: number;
  cohorts: number;
  people: number;
  courses: number;
  circles: number;
  circleSessions: number;
}

/**
 * The tables the domain lives in. TRUNCATE … CASCADE also empties any later table that
 * references these, so a reset never leaves rows pointing at nothing.
 */
const DOMAIN_TABLES = [
  'courses',
  'one_time_tokens',
  'sessions',
  'users',
  'villages',
  'cohorts',
  'municipalities',
  'gatherings',
];

/** Two seeds at once (say, two instances booting with SEED_DEMO_IF_EMPTY) take turns. */
const SEED_LOCK = `SELECT pg_advisory_xact_lock(hashtext('blup:demo-seed'))`;

/**
 * Writes the demo data in one transaction: all of it or none. Fixed names, so a reset gives
 * the same data every time (only ids and timestamps differ).
 */
export async function runSeed(
  config: Pick<AppConfig, 'databaseUrl' | 'env'> & {
    video?: Pick<VideoConfig, 'storageDir'>;
    /** Where the templates, captions and library files go; PostgreSQL when not given. */
    files?: FilesConfig;
  },
  options: SeedOptions,
): Promise<SeedResult> {
  const logger = new Logger('Seed');
  if (options.reset && config.env === 'production') {
    throw new Error(
      'Refusing to wipe the database while NODE_ENV=production: "seed --reset" deletes every account.',
    );
  }
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl));
  await dataSource.initialize();
  try {
    // The usual case at boot (SEED_DEMO_IF_EMPTY) is a database in use: answer it before hashing.
    const inUse = !options.reset && (await dataSource.getRepository(User).exists());
    const result =
      inUse && options.onlyIfEmpty ? null : await seedInTransaction(dataSource, options);
    if (!result) {
      logger.log('The database already has people in it; the demo data was not added.');
      return {
        seeded: false,
        municipalities: 0,
        villages: 0,
        cohorts: 0,
        people: 0,
        courses: 0,
        circles: 0,
        circleSessions: 0,
      };
    }
    // The demo video lives in local storage, its captions and the templates in the file store:
    // every video lesson plays the bundled clip, and every template downloads as a real PDF.
    if (config.video) {
      const files = createFileStore(config.files ?? { store: 'postgres', s3: null }, dataSource);
      try {
        await attachDemoVideo(dataSource.manager, config.video.storageDir, files);
        await attachDemoTemplates(dataSource.manager, files);
        // The phase library's files: one per phase, linked from sessions and lessons.
        await writeDemoLibrary(dataSource.manager, files);
      } finally {
        await files.close();
      }
    }
    logger.log(
      `Demo data added: ${result.municipalities} municipalities, ${result.villages} villages, ` +
        `${result.cohorts} cohorts, ${result.people} people, ${result.courses} courses, ` +
        `${result.circles} study circles with ${result.circleSessions} sessions. ` +
        'Sign in with any of: ' +
        DEMO_SIGN_INS.map((s) => s.email).join(', ') +
        ` (password ${DEMO_PASSWORD}).`,
    );
    return result;
  } finally {
    await dataSource.destroy();
  }
}

async function seedInTransaction(
  dataSource: DataSource,
  options: SeedOptions,
): Promise<SeedResult | null> {
  // Hashing is the slow part; do it before the transaction holds any locks. The demo password
  // is published on the sign-in page, so the accounts may as well share one hash of it.
  const passwordHash = await hash(DEMO_PASSWORD, { type: argon2id });
  return dataSource.transaction(async (em) => {
    await em.query(SEED_LOCK);
    if (options.reset) {
      await em.query(`TRUNCATE TABLE ${DOMAIN_TABLES.join(', ')} CASCADE`);
      // The files of the rows just wiped (FILE_STORE=s3 leaves them in the bucket, unread).
      await em.query(`TRUNCATE TABLE stored_files`);
    } else if (await em.getRepository(User).exists()) {
      if (options.onlyIfEmpty) return null;
      throw new Error(
        'The database already has people in it; run "seed --reset" to replace everything with the demo data.',
      );
    }
    return writeDemoData(em, passwordHash);
  });
}

async function writeDemoData(em: EntityManager, passwordHash: string): Promise<SeedResult> {
  const municipalities = await em
    .getRepository(Municipality)
    .save(DEMO_MUNICIPALITIES.map((name) => em.create(Municipality, { name })));
  const municipalityId = byName(municipalities);

  const calendar = demoCalendar(new Date());
  const cohorts = await em
    .getRepository(Cohort)
    .save(DEMO_COHORTS.map((key) => em.create(Cohort, calendar[key])));
  const cohortId = (key: DemoCohortKey): string => byName(cohorts)(calendar[key].name);

  const villages = await em.getRepository(Village).save(
    DEMO_VILLAGES.map((v) =>
      em.create(Village, {
        name: v.name,
        description: v.description,
        municipalityId: municipalityId(v.municipality),
        cohortId: v.cohort ? cohortId(v.cohort) : null,
      }),
    ),
  );
  const villageByName = new Map(villages.map((v) => [v.name, v]));

  const now = new Date();
  const placement = (p: DemoPerson): Pick<User, 'municipalityId' | 'villageId'> => {
    if (p.role === Role.Secretariat) return { municipalityId: null, villageId: null };
    if (p.role === Role.SteeringMember) {
      const village = villageByName.get(p.village ?? '');
      if (!village)
        throw new Error(`Demo person ${p.email} names an unknown village "${p.village}".`);
      return { municipalityId: village.municipalityId, villageId: village.id };
    }
    return { municipalityId: municipalityId(p.municipality ?? ''), villageId: null };
  };
  const people = await em.getRepository(User).save(
    DEMO_PEOPLE.map((p) =>
      em.create(User, {
        email: p.email,
        name: p.name,
        passwordHash,
        role: p.role,
        locale: 'da',
        ...placement(p),
        coordinationGroup: p.coordinationGroup ?? false,
        contactPerson: p.contactPerson ?? false,
        learnerKind: p.learnerKind ?? null,
        activatedAt: now,
      }),
    ),
  );
  const courses = await writeDemoCourses(em, people);
  const circles = await writeDemoCircles(em, cohorts, villages, people);
  await writeDemoPanel(em, villages);
  await writeDemoNewsletters(em, people);
  await writeDemoEnrolment(em, calendar, cohorts, villages, people);
  await writeDemoGoals(em, villages, people);
  await writeDemoInitiatives(em, villages, people);
  await writeDemoIdeas(em, villages, people);
  // After the goals and initiatives: the past gathering's minutes link to them.
  await writeDemoGatherings(em, municipalities, cohorts, villages, people);
  await writeDemoSurveys(em, municipalities, villages, people);
  await writeDemoPlans(em, villages, people);
  await writeDemoHotline(em, people);
  // After the surveys and ideas: the report's draft tells their results.
  await writeDemoWheelReport(em, villages, people);
  return {
    seeded: true,
    circles: circles.circles,
    circleSessions: circles.sessions,
    courses: courses.courses,
    municipalities: municipalities.length,
    villages: villages.length,
    cohorts: cohorts.length,
    people: people.length,
  };
}

function byName(rows: { id: string; name: string }[]): (name: string) => string {
  const ids = new Map(rows.map((r) => [r.name, r.id]));
  return (name) => {
    const id = ids.get(name);
    if (!id) throw new Error(`The demo data names an unknown "${name}".`);
    return id;
  };
}
