import { INestApplicationContext } from '@nestjs/common';
import { Role } from '@blup/contracts';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { createWorker } from '../src/app/bootstrap';
import { UserSession } from '../src/app/database/entities';
import { HOUSEKEEPING_QUEUE } from '../src/app/housekeeping/housekeeping.constants';
import { HousekeepingProcessor } from '../src/app/housekeeping/housekeeping.processor';
import { startTestApp, TestApp } from './harness';
import { signInAs } from './sign-in';

describe('process roles', () => {
  describe('api and worker as separate processes', () => {
    let api: TestApp;
    let worker: INestApplicationContext | undefined;
    beforeAll(async () => {
      api = await startTestApp({}, { role: 'api' });
    });
    afterAll(async () => {
      await worker?.close();
      await api.close();
    });

    it('queues mail in the api role and sends it only once a worker runs', async () => {
      const secretariat = await signInAs(api, await api.factory.user({ role: Role.Secretariat }));
      const village = await api.factory.village();
      const email = `roles-${Date.now()}@example.dk`;
      const res = await secretariat.post('/api/invitations', {
        email,
        name: 'Kirsten Worker',
        role: Role.SteeringMember,
        villageId: village.id,
      });
      expect(res.status).toBe(201);

      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(api.smtp.to(email)).toHaveLength(0);

      worker = await createWorker(api.config);
      const mail = await api.smtp.waitFor(email);
      expect(mail.subject).toBe('Du er inviteret til BLUP Akademiet');
    });
  });

  describe('housekeeping', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('schedules one hourly purge', async () => {
      const queue = t.app.get<Queue>(getQueueToken(HOUSEKEEPING_QUEUE));
      const repeatable = await queue.getRepeatableJobs();
      expect(repeatable.map((j) => j.cron)).toEqual(['17 * * * *']);
    });

    it('drops expired sessions and keeps live ones', async () => {
      const user = await t.factory.user();
      const live = await signInAs(t, user);
      const sessions = t.dataSource.getRepository(UserSession);
      const expired = await sessions.save(
        sessions.create({
          tokenHash: 'f'.repeat(64),
          userId: user.id,
          lastSeenAt: new Date(Date.now() - 86_400_000),
          expiresAt: new Date(Date.now() - 1000),
        }),
      );

      const result = await t.app.get(HousekeepingProcessor).purge();

      expect(result.sessions).toBeGreaterThanOrEqual(1);
      expect(await sessions.findOneBy({ id: expired.id })).toBeNull();
      expect((await live.get('/api/auth/me')).status).toBe(200);
    });
  });
});
