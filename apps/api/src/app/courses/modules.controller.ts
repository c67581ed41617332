import { Body, Controller, Delete, HttpCode, HttpStatus, Patch, Post, Put } from '@nestjs/common';
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
import { Role, type CourseModuleDto, type LessonDto } from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../common/id-param';
import { AuthoringService } from './authoring.service';
import {
  CourseModuleResponse,
  CreateLessonBody,
  LessonResponse,
  ReorderBody,
  UpdateModuleBody,
} from './course.dto';

/** Authoring a course's modules (the secretariat). */
@ApiTags('courses')
@ApiCookieAuth()
@Roles(Role.Secretariat)
@ApiForbiddenResponse({ description: 'Only the secretariat authors courses.' })
@Controller('modules')
export class ModulesController {
  constructor(private readonly authoring: AuthoringService) {}

  @Patch(':id')
  @ApiOkResponse({ type: CourseModuleResponse })
  @ApiNotFoundResponse({ description: 'No such module.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('module') id: string,
    @Body() body: UpdateModuleBody,
  ): Promise<CourseModuleDto> {
    return this.authoring.updateModule(user, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The module and its lessons are gone.' })
  remove(@CurrentUser() user: AuthUser, @IdParam('module') id: string): Promise<void> {
    return this.authoring.deleteModule(user, id);
  }

  @Post(':id/lessons')
  @ApiCreatedResponse({ type: LessonResponse, description: 'A new draft lesson, last.' })
  @ApiNotFoundResponse({ description: 'No such module.' })
  createLesson(
    @CurrentUser() user: AuthUser,
    @IdParam('module') id: string,
    @Body() body: CreateLessonBody,
  ): Promise<LessonDto> {
    return this.authoring.createLesson(user, id, body);
  }

  @Put(':id/lessons/order')
  @ApiOkResponse({ type: CourseModuleResponse })
  @ApiBadRequestResponse({ description: 'ids does not name every lesson exactly once.' })
  reorderLessons(
    @CurrentUser() user: AuthUser,
    @IdParam('module') id: string,
    @Body() body: ReorderBody,
  ): Promise<CourseModuleDto> {
    return this.authoring.reorderLessons(user, id, body.ids);
  }
}
