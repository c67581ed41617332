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
import {
  Role,
  type MunicipalityDto,
  type MunicipalityOverviewDto,
  type Page,
} from '@blup/contracts';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { ApiPageResponse } from '../../common/api-page';
import { IdParam } from '../../common/id-param';
import { PageQueryDto } from '../../common/pagination';
import {
  CreateMunicipalityBody,
  MunicipalityOverviewResponse,
  MunicipalityResponse,
  UpdateMunicipalityBody,
} from './municipality.dto';
import { MunicipalitiesService } from './municipalities.service';

@ApiTags('municipalities')
@ApiCookieAuth()
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly service: MunicipalitiesService) {}

  @Get()
  @ApiPageResponse(MunicipalityResponse, 'The municipalities you may see; `q` searches names.')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<MunicipalityDto>> {
    return this.service.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: MunicipalityResponse })
  @ApiNotFoundResponse({ description: 'No such municipality, or not one you may see.' })
  get(
    @CurrentUser() user: AuthUser,
    @IdParam('municipality') id: string,
  ): Promise<MunicipalityDto> {
    return this.service.get(user, id);
  }

  @Get(':id/overview')
  @ApiOkResponse({
    type: MunicipalityOverviewResponse,
    description:
      'A page of the municipality’s villages at a glance, and its coordinator circle’s next session; `q` searches village names.',
  })
  @ApiForbiddenResponse({
    description: 'Only the municipality’s coordinators and the secretariat see the overview.',
  })
  @ApiNotFoundResponse({ description: 'No such municipality, or not one you may see.' })
  overview(
    @CurrentUser() user: AuthUser,
    @IdParam('municipality') id: string,
    @Query() query: PageQueryDto,
  ): Promise<MunicipalityOverviewDto> {
    return this.service.overview(user, id, query);
  }

  @Roles(Role.Secretariat)
  @Post()
  @ApiCreatedResponse({ type: MunicipalityResponse })
  @ApiBadRequestResponse({ description: 'The name is missing or too long.' })
  @ApiForbiddenResponse({ description: 'Only the secretariat adds municipalities.' })
  @ApiConflictResponse({ description: 'A municipality with that name exists.' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateMunicipalityBody,
  ): Promise<MunicipalityDto> {
    return this.service.create(user, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: MunicipalityResponse })
  @ApiForbiddenResponse({ description: 'Only the secretariat changes municipalities.' })
  @ApiNotFoundResponse({ description: 'No such municipality, or not one you may see.' })
  @ApiConflictResponse({ description: 'A municipality with that name exists.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('municipality') id: string,
    @Body() body: UpdateMunicipalityBody,
  ): Promise<MunicipalityDto> {
    return this.service.update(user, id, body);
  }
}
