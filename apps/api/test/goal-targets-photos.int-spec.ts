import {
  CSRF_COOKIE,
  CSRF_HEADER,
  ErrorCode,
  GoalStatus,
  Role,
  SDG_TARGET_COUNT,
  type ErrorBody,
  type GoalUpdateDto,
  type Page,
  type SdgTargetDto,
  type VillageGoalDto,
} from '@blup/contracts';
import sharp from 'sharp';
import { sessionCookieName } from '../src/app/auth/cookies';
import type { Village } from '../src/app/database/entities';
import { FileStore } from '../src/app/files/file-store';
import { startTestApp, type TestApp } from './harness';
import type { TestClient, TestResponse } from './http-client';
import { signInAs } from './sign-in';

/**
 * A goal's SDG targets (delmål) and the photo on a progress update: the 169 targets seeded and
 * readable without signing in, targets that must sit under the goal's SDGs, and photos checked by
 * content, turned upright, stripped of metadata, shrunk, and shown only to those who see the goal.
 */
let t: TestApp;
let glumso: Village;
let as: Record<'member' | 'otherMember' | 'coordinator' | 'otherCoordinator', TestClient>;

beforeAll(async () => {
  t = await startTestApp();
  const f = t.factory;
  const naestved = await f.municipality();
  const sonderborg = await f.municipality();
  glumso = await f.village(naestved, 'Glumsø og Omegn');
  const tybjerg = await f.village(naestved, 'Tybjerg');
  as = {
    member: await signInAs(t, await f.user({ role: Role.SteeringMember, village: glumso })),
    otherMember: await signInAs(t, await f.user({ role: Role.SteeringMember, village: tybjerg })),
    coordinator: await signInAs(
      t,
      await f.user({ role: Role.Coordinator, municipality: naestved }),
    ),
    otherCoordinator: await signInAs(
      t,
      await f.user({ role: Role.Coordinator, municipality: sonderborg }),
    ),
  };
});

afterAll(() => t.close());

async function createGoal(extra: Record<string, unknown> = {}): Promise<TestResponse<unknown>> {
  return as.member.post(`/api/villages/${glumso.id}/goals`, {
    title: 'Samkørsel til Næstved',
    sdgs: [13, 11],
    ...extra,
  });
}

