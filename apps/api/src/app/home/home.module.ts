import { Module } from '@nestjs/common';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

/** The home page. Its one statement reads what progress and participation read for their routes. */
@Module({
  controllers: [HomeController],
  providers: [HomeService],
})
export class HomeModule {}
