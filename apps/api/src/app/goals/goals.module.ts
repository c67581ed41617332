import { Module } from '@nestjs/common';
import { GoalsController } from './goals.controller';
import { GoalSummaryService } from './goal-summary.service';
import { GoalsService } from './goals.service';

/** Village goals on the 17 SDGs, and their timelines of progress. */
@Module({
  controllers: [GoalsController],
  providers: [GoalsService, GoalSummaryService],
})
export class GoalsModule {}
