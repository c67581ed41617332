import { Module } from '@nestjs/common';
import {
  CirclesController,
  CohortPlanController,
  PlanSessionsController,
  SessionAdjustController,
} from './circles.controller';
import { CirclesService } from './circles.service';
import { CircleSync } from './circle-sync.service';
import { PlanningService } from './planning.service';
import { SessionPlanningService } from './session-planning.service';

/** Circles, the cohort calendar plan, adjusting and cancelling sessions, the cohort grid. */
@Module({
  controllers: [
    CirclesController,
    CohortPlanController,
    PlanSessionsController,
    SessionAdjustController,
  ],
  providers: [CircleSync, CirclesService, PlanningService, SessionPlanningService],
  exports: [CircleSync, SessionPlanningService],
})
export class CirclesModule {}
