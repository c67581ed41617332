import { Module } from '@nestjs/common';
import { GoalsController } from './goals.controller';
import { GoalsService } from './goals.service';

/** Village goals on the 17 SDGs, and their timelines of progress. */
@Module({
  controllers: [GoalsController],
  providers: [GoalsService],
})
export class GoalsModule {}
