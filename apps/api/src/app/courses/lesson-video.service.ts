import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Lesson } from '../database/entities';

/** The columns of a lesson that hold its video and captions, which the video module keeps. */
export type LessonVideoFields = Partial<
  Pick<
    Lesson,
    | 'videoProvider'
    | 'videoStatus'
    | 'videoUploadId'
    | 'videoAssetId'
    | 'videoPlaybackId'
    | 'videoFileKey'
    | 'videoError'
    | 'videoEventAt'
    | 'durationSeconds'
    | 'captions'
  >
>;

/**
 * Writes a lesson's video fields for the video module (courses owns `lessons`). The video module
 * decides what they become (its state machine); this only stores them. Methods take an optional
 * EntityManager so they run inside the caller's transaction (e.g. under its row lock).
 */
@Injectable()
export class LessonVideoService {
  constructor(@InjectRepository(Lesson) private readonly lessons: Repository<Lesson>) {}

  /** Stores the given video fields of the lesson; the others stay as they are. */
  async update(
    lessonId: string,
    fields: LessonVideoFields,
    manager?: EntityManager,
  ): Promise<void> {
    const repo = manager ? manager.getRepository(Lesson) : this.lessons;
    await repo.update(lessonId, fields);
  }
}
