import { Module } from '@nestjs/common';
import { CirclesModule } from '../circles/circles.module';
import { AttendanceHistoryController } from './attendance-history.controller';
import { MySessionsService } from './my-sessions.service';
import { SessionPageService } from './session-page.service';
import { SessionsController } from './sessions.controller';

/** The session page, answers (RSVP), attendance, notes and next steps, my sessions. */
@Module({
  imports: [CirclesModule],
  controllers: [SessionsController, AttendanceHistoryController],
  providers: [SessionPageService, MySessionsService],
  exports: [MySessionsService],
})
export class ParticipationModule {}
