import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CirclesModule } from '../circles/circles.module';
import { Cohort, Municipality, User, Village } from '../database/entities';
import { CohortsController } from './cohorts/cohorts.controller';
import { CohortsService } from './cohorts/cohorts.service';
import { MunicipalitiesController } from './municipalities/municipalities.controller';
import { MunicipalitiesService } from './municipalities/municipalities.service';
import { VillagesController } from './villages/villages.controller';
import { VillagesService } from './villages/villages.service';

/** Municipalities, their villages, and the cohorts villages start in. */
@Module({
  imports: [TypeOrmModule.forFeature([Municipality, Village, Cohort, User]), CirclesModule],
  controllers: [MunicipalitiesController, VillagesController, CohortsController],
  providers: [MunicipalitiesService, VillagesService, CohortsService],
  exports: [VillagesService],
})
export class OrganisationsModule {}
