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
import { Role, type Page, type VillageDto } from '@blup/contracts';
import type { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { ApiPageResponse } from '../../common/api-page';
import { IdParam } from '../../common/id-param';
import {
  CreateVillageBody,
  UpdateVillageBody,
  VillageQueryDto,
  VillageResponse,
} from './village.dto';
import { VillagesService } from './villages.service';

@ApiTags('villages')
@ApiCookieAuth()
@Controller('villages')
export class VillagesController {
  constructor(private readonly service: VillagesService) {}

  @Get()
  @ApiPageResponse(
    VillageResponse,
    'The villages you may see, filtered by name, municipality or cohort.',
  )
  list(@CurrentUser() user: AuthUser, @Query() query: VillageQueryDto): Promise<Page<VillageDto>> {
    return this.service.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: VillageResponse })
  @ApiNotFoundResponse({ description: 'No such village, or not one you may see.' })
  get(@CurrentUser() user: AuthUser, @IdParam('village') id: string): Promise<VillageDto> {
    return this.service.get(user, id);
  }

  @Roles(Role.Secretariat)
  @Post()
  @ApiCreatedResponse({ type: VillageResponse })
  @ApiBadRequestResponse({
    description: 'A field is missing or invalid, or the municipality does not exist.',
  })
  @ApiForbiddenResponse({ description: 'Only the secretariat adds villages.' })
  @ApiConflictResponse({ description: 'The municipality already has a village with that name.' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateVillageBody): Promise<VillageDto> {
    return this.service.create(user, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: VillageResponse })
  @ApiForbiddenResponse({
    description: 'Only the secretariat and the municipality’s coordinators change a village.',
  })
  @ApiNotFoundResponse({ description: 'No such village, or not one you may see.' })
  @ApiConflictResponse({ description: 'The municipality already has a village with that name.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('village') id: string,
    @Body() body: UpdateVillageBody,
  ): Promise<VillageDto> {
    return this.service.update(user, id, body);
  }
}
