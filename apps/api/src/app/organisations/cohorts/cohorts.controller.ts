import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type CohortDto, type Page } from '@blup/contracts';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { ApiPageResponse } from '../../common/api-page';
import { IdParam } from '../../common/id-param';
import { PageQueryDto } from '../../common/pagination';
import { CohortResponse, CreateCohortBody, UpdateCohortBody } from './cohort.dto';
import { CohortsService } from './cohorts.service';

@ApiTags('cohorts')
@ApiCookieAuth()
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly service: CohortsService) {}

  @Get()
  @ApiPageResponse(CohortResponse, 'Cohorts holding a village you may see, newest start first.')
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<CohortDto>> {
    return this.service.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CohortResponse })
  @ApiNotFoundResponse({ description: 'No such cohort, or not one you may see.' })
  get(@CurrentUser() user: AuthUser, @IdParam('cohort') id: string): Promise<CohortDto> {
    return this.service.get(user, id);
  }

  @Roles(Role.Secretariat)
  @Post()
  @ApiCreatedResponse({ type: CohortResponse })
  @ApiBadRequestResponse({ description: 'A field is invalid, or a village id is unknown.' })
  @ApiForbiddenResponse({ description: 'Only the secretariat adds cohorts.' })
  @ApiConflictResponse({ description: 'A cohort with that name exists.' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCohortBody): Promise<CohortDto> {
    return this.service.create(user, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CohortResponse })
  @ApiBadRequestResponse({ description: 'A field is invalid, or a village id is unknown.' })
  @ApiForbiddenResponse({ description: 'Only the secretariat changes cohorts.' })
  @ApiNotFoundResponse({ description: 'No such cohort, or not one you may see.' })
  @ApiConflictResponse({ description: 'A cohort with that name exists.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('cohort') id: string,
    @Body() body: UpdateCohortBody,
  ): Promise<CohortDto> {
    return this.service.update(user, id, body);
  }
}
