import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NewsletterSendMode, NewsletterStatus, Role } from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Factory } from '../../../test/factory';
import { dataSourceOptions } from '../database/data-source-options';
import { NewsletterDelivery, Newsletter } from '../database/entities/newsletters';
import {
  mayMove,
  NEWSLETTER_TRANSITIONS,
  NewsletterStatusService,
  statusesBefore,
} from './newsletter-status.service';

/**
 * The newsletter's state machine on the real PostgreSQL, without HTTP: each move is one guarded
 * UPDATE, and a move the status does not allow changes nothing.
 */
describe(NewsletterStatusService.name, () => {
  let module: TestingModule;
  let dataSource: DataSource;
  let sut: NewsletterStatusService;
  let villageId: string;
  let secretaryId: string;

  const minutes = (n: number): Date => new Date(Date.now() + n * 60_000);

  beforeAll(async () => {
    module = await Test.createTestingModule({
      imports: [TypeOrmModule.forRoot(dataSourceOptions(process.env['DATABASE_URL'] as string))],
      providers: [NewsletterStatusService],
    }).compile();
    dataSource = module.get(DataSource);
    sut = module.get(NewsletterStatusService);
    const factory = new Factory(dataSource);
    villageId = (await factory.village()).id;
    secretaryId = (await factory.user({ role: Role.Secretariat })).id;
  });

  afterAll(() => module.close());

  async function draft(): Promise<string> {
    const repo = dataSource.getRepository(Newsletter);
    const saved = await repo.save(
      repo.create({
        villageId,
        subject: 'Nyt fra landsbyen',
        status: NewsletterStatus.Draft,
        webToken: randomBytes(32).toString('base64url'),
      }),
    );
    return saved.id;
  }

  function load(id: string): Promise<Newsletter> {
    return dataSource.getRepository(Newsletter).findOneByOrFail({ id });
  }

  async function scheduled(sendAt: Date): Promise<string> {
    const id = await draft();
    expect(
      await sut.schedule(id, {
        mode: NewsletterSendMode.At,
        daysBefore: null,
        sendAt,
        byId: secretaryId,
      }),
    ).toBe(true);
    return id;
  }

  function startSending(id: string, notAfter: Date): Promise<boolean> {
    return dataSource.transaction((em) => sut.startSending(id, notAfter, em));
  }

  async function deliveries(id: string, statuses: NewsletterDelivery['status'][]): Promise<void> {
    const repo = dataSource.getRepository(NewsletterDelivery);
    await repo.save(
      statuses.map((status, i) =>
        repo.create({
          newsletterId: id,
          email: `person${i}@example.dk`,
          status,
          messageId: `<${randomBytes(8).toString('hex')}@blup.test>`,
        }),
      ),
    );
  }

  it('allows only the moves of the table, and sent and partly failed are final', () => {
    expect(statusesBefore(NewsletterStatus.Scheduled)).toEqual([
      NewsletterStatus.Draft,
      NewsletterStatus.Scheduled,
    ]);
    expect(statusesBefore(NewsletterStatus.Sending)).toEqual([NewsletterStatus.Scheduled]);
    expect(statusesBefore(NewsletterStatus.Draft)).toEqual([NewsletterStatus.Scheduled]);
    expect(NEWSLETTER_TRANSITIONS[NewsletterStatus.Sent]).toEqual([]);
    expect(NEWSLETTER_TRANSITIONS[NewsletterStatus.PartlyFailed]).toEqual([]);
    expect(mayMove(NewsletterStatus.Draft, NewsletterStatus.Sending)).toBe(false);
    expect(mayMove(NewsletterStatus.Sending, NewsletterStatus.Draft)).toBe(false);
  });

  it('goes draft → scheduled → sending → sent, and finishing twice changes nothing', async () => {
    const sendAt = minutes(-1);
    const id = await scheduled(sendAt);
    let n = await load(id);
    expect(n).toMatchObject({
      status: NewsletterStatus.Scheduled,
      sendMode: NewsletterSendMode.At,
      scheduledById: secretaryId,
    });
    expect(n.sendAt?.getTime()).toBe(sendAt.getTime());

    expect(await startSending(id, new Date())).toBe(true);
    n = await load(id);
    expect(n.status).toBe(NewsletterStatus.Sending);
    expect(n.sendingStartedAt).not.toBeNull();

    await deliveries(id, ['sent', 'sent']);
    expect(await sut.finishIfDone(id)).toBe(NewsletterStatus.Sent);
    n = await load(id);
    expect(n.status).toBe(NewsletterStatus.Sent);
    expect(n.finishedAt).not.toBeNull();
    expect(await sut.finishIfDone(id)).toBeNull();
  });

  it('stays sending while a delivery is open, and ends partly failed when one failed', async () => {
    const id = await scheduled(minutes(-1));
    expect(await startSending(id, new Date())).toBe(true);
    await deliveries(id, ['sent', 'bounced', 'pending']);
    expect(await sut.finishIfDone(id)).toBeNull();
    expect((await load(id)).status).toBe(NewsletterStatus.Sending);

    await dataSource
      .getRepository(NewsletterDelivery)
      .update({ newsletterId: id, status: 'pending' }, { status: 'failed' });
    expect(await sut.finishIfDone(id)).toBe(NewsletterStatus.PartlyFailed);
    expect((await load(id)).status).toBe(NewsletterStatus.PartlyFailed);
  });

  it('goes back to draft with the send time cleared when nobody is left, but only once due', async () => {
    const sendAt = minutes(30);
    const id = await scheduled(sendAt);
    expect(await sut.backToDraftWithoutAudience(id, new Date())).toBe(false);
    expect((await load(id)).status).toBe(NewsletterStatus.Scheduled);

    expect(await sut.backToDraftWithoutAudience(id, minutes(31))).toBe(true);
    expect(await load(id)).toMatchObject({
      status: NewsletterStatus.Draft,
      sendMode: null,
      daysBefore: null,
      sendAt: null,
      scheduledById: null,
    });
    expect(await sut.backToDraftWithoutAudience(id, minutes(31))).toBe(false);
  });

  it('takes a scheduled newsletter off the schedule, re-times it, and undoes a schedule', async () => {
    const id = await scheduled(minutes(60));
    const later = minutes(120);
    expect(await sut.retime(id, later)).toBe(true);
    expect((await load(id)).sendAt?.getTime()).toBe(later.getTime());
    expect(await sut.backToDraft(id)).toBe(true);
    expect((await load(id)).status).toBe(NewsletterStatus.Draft);

    const before = await load(id);
    expect(
      await sut.schedule(id, {
        mode: NewsletterSendMode.Now,
        daysBefore: null,
        sendAt: new Date(),
        byId: secretaryId,
      }),
    ).toBe(true);
    await sut.undoSchedule(before);
    expect(await load(id)).toMatchObject({ status: NewsletterStatus.Draft, sendAt: null });
  });

  it('does not start sending before its time, nor when the caller’s transaction rolls back', async () => {
    const id = await scheduled(minutes(30));
    expect(await startSending(id, new Date())).toBe(false);
    await expect(
      dataSource.transaction(async (em) => {
        expect(await sut.startSending(id, minutes(31), em)).toBe(true);
        throw new Error('the deliveries could not be written');
      }),
    ).rejects.toThrow('could not be written');
    expect((await load(id)).status).toBe(NewsletterStatus.Scheduled);
  });

  it('refuses every move the status does not allow, changing nothing', async () => {
    const send = {
      mode: NewsletterSendMode.Now,
      daysBefore: null,
      sendAt: new Date(),
      byId: secretaryId,
    };
    const fresh = await draft();
    expect(await startSending(fresh, minutes(1))).toBe(false);
    expect(await sut.finishIfDone(fresh)).toBeNull();
    expect(await sut.backToDraft(fresh)).toBe(false);
    expect(await sut.retime(fresh, minutes(5))).toBe(false);
    expect((await load(fresh)).status).toBe(NewsletterStatus.Draft);

    const sending = await scheduled(minutes(-1));
    expect(await startSending(sending, new Date())).toBe(true);
    expect(await sut.schedule(sending, send)).toBe(false);
    expect(await sut.backToDraft(sending)).toBe(false);
    expect(await startSending(sending, new Date())).toBe(false);
    expect((await load(sending)).status).toBe(NewsletterStatus.Sending);
    await expect(
      sut.undoSchedule({ ...(await load(sending)), status: NewsletterStatus.Sending }),
    ).rejects.toThrow();

    await deliveries(sending, ['sent']);
    expect(await sut.finishIfDone(sending)).toBe(NewsletterStatus.Sent);
    expect(await sut.schedule(sending, send)).toBe(false);
    expect(await sut.backToDraft(sending)).toBe(false);
    expect(await sut.retime(sending, minutes(5))).toBe(false);
    expect((await load(sending)).status).toBe(NewsletterStatus.Sent);
  });
});