/** A progress update as the browser sends it with a photo: JSON in `update`, the file in `photo`. */
async function postUpdate<T>(
  client: TestClient,
  goalId: string,
  update: unknown,
  photo?: { name: string; content: Buffer; type: string },
): Promise<TestResponse<T>> {
  if (!client.cookie(CSRF_COOKIE)) await client.raw('GET', '/api/auth/csrf');
  const body = new FormData();
  body.set('update', JSON.stringify(update));
  if (photo) {
    body.set('photo', new Blob([new Uint8Array(photo.content)], { type: photo.type }), photo.name);
  }
  const cookies = [CSRF_COOKIE, sessionCookieName(t.config)]
    .map((n) => [n, client.cookie(n)] as const)
    .filter(([, v]) => v)
    .map(([n, v]) => `${n}=${v}`);
  const res = await fetch(`${client.baseUrl}/api/goals/${goalId}/updates`, {
    method: 'POST',
    body,
    headers: { cookie: cookies.join('; '), [CSRF_HEADER]: client.cookie(CSRF_COOKIE) ?? '' },
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as T };
}

/** Fetches a stored photo as its bytes, with the person's cookies. */
async function download(
  client: TestClient,
  url: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const cookie = [sessionCookieName(t.config)]
    .map((n) => [n, client.cookie(n)] as const)
    .filter(([, v]) => v)
    .map(([n, v]) => `${n}=${v}`)
    .join('; ');
  const res = await fetch(client.baseUrl + url, { headers: { cookie } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** A 400×200 photo, red on the left and blue on the right, as a phone held upright writes it. */
async function phonePhoto(): Promise<Buffer> {
  const half = (r: number, b: number) =>
    sharp({ create: { width: 200, height: 200, channels: 3, background: { r, g: 0, b } } })
      .png()
      .toBuffer();
  return sharp({ create: { width: 400, height: 200, channels: 3, background: '#000' } })
    .composite([
      { input: await half(255, 0), left: 0, top: 0 },
      { input: await half(0, 255), left: 200, top: 0 },
    ])
    .withExif({
      IFD0: { Make: 'BLUP test phone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '55/1 21/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '11/1 45/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

async function pixel(image: Buffer, left: number, top: number): Promise<number[]> {
  const { data } = await sharp(image)
    .extract({ left, top, width: 1, height: 1 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return [...data.subarray(0, 3)];
}

describe('SDG targets', () => {
  it('seeds all 169 targets, readable per SDG without signing in, in the UN’s order', async () => {
    const [{ count }] = await t.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM sdg_targets`,
    );
    expect(count).toBe(SDG_TARGET_COUNT);
    let total = 0;
    for (let sdg = 1; sdg <= 17; sdg += 1) {
      const res = await t.client().get<Page<SdgTargetDto>>(`/api/sdgs/${sdg}/targets?pageSize=50`);
      expect(res.status).toBe(200);
      expect(res.body.items.every((target) => target.sdg === sdg)).toBe(true);
      total += res.body.total;
    }
    expect(total).toBe(SDG_TARGET_COUNT);
    const eleven = await t.client().get<Page<SdgTargetDto>>('/api/sdgs/11/targets?pageSize=50');
    expect(eleven.body.items.map((target) => target.code)).toEqual([
      '11.1',
      '11.2',
      '11.3',
      '11.4',
      '11.5',
      '11.6',
      '11.7',
      '11.a',
      '11.b',
      '11.c',
    ]);
    expect(eleven.body.items[1].textEn).toMatch(/^By 2030, provide access to safe, affordable/);
    expect(eleven.body.items[1].textDa).toBeNull();
    const paged = await t
      .client()
      .get<Page<SdgTargetDto>>('/api/sdgs/17/targets?pageSize=5&page=2');
    expect(paged.body.items.map((target) => target.code)).toEqual([
      '17.6',
      '17.7',
      '17.8',
      '17.9',
      '17.10',
    ]);
    for (const bad of ['0', '18', 'elleve']) {
      const res = await t.client().get<ErrorBody>(`/api/sdgs/${bad}/targets`);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      expect(res.body.message).toMatch(/goal number from 1 to 17/);
    }
  });

  it('keeps a goal’s targets under its SDGs and returns them with their texts', async () => {
    const created = await createGoal({ targets: ['13.1', '11.2'] });
    expect(created.status).toBe(201);
    const goal = created.body as VillageGoalDto;
    expect(goal.targets.map((target) => target.code)).toEqual(['11.2', '13.1']);
    expect(goal.targets[0].textEn).toMatch(/transport systems for all/);

    const wrong = await createGoal({ targets: ['11.2', '3.4'] });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      code: ErrorCode.GoalTargetInvalid,
      params: { codes: '3.4' },
      details: {
        targets: [expect.stringMatching(/3\.4 are not under the goal’s SDGs \(11, 13\)/)],
      },
    });
    for (const targets of [['11.99'], ['eleven'], '11.2', ['11.2', '11.2']]) {
      const bad = await createGoal({ targets });
      expect({ targets, status: bad.status }).toEqual({ targets, status: 400 });
    }

    const list = await as.coordinator.get<Page<VillageGoalDto>>(`/api/villages/${glumso.id}/goals`);
    expect(list.body.items.find((g) => g.id === goal.id)?.targets.map((x) => x.code)).toEqual([
      '11.2',
      '13.1',
    ]);

    // A PATCH naming a target under an SDG the goal leaves is refused; nothing changes.
    const refused = await as.member.patch<ErrorBody>(`/api/goals/${goal.id}`, {
      version: 1,
      sdgs: [11],
      targets: ['11.2', '13.1'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(ErrorCode.GoalTargetInvalid);
    // Leaving an SDG drops its targets; the others stay.
    const narrowed = await as.member.patch<VillageGoalDto>(`/api/goals/${goal.id}`, {
      version: 1,
      sdgs: [11],
    });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.targets.map((x) => x.code)).toEqual(['11.2']);
    const replaced = await as.member.patch<VillageGoalDto>(`/api/goals/${goal.id}`, {
      version: 2,
      targets: ['11.a', '11.1'],
    });
    expect(replaced.body.targets.map((x) => x.code)).toEqual(['11.1', '11.a']);
    const cleared = await as.member.patch<VillageGoalDto>(`/api/goals/${goal.id}`, {
      version: 3,
      targets: [],
    });
    expect(cleared.body.targets).toEqual([]);
  });
});

describe('progress photos', () => {
  let goal: VillageGoalDto;
  beforeAll(async () => {
    goal = (await createGoal()).body as VillageGoalDto;
  });

  it('stores a phone photo upright, without EXIF or GPS, as a JPEG and a thumbnail', async () => {
    const original = await phonePhoto();
    const before = await sharp(original).metadata();
    expect(before).toMatchObject({ width: 400, height: 200, orientation: 6 });
    expect(before.exif?.includes(Buffer.from('BLUP test phone'))).toBe(true);
    // The GPS IFD pointer (tag 0x8825, little-endian): the photo says where it was taken.
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const res = await postUpdate<GoalUpdateDto>(
      as.member,
      goal.id,
      { status: GoalStatus.InProgress, note: 'Første tur kørte i dag.' },
      { name: 'IMG_0001.jpg', content: original, type: 'image/jpeg' },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: GoalStatus.InProgress,
      note: 'Første tur kørte i dag.',
      photo: {
        url: `/api/goals/${goal.id}/updates/${res.body.id}/photo`,
        thumbnailUrl: `/api/goals/${goal.id}/updates/${res.body.id}/photo/thumbnail`,
        width: 200,
        height: 400,
      },
    });

    const large = await download(as.member, res.body.photo?.url ?? '');
    expect(large.status).toBe(200);
    expect(large.headers.get('content-type')).toBe('image/jpeg');
    expect(large.headers.get('cache-control')).toBe('private, max-age=3600');
    const meta = await sharp(large.bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 200, height: 400 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(large.bytes.includes(Buffer.from('BLUP test phone'))).toBe(false);
    // Turned a quarter clockwise: the red left half is now on top, the blue one below.
    const [topRed, , topBlue] = await pixel(large.bytes, 100, 50);
    const [bottomRed, , bottomBlue] = await pixel(large.bytes, 100, 350);
    expect(topRed).toBeGreaterThan(200);
    expect(topBlue).toBeLessThan(60);
    expect(bottomBlue).toBeGreaterThan(200);
    expect(bottomRed).toBeLessThan(60);

    const [keys] = await t.dataSource.query<{ photo_key: string; photo_thumbnail_key: string }[]>(
      `SELECT photo_key, photo_thumbnail_key FROM village_goal_updates WHERE id = $1`,
      [res.body.id],
    );
    for (const key of [keys.photo_key, keys.photo_thumbnail_key]) {
      expect(await t.app.get(FileStore).stat(key)).toMatchObject({ contentType: 'image/jpeg' });
    }

    const timeline = await as.coordinator.get<Page<GoalUpdateDto>>(`/api/goals/${goal.id}/updates`);
    expect(timeline.body.items[0].photo?.url).toBe(res.body.photo?.url);
  });

  it('accepts a PNG and a WebP, shrinks a large picture to 1600 px with a 480 px thumbnail', async () => {
    const png = await sharp({
      create: {
        width: 3000,
        height: 2000,
        channels: 4,
        background: { r: 0, g: 128, b: 0, alpha: 1 },
      },
    })
      .png()
      .toBuffer();
    const res = await postUpdate<GoalUpdateDto>(
      as.member,
      goal.id,
      { status: GoalStatus.OnTrack },
      { name: 'skilt.png', content: png, type: 'image/png' },
    );
    expect(res.status).toBe(201);
    expect(res.body.photo).toMatchObject({ width: 1600, height: 1067 });
    const thumbnail = await download(as.member, res.body.photo?.thumbnailUrl ?? '');
    expect(thumbnail.status).toBe(200);
    expect(await sharp(thumbnail.bytes).metadata()).toMatchObject({
      format: 'jpeg',
      width: 480,
      height: 320,
    });

    const webp = await sharp({
      create: { width: 300, height: 300, channels: 3, background: '#fff' },
    })
      .webp()
      .toBuffer();
    const fromWebp = await postUpdate<GoalUpdateDto>(
      as.member,
      goal.id,
      { status: GoalStatus.OnTrack },
      { name: 'skilt.webp', content: webp, type: 'image/webp' },
    );
    expect(fromWebp.status).toBe(201);
    // Small pictures are not blown up.
    expect(fromWebp.body.photo).toMatchObject({ width: 300, height: 300 });
  });

  it('refuses what is not a picture, and a picture over 15 MB, in words a person understands', async () => {
    const text = await postUpdate<ErrorBody>(
      as.member,
      goal.id,
      { status: GoalStatus.OnTrack },
      {
        name: 'ferie.jpg',
        content: Buffer.from('Dette er ikke et billede.\n'),
        type: 'image/jpeg',
      },
    );
    expect(text.status).toBe(400);
    expect(text.body.code).toBe(ErrorCode.PhotoInvalid);
    expect(text.body.message).toMatch(/JPEG, PNG or WebP/);

    const gif = await sharp({
      create: { width: 10, height: 10, channels: 3, background: '#fff' },
    })
      .gif()
      .toBuffer();
    const wrongFormat = await postUpdate<ErrorBody>(
      as.member,
      goal.id,
      { status: GoalStatus.OnTrack },
      { name: 'anim.gif', content: gif, type: 'image/gif' },
    );
    expect(wrongFormat.status).toBe(400);
    expect(wrongFormat.body.code).toBe(ErrorCode.PhotoInvalid);

    const huge = Buffer.concat([await phonePhoto(), Buffer.alloc(16 * 1024 * 1024)]);
    const tooLarge = await postUpdate<ErrorBody>(
      as.member,
      goal.id,
      { status: GoalStatus.OnTrack },
      { name: 'stor.jpg', content: huge, type: 'image/jpeg' },
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({
      code: ErrorCode.PhotoTooLarge,
      params: { maxMb: 15 },
    });
    expect(tooLarge.body.message).toMatch(/at most 15 MB/);

    const noJson = await postUpdate<ErrorBody>(as.member, goal.id, { note: 'ingen status' });
    expect(noJson.status).toBe(400);

    const timeline = await as.member.get<Page<GoalUpdateDto>>(`/api/goals/${goal.id}/updates`);
    expect(timeline.body.items.map((u) => u.photo !== null)).toEqual([true, true, true]);
  });

  it('shows a photo only to those who see the goal', async () => {
    const res = await postUpdate<GoalUpdateDto>(
      as.member,
      goal.id,
      { status: GoalStatus.OnTrack },
      { name: 'a.jpg', content: await phonePhoto(), type: 'image/jpeg' },
    );
    const { url, thumbnailUrl } = res.body.photo ?? { url: '', thumbnailUrl: '' };
    for (const [who, status] of [
      ['member', 200],
      ['coordinator', 200],
      ['otherMember', 404],
      ['otherCoordinator', 404],
    ] as const) {
      const large = await download(as[who], url);
      const small = await download(as[who], thumbnailUrl);
      expect({ who, large: large.status, small: small.status }).toEqual({
        who,
        large: status,
        small: status,
      });
    }
    expect((await download(t.client(), url)).status).toBe(401);
    // Another village's member cannot add a photo either, and an update without one has none.
    const foreign = await postUpdate<ErrorBody>(
      as.otherMember,
      goal.id,
      { status: GoalStatus.Reached },
      { name: 'a.jpg', content: await phonePhoto(), type: 'image/jpeg' },
    );
    expect(foreign.status).toBe(404);
    const plain = await as.member.post<GoalUpdateDto>(`/api/goals/${goal.id}/updates`, {
      status: GoalStatus.OnTrack,
    });
    expect(plain.body.photo).toBeNull();
    const missing = await download(
      as.member,
      `/api/goals/${goal.id}/updates/${plain.body.id}/photo`,
    );
    expect(missing.status).toBe(404);
  });
});
