import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { HOUSEKEEPING_QUEUE } from './housekeeping.constants';
import { HousekeepingProcessor } from './housekeeping.processor';

@Module({})
export class HousekeepingModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: HousekeepingModule,
      imports: [BullModule.registerQueue({ name: HOUSEKEEPING_QUEUE }), AuthModule],
      providers: options.worker ? [HousekeepingProcessor] : [],
    };
  }
}
