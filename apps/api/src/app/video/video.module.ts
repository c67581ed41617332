import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import type Mux from '@mux/mux-node';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CoursesModule } from '../courses/courses.module';
import { Lesson, VideoEvent } from '../database/entities';
import { LocalMediaController } from './local-media.controller';
import { LocalUploadService } from './local-upload.service';
import { LocalVideoStorage } from './local-video-storage';
import { LocalVideoProvider } from './local.provider';
import { MuxWebhookController } from './mux-webhook.controller';
import { MuxWebhookService } from './mux-webhook.service';
import { createMuxClient, MUX_CLIENT, MuxVideoProvider } from './mux.provider';
import { VideoEventsProcessor } from './video-events.processor';
import { VideoEventsProducer } from './video-events.producer';
import { VideoStateService } from './video-state.service';
import { VIDEO_EVENTS_QUEUE, VIDEO_PROVIDER } from './video.constants';
import { VideoController } from './video.controller';
import { VideoService } from './video.service';

/**
 * Lesson videos: uploads, provider webhooks, playback and captions. The provider (Mux or local
 * disk) is picked from configuration here and nowhere else. The webhook queue's processor runs
 * only where this process runs workers.
 */
@Module({})
export class VideoModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: VideoModule,
      imports: [
        CoursesModule,
        TypeOrmModule.forFeature([Lesson, VideoEvent]),
        BullModule.registerQueue({ name: VIDEO_EVENTS_QUEUE }),
      ],
      controllers: [VideoController, LocalMediaController, MuxWebhookController],
      providers: [
        { provide: MUX_CLIENT, inject: [APP_CONFIG], useFactory: createMuxClient },
        LocalVideoStorage,
        {
          provide: VIDEO_PROVIDER,
          inject: [APP_CONFIG, MUX_CLIENT, LocalVideoStorage],
          useFactory: (config: AppConfig, mux: Mux | null, storage: LocalVideoStorage) =>
            mux ? new MuxVideoProvider(mux, config) : new LocalVideoProvider(config, storage),
        },
        VideoStateService,
        VideoService,
        LocalUploadService,
        MuxWebhookService,
        VideoEventsProducer,
        ...(options.worker ? [VideoEventsProcessor] : []),
      ],
    };
  }
}
