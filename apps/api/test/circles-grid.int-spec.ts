import { CircleKind, Phase, type CircleGridResponse } from '@blup/contracts';
import { In } from 'typeorm';
import { QUERY_COUNT_HEADER } from '../src/app/common/query-count';
import { Village } from '../src/app/database/entities';
import { CircleFixtures, inDays } from './circles-fixtures';
import { startTestApp, type TestApp } from './harness';
import { signInAs } from './sign-in';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ BENCH_COUNT_QUERIES: '1' });
});

afterAll(() => t.close());

/** A cohort with `extra` villages beyond the fixture's two, and `slots` village plan slots. */
async function gridQueries(
  extra: number,
  slots: number,
): Promise<{ queries: number; rows: number }> {
  const fx = new CircleFixtures(t.dataSource, t.factory);
  const w = await fx.world();
  const villages: Village[] = [];
  for (let i = 0; i < extra; i++) villages.push(await t.factory.village(w.municipality1));
  await t.dataSource
    .getRepository(Village)
    .update({ id: In(villages.map((v) => v.id)) }, { cohortId: w.cohort.id });
  const secretariat = await signInAs(t, w.secretariat);
  const sessions = Array.from({ length: slots }, (_, i) => {
    const startsAt = inDays(5 + i);
    return {
      circleKind: CircleKind.Village,
      title: `Kreds ${i + 1}`,
      phase: Phase.Mapping,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
    };
  });
  expect((await secretariat.post(`/api/cohorts/${w.cohort.id}/plan`, { sessions })).status).toBe(
    201,
  );
  const res = await secretariat.get<CircleGridResponse>(
    `/api/cohorts/${w.cohort.id}/circle-grid?pageSize=100`,
  );
  expect(res.status).toBe(200);
  return { queries: Number(res.headers.get(QUERY_COUNT_HEADER)), rows: res.body.rows.total };
}

it('builds the cohort grid in the same number of queries whatever its size', async () => {
  const small = await gridQueries(0, 1);
  const large = await gridQueries(20, 12);
  expect(small.rows).toBe(3);
  expect(large.rows).toBe(23);
  expect(small.queries).toBeGreaterThan(0);
  expect(large.queries).toBe(small.queries);
});
