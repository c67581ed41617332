import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  CourseAudience,
  EnrolmentStatus,
  OfferingApproval,
  OfferingKind,
  Role,
  type EnrolmentDto,
  type OfferingDto,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CourseFixtures } from '../../../test/courses-fixtures';
import { Factory } from '../../../test/factory';
import { SessionEventsModule } from '../circles/session-events.module';
import { loadConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { dataSourceOptions } from '../database/data-source-options';
import type { User } from '../database/entities';
import { MailProducer, type SendMailJob } from '../mail/mail.producer';
import { EnrolmentListsService } from './enrolment-lists.service';
import { EnrolmentModule } from './enrolment.module';
import { EnrolmentService } from './enrolment.service';
import { OfferingsService } from './offerings.service';

/**
 * The waitlist as a service test: EnrolmentModule on this run's real PostgreSQL (the database
 * global-setup.ts made and migrated), called directly without HTTP. Mail is the edge of the
 * world here: the producer records what would be queued.
 */
const sent: SendMailJob[] = [];

@Global()
@Module({
  providers: [
    {
      provide: MailProducer,
      useValue: { send: async (job: SendMailJob) => void sent.push(job) },
    },
  ],
  exports: [MailProducer],
})
class RecordedMailModule {}

let moduleRef: TestingModule;
let sut: EnrolmentService;
let offerings: OfferingsService;
let lists: EnrolmentListsService;
let factory: Factory;
let courses: CourseFixtures;
let secretariat: User;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    ...process.env,
    // Nothing is sent: the producer only records (the queue and SMTP are not started).
    SMTP_URL: 'smtp://127.0.0.1:2525',
    PUBLIC_URL: 'http://blup.test',
  });
  moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
      SessionEventsModule,
      RecordedMailModule,
      EnrolmentModule,
    ],
  }).compile();
  await moduleRef.init();
  sut = moduleRef.get(EnrolmentService);
  offerings = moduleRef.get(OfferingsService);
  lists = moduleRef.get(EnrolmentListsService);
  const dataSource = moduleRef.get(DataSource);
  factory = new Factory(dataSource);
  courses = new CourseFixtures(dataSource);
  secretariat = await factory.user({ role: Role.Secretariat });
});

afterAll(() => moduleRef?.close());

beforeEach(() => {
  sent.length = 0;
});

/** A published academy course offering for everyone, free, with `capacity` places. */
async function academyOffering(
  capacity: number,
  approval = OfferingApproval.Automatic,
): Promise<OfferingDto> {
  const course = await courses.course({ audience: CourseAudience.Academy });
  return offerings.create(secretariat, {
    kind: OfferingKind.AcademyCourse,
    name: `Kursus ${randomBytes(4).toString('hex')}`,
    courseId: course.id,
    capacity,
    approval,
    priceDkk: 0,
    published: true,
  });
}

async function learners(n: number): Promise<User[]> {
  const municipality = await factory.municipality();
  return Promise.all(
    Array.from({ length: n }, () => factory.user({ role: Role.Learner, municipality })),
  );
}

/** The offering's enrolments: place-holders first, then the waitlist in arrival order. */
async function roster(offering: OfferingDto): Promise<EnrolmentDto[]> {
  const page = await lists.offeringEnrolments(secretariat, offering.id, { pageSize: 100 });
  return page.items;
}

const statusOf = (all: EnrolmentDto[], user: User): EnrolmentStatus | undefined =>
  all.find((e) => e.person?.id === user.id)?.status;

