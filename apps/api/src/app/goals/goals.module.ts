import { Module } from '@nestjs/common';
import { GoalsController } from './goals.controller';
import { GoalPhotosService } from './goal-photos.service';
import { GoalSummaryService } from './goal-summary.service';
import { GoalsService } from './goals.service';

/** Village goals on the 17 SDGs and their targets, and their timelines of progress with photos. */
@Module({
  controllers: [GoalsController],
  providers: [GoalsService, GoalSummaryService, GoalPhotosService],
})
export class GoalsModule {}
