import { DynamicModule, Module } from '@nestjs/common';
import { HotlineController } from './hotline.controller';
import { HotlineInboundListener } from './hotline-inbound';
import { HotlineService } from './hotline.service';

/**
 * The hotline to the secretariat (issue 16, point 2). The SMTP listener for replies by mail runs
 * only where the workers run.
 */
@Module({})
export class HotlineModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: HotlineModule,
      controllers: [HotlineController],
      providers: [HotlineService, ...(options.worker ? [HotlineInboundListener] : [])],
    };
  }
}
