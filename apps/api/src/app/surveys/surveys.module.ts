import { Module } from '@nestjs/common';
import { PublicSurveysController } from './public-surveys.controller';
import { PublicSurveysService } from './public-surveys.service';
import { SurveyRateLimiter } from './survey-rate-limiter';
import { SurveyResultsController } from './survey-results.controller';
import { SurveyResultsService } from './survey-results.service';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

/** Questionnaires (issue 15): writing them, answering without an account, and their results. */
@Module({
  controllers: [SurveysController, SurveyResultsController, PublicSurveysController],
  providers: [SurveysService, PublicSurveysService, SurveyResultsService, SurveyRateLimiter],
  exports: [SurveysService],
})
export class SurveysModule {}
