import { Module } from '@nestjs/common';
import { FocusAreasService } from './focus-areas.service';
import { InitiativesController } from './initiatives.controller';
import { InitiativesService } from './initiatives.service';

/** Initiatives and working groups from the future workshop, and the focus areas that group them. */
@Module({
  controllers: [InitiativesController],
  providers: [InitiativesService, FocusAreasService],
  exports: [InitiativesService],
})
export class InitiativesModule {}
