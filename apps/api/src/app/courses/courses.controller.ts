import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Role,
  type CourseDto,
  type CourseModuleDto,
  type CourseSummaryDto,
  type Page,
} from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { PageQueryDto } from '../common/pagination';
import { ApiPageResponse } from '../common/api-page';
import { IdParam } from '../common/id-param';
import { AuthoringService } from './authoring.service';
import { CatalogueService } from './catalogue.service';
import {
  CourseModuleResponse,
  CourseResponse,
  CourseSummaryResponse,
  CreateCourseBody,
  CreateModuleBody,
  GrantAccessBody,
  ReorderBody,
  UpdateCourseBody,
} from './course.dto';

@ApiTags('courses')
@ApiCookieAuth()
@Controller('courses')
export class CoursesController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly authoring: AuthoringService,
  ) {}

  @Get()
  @ApiPageResponse(CourseSummaryResponse, 'The courses you may take, with your progress.')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<CourseSummaryDto>> {
    return this.catalogue.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CourseResponse })
  @ApiNotFoundResponse({ description: 'No such course, or not one you may see.' })
  get(@CurrentUser() user: AuthUser, @IdParam('course') id: string): Promise<CourseDto> {
    return this.catalogue.get(user, id);
  }

  @Roles(Role.Secretariat)
  @Post()
  @ApiCreatedResponse({ type: CourseResponse, description: 'A new draft course.' })
  @ApiForbiddenResponse({ description: 'Only the secretariat authors courses.' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCourseBody): Promise<CourseDto> {
    return this.authoring.createCourse(user, body);
  }

  @Roles(Role.Secretariat)
  @Patch(':id')
  @ApiOkResponse({ type: CourseResponse })
  @ApiForbiddenResponse({ description: 'Only the secretariat authors courses.' })
  @ApiNotFoundResponse({ description: 'No such course.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('course') id: string,
    @Body() body: UpdateCourseBody,
  ): Promise<CourseDto> {
    return this.authoring.updateCourse(user, id, body);
  }

  @Roles(Role.Secretariat)
  @Post(':id/modules')
  @ApiCreatedResponse({ type: CourseModuleResponse, description: 'A new draft module, last.' })
  @ApiNotFoundResponse({ description: 'No such course.' })
  createModule(
    @CurrentUser() user: AuthUser,
    @IdParam('course') id: string,
    @Body() body: CreateModuleBody,
  ): Promise<CourseModuleDto> {
    return this.authoring.createModule(user, id, body);
  }

  @Roles(Role.Secretariat)
  @Put(':id/modules/order')
  @ApiOkResponse({ type: CourseResponse })
  @ApiBadRequestResponse({ description: 'ids does not name every module exactly once.' })
  reorderModules(
    @CurrentUser() user: AuthUser,
    @IdParam('course') id: string,
    @Body() body: ReorderBody,
  ): Promise<CourseDto> {
    return this.authoring.reorderModules(user, id, body.ids);
  }

  @Roles(Role.Secretariat)
  @Post(':id/access')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The people may now take the course (once published).' })
  @ApiBadRequestResponse({ description: 'A person id names nobody.' })
  grantAccess(
    @CurrentUser() user: AuthUser,
    @IdParam('course') id: string,
    @Body() body: GrantAccessBody,
  ): Promise<void> {
    return this.authoring.grantAccess(user, id, body.userIds);
  }

  @Roles(Role.Secretariat)
  @Delete(':id/access/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The invitation to the course is withdrawn.' })
  revokeAccess(
    @CurrentUser() user: AuthUser,
    @IdParam('course') id: string,
    @IdParam('person', 'userId') userId: string,
  ): Promise<void> {
    return this.authoring.revokeAccess(user, id, userId);
  }
}
