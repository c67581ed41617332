import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../database/entities';
import { DemoController } from './demo.controller';
import { DemoService } from './demo.service';

/** The demo accounts, for the sign-in page outside production. The seed itself is `seed.ts`. */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  controllers: [DemoController],
  providers: [DemoService],
})
export class DemoModule {}
