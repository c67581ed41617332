import { Module } from '@nestjs/common';
import { ProgressModule } from '../progress/progress.module';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

@Module({ imports: [ProgressModule], controllers: [HomeController], providers: [HomeService] })
export class HomeModule {}
