import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCookieAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  FocusAreaDto,
  FocusAreaOverviewDto,
  InitiativeCandidateDto,
  InitiativeDto,
  Page,
} from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiPageResponse } from '../common/api-page';
import { ApiCreate, ApiDelete, ApiVersionedUpdate, type WriteRefusals } from '../common/api-writes';
import { IdParam } from '../common/id-param';
import { PageQueryDto } from '../common/pagination';
import { FocusAreasService } from './focus-areas.service';
import {
  CreateFocusAreaBody,
  CreateInitiativeBody,
  FocusAreaOverviewResponse,
  FocusAreaResponse,
  InitiativeCandidateResponse,
  InitiativeResponse,
  InitiativesQueryDto,
  UpdateFocusAreaBody,
  UpdateInitiativeBody,
} from './initiatives.dto';
import { InitiativesService } from './initiatives.service';

const NO_VILLAGE = 'No such village, or not one you may see.';
const HIDDEN_INITIATIVE = 'No such initiative, or not one you may see.';
const HIDDEN_AREA = 'No such focus area, or not one you may see.';
const READ_ONLY = 'Coordinators read a village’s initiatives; its steering group changes them.';
const VILLAGE_WRITE: WriteRefusals = { readOnly: READ_ONLY, notFound: NO_VILLAGE };
const INITIATIVE_WRITE: WriteRefusals = { readOnly: READ_ONLY, notFound: HIDDEN_INITIATIVE };
const AREA_WRITE: WriteRefusals = { readOnly: READ_ONLY, notFound: HIDDEN_AREA };

@ApiTags('initiatives')
@ApiCookieAuth()
@Controller()
export class InitiativesController {
  constructor(
    private readonly initiatives: InitiativesService,
    private readonly focusAreas: FocusAreasService,
  ) {}

  @Get('villages/:villageId/initiative-overview')
  @ApiPageResponse(
    FocusAreaOverviewResponse,
    'The village’s focus areas in order, each with its weighted progress and its initiatives.',
  )
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  overview(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<FocusAreaOverviewDto>> {
    return this.focusAreas.overview(user, villageId, query);
  }

  @Get('villages/:villageId/initiatives')
  @ApiPageResponse(InitiativeResponse, 'A village’s initiatives in the order written.')
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  list(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Query() query: InitiativesQueryDto,
  ): Promise<Page<InitiativeDto>> {
    return this.initiatives.list(user, villageId, query);
  }

  @Post('villages/:villageId/initiatives')
  @ApiCreate(
    InitiativeResponse,
    'A field is missing or invalid, or a goal, focus area or person is not the village’s.',
    VILLAGE_WRITE,
  )
  create(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Body() body: CreateInitiativeBody,
  ): Promise<InitiativeDto> {
    return this.initiatives.create(user, villageId, body);
  }

  @Get('villages/:villageId/initiative-people')
  @ApiPageResponse(
    InitiativeCandidateResponse,
    'The village’s accounts by name, to choose a contact person or members from.',
  )
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  candidates(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<InitiativeCandidateDto>> {
    return this.initiatives.candidates(user, villageId, query);
  }

  @Get('goals/:goalId/initiatives')
  @ApiPageResponse(InitiativeResponse, 'The initiatives that serve a goal.')
  @ApiNotFoundResponse({ description: 'No such goal, or not one you may see.' })
  forGoal(
    @CurrentUser() user: AuthUser,
    @IdParam('goal', 'goalId') goalId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<InitiativeDto>> {
    return this.initiatives.forGoal(user, goalId, query);
  }

  @Get('initiatives/:id')
  @ApiOkResponse({ type: InitiativeResponse })
  @ApiNotFoundResponse({ description: HIDDEN_INITIATIVE })
  get(@CurrentUser() user: AuthUser, @IdParam('initiative') id: string): Promise<InitiativeDto> {
    return this.initiatives.get(user, id);
  }

  @Patch('initiatives/:id')
  @ApiVersionedUpdate(
    InitiativeResponse,
    'Someone saved the initiative after the version you changed; nothing was saved.',
    INITIATIVE_WRITE,
  )
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('initiative') id: string,
    @Body() body: UpdateInitiativeBody,
  ): Promise<InitiativeDto> {
    return this.initiatives.update(user, id, body);
  }

  @Delete('initiatives/:id')
  @ApiDelete('Deleted, with its members and ties to goals.', INITIATIVE_WRITE)
  remove(@CurrentUser() user: AuthUser, @IdParam('initiative') id: string): Promise<void> {
    return this.initiatives.remove(user, id);
  }

  @Get('villages/:villageId/focus-areas')
  @ApiPageResponse(FocusAreaResponse, 'A village’s focus areas in order, with their progress.')
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  focusAreaList(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<FocusAreaDto>> {
    return this.focusAreas.list(user, villageId, query);
  }

  @Post('villages/:villageId/focus-areas')
  @ApiCreate(FocusAreaResponse, 'A field is missing or invalid.', VILLAGE_WRITE)
  createFocusArea(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Body() body: CreateFocusAreaBody,
  ): Promise<FocusAreaDto> {
    return this.focusAreas.create(user, villageId, body);
  }

  @Get('focus-areas/:id')
  @ApiOkResponse({ type: FocusAreaResponse })
  @ApiNotFoundResponse({ description: HIDDEN_AREA })
  focusArea(
    @CurrentUser() user: AuthUser,
    @IdParam('focus area') id: string,
  ): Promise<FocusAreaDto> {
    return this.focusAreas.get(user, id);
  }

  @Patch('focus-areas/:id')
  @ApiVersionedUpdate(
    FocusAreaResponse,
    'Someone saved the focus area since; nothing was saved.',
    AREA_WRITE,
  )
  updateFocusArea(
    @CurrentUser() user: AuthUser,
    @IdParam('focus area') id: string,
    @Body() body: UpdateFocusAreaBody,
  ): Promise<FocusAreaDto> {
    return this.focusAreas.update(user, id, body);
  }

  @Delete('focus-areas/:id')
  @ApiDelete('Deleted (only when it has no initiatives).', AREA_WRITE)
  @ApiConflictResponse({ description: 'It still has initiatives: move or delete them first.' })
  removeFocusArea(@CurrentUser() user: AuthUser, @IdParam('focus area') id: string): Promise<void> {
    return this.focusAreas.remove(user, id);
  }
}
