import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  CircleDto,
  CircleGridResponse,
  CircleSummaryDto,
  Page,
  PlanSessionDto,
  SessionSummaryDto,
} from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { PageQueryDto } from '../common/pagination';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import {
  CircleGridResponseBody,
  CircleResponse,
  CircleSummaryResponse,
  CirclesQueryDto,
  CreateCircleSessionBody,
  CreatePlanBody,
  GridCellResponse,
  PlanSessionResponse,
  SessionSummaryResponse,
  UpdateCircleBody,
  UpdatePlanSessionBody,
  UpdateSessionBody,
} from './circles.dto';
import { CirclesService } from './circles.service';
import { PlanningService } from './planning.service';
import { SessionPlanningService } from './session-planning.service';

@ApiTags('circles')
@ApiCookieAuth()
@Controller('circles')
export class CirclesController {
  constructor(
    private readonly circles: CirclesService,
    private readonly sessionPlanning: SessionPlanningService,
  ) {}

  @Get()
  @ApiPageResponse(CircleSummaryResponse, 'The circles you take part in (all for the secretariat).')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: CirclesQueryDto,
  ): Promise<Page<CircleSummaryDto>> {
    return this.circles.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CircleResponse })
  @ApiNotFoundResponse({ description: 'No such circle, or not one you may see.' })
  get(@CurrentUser() user: AuthUser, @IdParam('circle') id: string): Promise<CircleDto> {
    return this.circles.get(user, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CircleResponse })
  @ApiBadRequestResponse({ description: 'The room is not an https link, or no such facilitator.' })
  @ApiForbiddenResponse({ description: 'Only the secretariat changes circles.' })
  @ApiNotFoundResponse({ description: 'No such circle, or not one you may see.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('circle') id: string,
    @Body() body: UpdateCircleBody,
  ): Promise<CircleDto> {
    return this.circles.update(user, id, body);
  }

  @Get(':id/sessions')
  @ApiPageResponse(SessionSummaryResponse, 'The circle’s sessions, soonest first.')
  @ApiNotFoundResponse({ description: 'No such circle, or not one you may see.' })
  sessions(
    @CurrentUser() user: AuthUser,
    @IdParam('circle') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SessionSummaryDto>> {
    return this.circles.sessions(user, id, query);
  }

  @Post(':id/sessions')
  @ApiCreatedResponse({ type: SessionSummaryResponse })
  @ApiBadRequestResponse({ description: 'Bad times, an overlap, a link that is not https …' })
  @ApiForbiddenResponse({ description: 'Only the secretariat adds sessions.' })
  @ApiNotFoundResponse({ description: 'No such circle, or not one you may see.' })
  addSession(
    @CurrentUser() user: AuthUser,
    @IdParam('circle') id: string,
    @Body() body: CreateCircleSessionBody,
  ): Promise<SessionSummaryDto> {
    return this.sessionPlanning.addSession(user, id, body);
  }
}

@ApiTags('circles')
@ApiCookieAuth()
@Controller('cohorts')
export class CohortPlanController {
  constructor(
    private readonly circles: CirclesService,
    private readonly planning: PlanningService,
  ) {}

  @Get(':id/plan')
  @ApiPageResponse(PlanSessionResponse, 'The cohort’s planned sessions in time order.')
  @ApiNotFoundResponse({ description: 'No such cohort, or not one you may see.' })
  plan(
    @CurrentUser() user: AuthUser,
    @IdParam('cohort') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<PlanSessionDto>> {
    return this.circles.plan(user, id, query);
  }

  @Post(':id/plan')
  @ApiCreatedResponse({ type: [PlanSessionResponse] })
  @ApiBadRequestResponse({ description: 'Bad times, an overlap, a link that is not https …' })
  @ApiForbiddenResponse({ description: 'Only the secretariat plans.' })
  @ApiNotFoundResponse({ description: 'No such cohort, or not one you may see.' })
  createPlan(
    @CurrentUser() user: AuthUser,
    @IdParam('cohort') id: string,
    @Body() body: CreatePlanBody,
  ): Promise<PlanSessionDto[]> {
    return this.planning.createPlan(user, id, body);
  }

  @Get(':id/circle-grid')
  @ApiExtraModels(GridCellResponse)
  @ApiOkResponse({ type: CircleGridResponseBody })
  @ApiNotFoundResponse({ description: 'No such cohort, or not one you may see.' })
  grid(
    @CurrentUser() user: AuthUser,
    @IdParam('cohort') id: string,
    @Query() query: PageQueryDto,
  ): Promise<CircleGridResponse> {
    return this.circles.grid(user, id, query);
  }
}

@ApiTags('circles')
@ApiCookieAuth()
@Controller('plan-sessions')
export class PlanSessionsController {
  constructor(private readonly planning: PlanningService) {}

  @Patch(':id')
  @ApiOkResponse({ type: PlanSessionResponse })
  @ApiBadRequestResponse({ description: 'Bad times, an overlap, a link that is not https …' })
  @ApiForbiddenResponse({ description: 'Only the secretariat plans.' })
  @ApiNotFoundResponse({ description: 'No such planned session, or not one you may see.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('planned session') id: string,
    @Body() body: UpdatePlanSessionBody,
  ): Promise<PlanSessionDto> {
    return this.planning.updatePlan(user, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: PlanSessionResponse })
  @ApiForbiddenResponse({ description: 'Only the secretariat plans.' })
  @ApiNotFoundResponse({ description: 'No such planned session, or not one you may see.' })
  cancel(
    @CurrentUser() user: AuthUser,
    @IdParam('planned session') id: string,
  ): Promise<PlanSessionDto> {
    return this.planning.cancelPlan(user, id);
  }
}

@ApiTags('circles')
@ApiCookieAuth()
@Controller('sessions')
export class SessionAdjustController {
  constructor(private readonly sessionPlanning: SessionPlanningService) {}

  @Patch(':id')
  @ApiOkResponse({ type: SessionSummaryResponse })
  @ApiBadRequestResponse({ description: 'Bad times, an overlap, a link that is not https …' })
  @ApiForbiddenResponse({ description: 'Only the secretariat changes sessions.' })
  @ApiNotFoundResponse({ description: 'No such session, or not one you may see.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('session') id: string,
    @Body() body: UpdateSessionBody,
  ): Promise<SessionSummaryDto> {
    return this.sessionPlanning.updateSession(user, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionSummaryResponse })
  @ApiBadRequestResponse({ description: 'The session has been held.' })
  @ApiForbiddenResponse({ description: 'Only the secretariat cancels sessions.' })
  @ApiNotFoundResponse({ description: 'No such session, or not one you may see.' })
  cancel(
    @CurrentUser() user: AuthUser,
    @IdParam('session') id: string,
  ): Promise<SessionSummaryDto> {
    return this.sessionPlanning.cancelSession(user, id);
  }
}
