import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CitizenPanelController, UnsubscribeController } from './citizen-panel.controller';
import { CitizenPanelService } from './citizen-panel.service';
import { PanelSubscribersService } from './panel-subscribers.service';

/** Each village's citizen panel: sign-up, double opt-in, consent, preferences, CSV import (issue 5). */
@Module({
  imports: [AuthModule],
  controllers: [CitizenPanelController, UnsubscribeController],
  providers: [CitizenPanelService, PanelSubscribersService],
  exports: [CitizenPanelService],
})
export class CitizenPanelModule {}
