import { Module } from '@nestjs/common';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { PublicPlansService } from './public-plans.service';
import { WheelReportController } from './wheel-report.controller';
import { WheelReportService } from './wheel-report.service';

/**
 * A village's living documents (the development plan, the village story, the annual wheel and
 * the annual report) and its public page with the plan's PDF and the wheel's iCal feed.
 */
@Module({
  controllers: [PlansController, WheelReportController],
  providers: [PlansService, PublicPlansService, WheelReportService],
})
export class PlansModule {}
