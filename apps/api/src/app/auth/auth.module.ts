import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OneTimeToken, User, UserSession } from '../database/entities';
import { SessionGuard } from './session.guard';
import { SessionService } from './session.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, UserSession, OneTimeToken])],
  providers: [SessionService, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [SessionService],
})
export class AuthModule {}
