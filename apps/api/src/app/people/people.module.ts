import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { Municipality, User, Village } from '../database/entities';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';

/** Listing people and, for the secretariat, changing their role, place and status. */
@Module({
  imports: [TypeOrmModule.forFeature([User, Municipality, Village]), AuthModule],
  controllers: [PeopleController],
  providers: [PeopleService],
  exports: [PeopleService],
})
export class PeopleModule {}
