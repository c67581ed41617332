import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { ExportBuilder } from './export-builder';
import { ExportController } from './export.controller';
import { ExportProcessor } from './export.processor';
import { ExportService } from './export.service';
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
      imports: [BullModule.registerQueue({ name: PRIVACY_QUEUE })],
      controllers: [RegistryController, ExportController],
      providers: [
        RegistryService,
        ExportService,
        ...(options.worker ? [ExportBuilder, ExportProcessor] : []),
      ],
      exports: [RegistryService],
    };
  }
}
