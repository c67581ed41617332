import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';

/** Heartbeats, completion, "continue where you left off" and the progress reports. */
@Module({
  imports: [CoursesModule],
  controllers: [ProgressController],
  providers: [ProgressService],
  exports: [ProgressService],
})
export class ProgressModule {}
