import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Municipality, OneTimeToken, User, UserSession, Village } from '../database/entities';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { InvitationService } from './invitation.service';
import { InvitationsController } from './invitations.controller';
import { OneTimeTokenService } from './one-time-token.service';
import { PasswordService } from './password.service';
import { SessionGuard } from './session.guard';
import { SessionCache } from './session-cache';
import { SessionService } from './session.service';
import { SignInRateLimiter } from './sign-in-rate-limiter';

@Module({
  imports: [TypeOrmModule.forFeature([User, UserSession, OneTimeToken, Municipality, Village])],
  controllers: [AuthController, InvitationsController],
  providers: [
    SessionCache,
    SessionService,
    PasswordService,
    OneTimeTokenService,
    SignInRateLimiter,
    AuthService,
    AccountsService,
    InvitationService,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [
    SessionService,
    PasswordService,
    OneTimeTokenService,
    SignInRateLimiter,
    AccountsService,
    InvitationService,
  ],
})
export class AuthModule {}
