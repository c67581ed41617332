import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { GoalSummaryDto, GoalUpdateDto, Page, SdgDto, VillageGoalDto } from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { PageQueryDto } from '../common/pagination';
import {
  CreateGoalUpdateBody,
  CreateVillageGoalBody,
  GoalSummaryResponse,
  GoalUpdateResponse,
  SdgResponse,
  UpdateVillageGoalBody,
  VillageGoalResponse,
  VillageGoalsQueryDto,
} from './goals.dto';
import { GoalSummaryService } from './goal-summary.service';
import { GoalsService } from './goals.service';

const HIDDEN_GOAL = 'No such goal, or not one you may see.';
const READ_ONLY = 'Coordinators read a village’s goals; its steering group changes them.';

@ApiTags('goals')
@Controller()
export class GoalsController {
  constructor(
    private readonly goals: GoalsService,
    private readonly summaries: GoalSummaryService,
  ) {}

  @Public()
  @Get('sdgs')
  @ApiPageResponse(SdgResponse, 'The 17 Sustainable Development Goals, by number.')
  sdgs(@Query() query: PageQueryDto): Promise<Page<SdgDto>> {
    return this.goals.sdgs(query);
  }

  @Get('villages/:villageId/goals')
  @ApiCookieAuth()
  @ApiPageResponse(
    VillageGoalResponse,
    'A village’s goals, in the order they were written, filtered by SDG, status or words.',
  )
  @ApiNotFoundResponse({ description: 'No such village, or not one you may see.' })
  list(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Query() query: VillageGoalsQueryDto,
  ): Promise<Page<VillageGoalDto>> {
    return this.goals.list(user, villageId, query);
  }

  @Post('villages/:villageId/goals')
  @ApiCookieAuth()
  @ApiCreatedResponse({ type: VillageGoalResponse })
  @ApiBadRequestResponse({ description: 'A field is missing or invalid.' })
  @ApiForbiddenResponse({ description: READ_ONLY })
  @ApiNotFoundResponse({ description: 'No such village, or not one you may see.' })
  create(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Body() body: CreateVillageGoalBody,
  ): Promise<VillageGoalDto> {
    return this.goals.create(user, villageId, body);
  }

  @Get('goals/:id')
  @ApiCookieAuth()
  @ApiOkResponse({ type: VillageGoalResponse })
  @ApiNotFoundResponse({ description: HIDDEN_GOAL })
  get(@CurrentUser() user: AuthUser, @IdParam('goal') id: string): Promise<VillageGoalDto> {
    return this.goals.get(user, id);
  }

  @Patch('goals/:id')
  @ApiCookieAuth()
  @ApiOkResponse({ type: VillageGoalResponse })
  @ApiBadRequestResponse({ description: 'A field is invalid, or the version is missing.' })
  @ApiForbiddenResponse({ description: READ_ONLY })
  @ApiNotFoundResponse({ description: HIDDEN_GOAL })
  @ApiConflictResponse({
    description: 'Someone saved the goal after the version you changed; nothing was saved.',
  })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('goal') id: string,
    @Body() body: UpdateVillageGoalBody,
  ): Promise<VillageGoalDto> {
    return this.goals.update(user, id, body);
  }

  @Delete('goals/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth()
  @ApiNoContentResponse({ description: 'Deleted, with its timeline.' })
  @ApiForbiddenResponse({ description: READ_ONLY })
  @ApiNotFoundResponse({ description: HIDDEN_GOAL })
  remove(@CurrentUser() user: AuthUser, @IdParam('goal') id: string): Promise<void> {
    return this.goals.remove(user, id);
  }

  @Get('goals/:id/updates')
  @ApiCookieAuth()
  @ApiPageResponse(GoalUpdateResponse, 'The goal’s timeline of progress updates, newest first.')
  @ApiNotFoundResponse({ description: HIDDEN_GOAL })
  updates(
    @CurrentUser() user: AuthUser,
    @IdParam('goal') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<GoalUpdateDto>> {
    return this.goals.updates(user, id, query);
  }

  @Post('goals/:id/updates')
  @ApiCookieAuth()
  @ApiCreatedResponse({ type: GoalUpdateResponse })
  @ApiBadRequestResponse({ description: 'The status is missing, or the note or value is invalid.' })
  @ApiForbiddenResponse({ description: READ_ONLY })
  @ApiNotFoundResponse({ description: HIDDEN_GOAL })
  addUpdate(
    @CurrentUser() user: AuthUser,
    @IdParam('goal') id: string,
    @Body() body: CreateGoalUpdateBody,
  ): Promise<GoalUpdateDto> {
    return this.goals.addUpdate(user, id, body);
  }

  @Get('municipalities/:id/goal-summary')
  @ApiCookieAuth()
  @ApiOkResponse({ type: GoalSummaryResponse })
  @ApiForbiddenResponse({ description: 'Only coordinators see goals across their villages.' })
  @ApiNotFoundResponse({ description: 'No such municipality, or not one you may see.' })
  municipalitySummary(
    @CurrentUser() user: AuthUser,
    @IdParam('municipality') id: string,
  ): Promise<GoalSummaryDto> {
    return this.summaries.forMunicipality(user, id);
  }

  @Get('cohorts/:id/goal-summary')
  @ApiCookieAuth()
  @ApiOkResponse({ type: GoalSummaryResponse })
  @ApiForbiddenResponse({ description: 'Only the secretariat sees goals across a cohort.' })
  @ApiNotFoundResponse({ description: 'No such cohort, or not one you may see.' })
  cohortSummary(
    @CurrentUser() user: AuthUser,
    @IdParam('cohort') id: string,
  ): Promise<GoalSummaryDto> {
    return this.summaries.forCohort(user, id);
  }
}
