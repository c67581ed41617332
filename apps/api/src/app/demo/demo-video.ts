import { Logger } from '@nestjs/common';
import { LessonKind, VideoStatus } from '@blup/contracts';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { EntityManager } from 'typeorm';
import { Lesson } from '../database/entities';
import type { FileStore } from '../files/file-store';
import { probeMp4Duration } from '../video/media-sniff';
import { captionKey } from '../video/video.service';

const DEMO_VIDEO = 'blup-akademiet-demo.mp4';
const DEMO_CAPTIONS = 'blup-akademiet-demo.da.vtt';
/** What the demo file states; used if it cannot be read. */
const DEMO_DURATION_SECONDS = 8;

/** The demo assets: beside the built main.js, or in the source tree (tests, ts-node). */
export function demoAssetsDir(): string | null {
  const candidates = [
    join(__dirname, 'assets', 'demo'),
    resolve(__dirname, '..', '..', 'assets', 'demo'),
    resolve('dist', 'apps', 'api', 'assets', 'demo'),
    resolve('apps', 'api', 'src', 'assets', 'demo'),
  ];
  return candidates.find((dir) => existsSync(join(dir, DEMO_VIDEO))) ?? null;
}

/**
 * Gives every video lesson that has no video yet the demo video, on the local provider: the
 * file copied into STORAGE_DIR, Danish captions in the file store, status ready, so every demo
 * lesson, newsletter video card and session material plays. Returns the lessons' ids (none when
 * the assets are missing).
 */
export async function attachDemoVideo(
  em: EntityManager,
  storageDir: string,
  files: FileStore,
): Promise<string[]> {
  const logger = new Logger('Seed');
  const assets = demoAssetsDir();
  if (!assets) {
    logger.warn(`The demo video (${DEMO_VIDEO}) was not found; no demo lesson has a video.`);
    return [];
  }
  const lessons = await em.getRepository(Lesson).find({
    where: { kind: LessonKind.Video, videoStatus: VideoStatus.None },
    order: { createdAt: 'ASC', position: 'ASC' },
  });
  const attached: string[] = [];
  const captions = await readFile(join(assets, DEMO_CAPTIONS));
  for (const lesson of lessons) {
    await files.put(captionKey(lesson.id, 'da'), captions, 'text/vtt', { overwrite: true });
    attached.push(await attachTo(em, lesson, assets, storageDir));
  }
  return attached;
}

async function attachTo(
  em: EntityManager,
  lesson: Lesson,
  assets: string,
  storageDir: string,
): Promise<string> {
  const root = resolve(storageDir);
  const videoKey = `videos/${lesson.id}/demo.mp4`;
  const to = join(root, videoKey);
  await mkdir(dirname(to), { recursive: true });
  await copyFile(join(assets, DEMO_VIDEO), to);
  const file = await open(join(root, videoKey), 'r');
  const duration = await probeMp4Duration(file, (await file.stat()).size).finally(() =>
    file.close(),
  );
  await em.getRepository(Lesson).update(lesson.id, {
    videoProvider: 'local',
    videoStatus: VideoStatus.Ready,
    videoUploadId: null,
    videoAssetId: null,
    videoPlaybackId: null,
    videoFileKey: videoKey,
    videoError: null,
    videoEventAt: new Date(),
    durationSeconds: duration ?? DEMO_DURATION_SECONDS,
    captions: [{ language: 'da', label: 'Dansk', fileKey: captionKey(lesson.id, 'da') }],
  });
  return lesson.id;
}
