import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { SessionUser } from '@blup/contracts';
import type { Response } from 'express';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { AuthedRequest, CurrentUser } from './current-user.decorator';
import {
  ChangePasswordDto,
  CompletePasswordResetDto,
  LoginDto,
  PasswordResetDto,
  SignInLinkDto,
  TokenDto,
  UpdateProfileDto,
} from './dto/auth.dto';
import { SessionUserResponse } from './dto/responses';
import { Public } from './public.decorator';
import { RetryAfterFilter } from './sign-in-rate-limiter';

@ApiTags('auth')
@Controller('auth')
@UseFilters(RetryAfterFilter)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Get('csrf')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({
    description: 'Sets the XSRF-TOKEN cookie (when missing) to echo in X-XSRF-TOKEN.',
  })
  csrf(): void {
    // The CSRF middleware has already set the cookie.
  }

  @Get('me')
  @ApiCookieAuth()
  @ApiOkResponse({ type: SessionUserResponse })
  @ApiUnauthorizedResponse({ description: 'Not signed in' })
  me(@CurrentUser() user: AuthUser): Promise<SessionUser> {
    return this.auth.me(user.id);
  }

  @Patch('me')
  @ApiCookieAuth()
  @ApiOkResponse({ type: SessionUserResponse })
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateProfileDto): Promise<SessionUser> {
    return this.auth.updateProfile(user, dto);
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionUserResponse, description: 'Signed in; sets a new session cookie' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After' })
  login(
    @Body() dto: LoginDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionUser> {
    return this.auth.login(dto, { req, res });
  }

  /** Public so that signing out always works, even with a session that has already ended. */
  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The session is ended and its cookie cleared' })
  logout(@Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    return this.auth.logout({ req, res });
  }

  @Public()
  @Post('link')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    description:
      'A sign-in link is mailed if the email belongs to an account (same answer either way)',
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many requests from this address; see Retry-After',
  })
  requestLink(@Body() dto: SignInLinkDto, @Req() req: AuthedRequest): Promise<void> {
    return this.auth.requestSignInLink(dto, req.ip);
  }

  @Public()
  @Post('link/consume')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionUserResponse, description: 'Signed in; sets a new session cookie' })
  @ApiBadRequestResponse({ description: 'Not a token' })
  @ApiGoneResponse({ description: 'The link was used or has expired' })
  consumeLink(
    @Body() dto: TokenDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionUser> {
    return this.auth.consumeSignInLink(dto, { req, res });
  }

  @Public()
  @Post('password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    description:
      'A reset link is mailed if the email belongs to an account (same answer either way)',
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many requests from this address; see Retry-After',
  })
  requestReset(@Body() dto: PasswordResetDto, @Req() req: AuthedRequest): Promise<void> {
    return this.auth.requestPasswordReset(dto, req.ip);
  }

  @Public()
  @Post('password-reset/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: SessionUserResponse,
    description: 'New password set, other sessions ended, signed in',
  })
  @ApiGoneResponse({ description: 'The link was used or has expired' })
  completeReset(
    @Body() dto: CompletePasswordResetDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionUser> {
    return this.auth.completePasswordReset(dto, { req, res });
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth()
  @ApiNoContentResponse({
    description: 'Password changed; every other session ended, this one renewed',
  })
  @ApiBadRequestResponse({
    description: 'The current password is not right, or the new one is not acceptable',
  })
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    return this.auth.changePassword(user, dto, { req, res });
  }
}
