import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Job } from 'bull';
import { IsNull, Repository } from 'typeorm';
import { VideoEvent } from '../database/entities';
import { muxTransition, parseMuxEvent } from './mux-events';
import { VideoStateService } from './video-state.service';
import {
  PROCESS_VIDEO_EVENT_JOB,
  VIDEO_EVENTS_QUEUE,
  type ProcessVideoEventJob,
} from './video.constants';

/**
 * Worker role only. Applies a stored Mux event to its lesson, once: an event already processed
 * is skipped. What cannot succeed (no such lesson, an event we do not act on) is marked
 * processed and dropped; anything else (the database away) is rethrown for Bull to retry.
 */
@Processor(VIDEO_EVENTS_QUEUE)
export class VideoEventsProcessor {
  private readonly logger = new Logger(VideoEventsProcessor.name);

  constructor(
    @InjectRepository(VideoEvent) private readonly events: Repository<VideoEvent>,
    private readonly videoState: VideoStateService,
  ) {}

  @Process(PROCESS_VIDEO_EVENT_JOB)
  async process(job: Job<ProcessVideoEventJob>): Promise<void> {
    const { eventId } = job.data;
    const stored = await this.events.findOneBy({ id: eventId });
    if (!stored || stored.processedAt) return;
    const event = parseMuxEvent(stored.payload);
    const change = event ? muxTransition(event) : null;
    let outcome = 'not acted on';
    if (change) outcome = await this.videoState.apply(change.ref, change.transition);
    if (outcome === 'no_lesson') {
      this.logger.warn({ msg: 'video event for no known lesson', eventId, type: stored.type });
    }
    // Only the first worker to get here marks it; a concurrent duplicate changed nothing anyway.
    await this.events.update({ id: eventId, processedAt: IsNull() }, { processedAt: new Date() });
    this.logger.log({ msg: 'video event processed', eventId, type: stored.type, outcome });
  }
}
