import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Param,
  Patch,
  Post,
  Query,
  Req,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  GoalSummaryDto,
  GoalUpdateDto,
  Page,
  SdgDto,
  SdgTargetDto,
  VillageGoalDto,
} from '@blup/contracts';
import type { Request } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { ApiPageResponse } from '../common/api-page';
import { ApiCreate, ApiDelete, ApiVersionedUpdate, type WriteRefusals } from '../common/api-writes';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import { PageQueryDto } from '../common/pagination';
import {
  CreateGoalUpdateBody,
  CreateVillageGoalBody,
  GoalSummaryResponse,
  GoalUpdateResponse,
  SdgParam,
  SdgResponse,
  SdgTargetResponse,
  UpdateVillageGoalBody,
  VillageGoalResponse,
  VillageGoalsQueryDto,
} from './goals.dto';
import { GoalPhotoUploadInterceptor, type GoalPhotoUpload } from './goal-photo-upload.interceptor';
import { GoalSummaryService } from './goal-summary.service';
import { GoalsService } from './goals.service';

const HIDDEN_GOAL = 'No such goal, or not one you may see.';
const NO_VILLAGE = 'No such village, or not one you may see.';
const READ_ONLY = 'Coordinators read a village’s goals; its steering group changes them.';
const GOAL_WRITE: WriteRefusals = { readOnly: READ_ONLY, notFound: HIDDEN_GOAL };
/** Photos are the village's own: kept by the browser, never by a shared cache. */
const PHOTO_CACHE = 'private, max-age=3600';

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

  @Public()
  @Get('sdgs/:number/targets')
  @ApiPageResponse(
    SdgTargetResponse,
    'One SDG’s targets (delmål) in the UN’s order, with the official texts.',
  )
  @ApiBadRequestResponse({ description: 'The number is not one of the 17 goals.' })
  targets(@Param() params: SdgParam, @Query() query: PageQueryDto): Promise<Page<SdgTargetDto>> {
    return this.goals.targets(params.number, query);
  }

  @Get('villages/:villageId/goals')
  @ApiCookieAuth()
  @ApiPageResponse(
    VillageGoalResponse,
    'A village’s goals, in the order they were written, filtered by SDG, status or words.',
  )
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  list(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Query() query: VillageGoalsQueryDto,
  ): Promise<Page<VillageGoalDto>> {
    return this.goals.list(user, villageId, query);
  }

  @Post('villages/:villageId/goals')
  @ApiCookieAuth()
  @ApiCreate(VillageGoalResponse, 'A field is missing or invalid.', {
    readOnly: READ_ONLY,
    notFound: NO_VILLAGE,
  })
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
  @ApiVersionedUpdate(
    VillageGoalResponse,
    'Someone saved the goal after the version you changed; nothing was saved.',
    GOAL_WRITE,
  )
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('goal') id: string,
    @Body() body: UpdateVillageGoalBody,
  ): Promise<VillageGoalDto> {
    return this.goals.update(user, id, body);
  }

  @Delete('goals/:id')
  @ApiCookieAuth()
  @ApiDelete('Deleted, with its timeline.', GOAL_WRITE)
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

  /**
   * JSON, or multipart/form-data with the update as JSON in the field `update` and one photo
   * (JPEG, PNG or WebP, at most 15 MB) in the file field `photo`.
   */
  @Post('goals/:id/updates')
  @UseInterceptors(GoalPhotoUploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiCookieAuth()
  @ApiCreatedResponse({ type: GoalUpdateResponse })
  @ApiBadRequestResponse({
    description:
      'The status is missing, the note or value is invalid, or the photo is not a JPEG, PNG or WebP image.',
  })
  @ApiPayloadTooLargeResponse({ description: 'The photo is larger than 15 MB.' })
  @ApiForbiddenResponse({ description: READ_ONLY })
  @ApiNotFoundResponse({ description: HIDDEN_GOAL })
  addUpdate(
    @CurrentUser() user: AuthUser,
    @IdParam('goal') id: string,
    @Body() body: CreateGoalUpdateBody,
    @Req() req: Request & { file?: GoalPhotoUpload },
  ): Promise<GoalUpdateDto> {
    return this.goals.addUpdate(user, id, body, req.file);
  }

  @Get('goals/:id/updates/:updateId/photo')
  @Header('Cache-Control', PHOTO_CACHE)
  @ApiCookieAuth()
  @ApiOkResponse({
    description: 'The update’s photo (JPEG, at most 1600 px, no metadata).',
    content: binaryContent('image/jpeg'),
  })
  @ApiNotFoundResponse({ description: 'No such photo, or not one you may see.' })
  photo(
    @CurrentUser() user: AuthUser,
    @IdParam('goal') id: string,
    @IdParam('update', 'updateId') updateId: string,
  ): Promise<StreamableFile> {
    return this.goals.photo(user, id, updateId, 'large');
  }

  @Get('goals/:id/updates/:updateId/photo/thumbnail')
  @Header('Cache-Control', PHOTO_CACHE)
  @ApiCookieAuth()
  @ApiOkResponse({
    description: 'The update’s photo as a thumbnail (JPEG, at most 480 px).',
    content: binaryContent('image/jpeg'),
  })
  @ApiNotFoundResponse({ description: 'No such photo, or not one you may see.' })
  photoThumbnail(
    @CurrentUser() user: AuthUser,
    @IdParam('goal') id: string,
    @IdParam('update', 'updateId') updateId: string,
  ): Promise<StreamableFile> {
    return this.goals.photo(user, id, updateId, 'thumbnail');
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
