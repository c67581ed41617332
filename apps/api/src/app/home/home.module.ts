import { Module } from '@nestjs/common';
import { ParticipationModule } from '../participation/participation.module';
import { ProgressModule } from '../progress/progress.module';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

@Module({
  imports: [ProgressModule, ParticipationModule],
  controllers: [HomeController],
  providers: [HomeService],
})
export class HomeModule {}
