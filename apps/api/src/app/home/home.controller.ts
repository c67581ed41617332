import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { HomeResponse } from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { HomeResponseBody } from './home.dto';
import { HomeService } from './home.service';

@ApiTags('home')
@ApiCookieAuth()
@Controller('home')
export class HomeController {
  constructor(private readonly service: HomeService) {}

  @Get()
  @ApiOkResponse({
    type: HomeResponseBody,
    description: 'The signed-in person and the cards for their role.',
  })
  @ApiUnauthorizedResponse({ description: 'Not signed in.' })
  home(@CurrentUser() user: AuthUser): Promise<HomeResponse> {
    return this.service.home(user);
  }
}
