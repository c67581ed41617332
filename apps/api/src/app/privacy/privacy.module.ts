import { Module } from '@nestjs/common';
import { RegistryController } from './registry.controller';
import { RegistryService } from './registry.service';

/**
 * Personal data (issue 17): the registry (personal-data-registry.ts), exports of everything held
 * about a person, and erasure. The one module that changes rows in every owner's tables: it runs
 * exactly the erase rules each owner declares for its tables in the registry.
 */
@Module({
  controllers: [RegistryController],
  providers: [RegistryService],
  exports: [RegistryService],
})
export class PrivacyModule {}
