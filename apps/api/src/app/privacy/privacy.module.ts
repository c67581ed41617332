import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { ExportBuilder } from './export-builder';
import { ExportController } from './export.controller';
import { ExportProcessor } from './export.processor';
import { ExportService } from './export.service';
import { AuthModule } from '../auth/auth.module';
import { CitizenPanelModule } from '../citizen-panel/citizen-panel.module';
import {
  ErasureRequestsController,
  MyErasureController,
  PanelEraseController,
} from './erasure.controller';
import { ErasureProcessor } from './erasure.processor';
import { ErasureRunner } from './erasure-runner.service';
import { ErasureService } from './erasure.service';
import { PRIVACY_QUEUE } from './privacy.constants';
import { RegistryController } from './registry.controller';
import { RegistryService } from './registry.service';

/**
 * Personal data (issue 17): the registry (personal-data-registry.ts), exports of everything held
 * about a person, and erasure. The one module that changes rows in every owner's tables: it runs
 * exactly the erase rules each owner declares for its tables in the registry. The `privacy`
 * queue's processors run only where the workers run.
 */
@Module({})
export class PrivacyModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: PrivacyModule,
      imports: [BullModule.registerQueue({ name: PRIVACY_QUEUE }), AuthModule, CitizenPanelModule],
      controllers: [
        RegistryController,
        ExportController,
        MyErasureController,
        ErasureRequestsController,
        PanelEraseController,
      ],
      providers: [
        RegistryService,
        ExportService,
        ErasureService,
        ErasureRunner,
        ...(options.worker ? [ExportBuilder, ExportProcessor, ErasureProcessor] : []),
      ],
      exports: [RegistryService],
    };
  }
}