describe(EnrolmentService.name, () => {
  it('enrols up to the places, then numbers the waitlist in arrival order', async () => {
    const offering = await academyOffering(3);
    const people = await learners(5);
    const results: EnrolmentDto[] = [];
    for (const p of people) results.push(await sut.enrol(p, offering.id, {}));

    expect(results.map((e) => e.status)).toEqual([
      EnrolmentStatus.Enrolled,
      EnrolmentStatus.Enrolled,
      EnrolmentStatus.Enrolled,
      EnrolmentStatus.Waitlisted,
      EnrolmentStatus.Waitlisted,
    ]);
    expect(results.map((e) => e.waitlistPosition)).toEqual([null, null, null, 1, 2]);
    const after = await offerings.get(secretariat, offering.id);
    expect(after.placesTaken).toBe(3);
    expect(after.placesLeft).toBe(0);
    expect(after.waitlistCount).toBe(2);
  });

  it('gives a cancelled place to the first waiting and tells them by mail', async () => {
    const offering = await academyOffering(2);
    const [a, b, c, d] = await learners(4);
    const first = await sut.enrol(a, offering.id, {});
    await sut.enrol(b, offering.id, {});
    await sut.enrol(c, offering.id, {});
    await sut.enrol(d, offering.id, {});

    const cancelled = await sut.cancel(a, first.id, { reason: 'Kan ikke alligevel' });

    expect(cancelled.status).toBe(EnrolmentStatus.Cancelled);
    const all = await roster(offering);
    expect(statusOf(all, c)).toBe(EnrolmentStatus.Enrolled);
    expect(all.find((e) => e.person?.id === d.id)?.waitlistPosition).toBe(1);
    expect(sent.map((m) => [m.template, m.to])).toEqual([['enrolment_promoted', c.email]]);
  });

  it('promotes the waiting in arrival order when the secretariat adds places', async () => {
    const offering = await academyOffering(1);
    const [a, b, c, d] = await learners(4);
    for (const p of [a, b, c, d]) await sut.enrol(p, offering.id, {});

    const changed = await offerings.update(secretariat, offering.id, { capacity: 3 });

    expect(changed.placesTaken).toBe(3);
    expect(changed.waitlistCount).toBe(1);
    const all = await roster(offering);
    expect([a, b, c, d].map((p) => statusOf(all, p))).toEqual([
      EnrolmentStatus.Enrolled,
      EnrolmentStatus.Enrolled,
      EnrolmentStatus.Enrolled,
      EnrolmentStatus.Waitlisted,
    ]);
    expect(sent.map((m) => m.to)).toEqual([b.email, c.email]);
  });

  it('holds a freed place as pending when the offering needs approval', async () => {
    const offering = await academyOffering(1, OfferingApproval.Secretariat);
    const [a, b] = await learners(2);
    const held = await sut.enrol(a, offering.id, {});
    const waiting = await sut.enrol(b, offering.id, {});
    expect([held.status, waiting.status]).toEqual([
      EnrolmentStatus.Pending,
      EnrolmentStatus.Waitlisted,
    ]);

    await sut.reject(secretariat, held.id, { note: 'Ikke målgruppen' });

    expect((await sut.getEnrolment(secretariat, waiting.id)).status).toBe(EnrolmentStatus.Pending);
    expect(sent).toEqual([
      expect.objectContaining({
        template: 'enrolment_promoted',
        to: b.email,
        data: expect.objectContaining({ pending: true }),
      }),
    ]);
  });

  it('gives 50 simultaneous enrolments exactly 5 places and a waitlist 1..45 without gaps', async () => {
    const offering = await academyOffering(5);
    const people = await learners(50);

    const results = await Promise.all(people.map((p) => sut.enrol(p, offering.id, {})));

    const enrolled = results.filter((e) => e.status === EnrolmentStatus.Enrolled);
    const waiting = results.filter((e) => e.status === EnrolmentStatus.Waitlisted);
    expect(enrolled).toHaveLength(5);
    expect(waiting).toHaveLength(45);
    // The roster reads positions after all have arrived: arrival order (seq) is the waitlist.
    const all = await roster(offering);
    const positions = all.filter((e) => e.status === EnrolmentStatus.Waitlisted);
    expect(positions.map((e) => e.waitlistPosition)).toEqual(
      Array.from({ length: 45 }, (_, i) => i + 1),
    );
    const seqs = positions.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    // Every place was taken before anyone waited.
    const lastPlace = Math.max(...enrolled.map((e) => e.seq));
    expect(Math.min(...waiting.map((e) => e.seq))).toBeGreaterThan(lastPlace);
  });
});
