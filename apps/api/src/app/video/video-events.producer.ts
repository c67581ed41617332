import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import {
  PROCESS_VIDEO_EVENT_JOB,
  PROCESS_VIDEO_EVENT_OPTIONS,
  VIDEO_EVENTS_QUEUE,
  type ProcessVideoEventJob,
} from './video.constants';

/** Queues a stored provider event for the worker. */
@Injectable()
export class VideoEventsProducer {
  constructor(
    @InjectQueue(VIDEO_EVENTS_QUEUE) private readonly queue: Queue<ProcessVideoEventJob>,
  ) {}

  async enqueue(eventId: string): Promise<void> {
    await this.queue.add(
      PROCESS_VIDEO_EVENT_JOB,
      { eventId },
      { ...PROCESS_VIDEO_EVENT_OPTIONS, jobId: eventId },
    );
  }
}
