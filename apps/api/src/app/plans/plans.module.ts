import { Module } from '@nestjs/common';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { PublicPlansService } from './public-plans.service';

/**
 * A village's living documents (the development plan and the village story; the annual wheel
 * and report join as further kinds) and its public page with the plan's PDF.
 */
@Module({
  controllers: [PlansController],
  providers: [PlansService, PublicPlansService],
})
export class PlansModule {}
