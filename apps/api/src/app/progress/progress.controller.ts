import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type {
  ContinueWatchingDto,
  LessonProgressDto,
  Page,
  PersonProgressDto,
  VillageProgressDto,
} from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { LessonProgressResponse } from '../courses/course.dto';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import {
  ContinueWatchingResponse,
  HeartbeatBody,
  PersonProgressQuery,
  PersonProgressResponse,
  VillageProgressQuery,
  VillageProgressResponse,
} from './progress.dto';
import { ProgressService } from './progress.service';

@ApiTags('progress')
@ApiCookieAuth()
@Controller()
export class ProgressController {
  constructor(private readonly service: ProgressService) {}

  @Post('lessons/:id/heartbeats')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LessonProgressResponse })
  @ApiBadRequestResponse({
    description: 'Not a video with a known duration, or an impossible stretch; nothing changed.',
  })
  @ApiForbiddenResponse({ description: 'You cannot watch this lesson.' })
  @ApiNotFoundResponse({ description: 'No such lesson.' })
  heartbeat(
    @CurrentUser() user: AuthUser,
    @IdParam('lesson') id: string,
    @Body() body: HeartbeatBody,
  ): Promise<LessonProgressDto> {
    return this.service.heartbeat(user, id, body);
  }

  @Post('lessons/:id/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LessonProgressResponse })
  @ApiBadRequestResponse({ description: 'Video lessons complete by watching.' })
  @ApiNotFoundResponse({ description: 'No such lesson, or not one you may see.' })
  complete(
    @CurrentUser() user: AuthUser,
    @IdParam('lesson') id: string,
  ): Promise<LessonProgressDto> {
    return this.service.complete(user, id);
  }

  @Get('me/continue')
  @ApiExtraModels(ContinueWatchingResponse)
  @ApiOkResponse({
    schema: { allOf: [{ $ref: getSchemaPath(ContinueWatchingResponse) }], nullable: true },
    description: 'Your most recent unfinished video lesson; an empty body (null) when none.',
  })
  continueWatching(@CurrentUser() user: AuthUser): Promise<ContinueWatchingDto | null> {
    return this.service.continueWatching(user);
  }

  @Get('progress/villages')
  @ApiPageResponse(VillageProgressResponse, 'Per village, within your scope.')
  @ApiForbiddenResponse({ description: 'Only the secretariat and coordinators.' })
  villages(
    @CurrentUser() user: AuthUser,
    @Query() query: VillageProgressQuery,
  ): Promise<Page<VillageProgressDto>> {
    return this.service.villages(user, query);
  }

  @Get('progress/people')
  @ApiPageResponse(PersonProgressResponse, 'Per person, within your scope.')
  @ApiForbiddenResponse({ description: 'Only the secretariat and coordinators.' })
  people(
    @CurrentUser() user: AuthUser,
    @Query() query: PersonProgressQuery,
  ): Promise<Page<PersonProgressDto>> {
    return this.service.people(user, query);
  }
}
