import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Role, type LessonDto } from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import { AuthoringService, type UploadedResource } from './authoring.service';
import { CatalogueService } from './catalogue.service';
import { LessonResponse, ResourceUploadBody, UpdateLessonBody } from './course.dto';
import { ResourceUploadInterceptor } from './resource-upload.interceptor';

@ApiTags('courses')
@ApiCookieAuth()
@Controller('lessons')
export class LessonsController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly authoring: AuthoringService,
  ) {}

  @Get(':id')
  @ApiOkResponse({
    type: LessonResponse,
    description: 'The lesson with your progress; opening a text lesson completes it.',
  })
  @ApiNotFoundResponse({ description: 'No such lesson, or not one you may see.' })
  get(@CurrentUser() user: AuthUser, @IdParam('lesson') id: string): Promise<LessonDto> {
    return this.catalogue.lesson(user, id);
  }

  @Get(':id/resource')
  @ApiOkResponse({
    description: 'The file, as an attachment; completes the lesson for you.',
    content: binaryContent(
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ),
  })
  @ApiNotFoundResponse({ description: 'No such lesson or file, or not one you may see.' })
  async resource(
    @CurrentUser() user: AuthUser,
    @IdParam('lesson') id: string,
  ): Promise<StreamableFile> {
    return (await this.catalogue.resource(user, id)).file;
  }

  @Roles(Role.Secretariat)
  @Patch(':id')
  @ApiOkResponse({ type: LessonResponse, description: 'Text bodies are sanitised.' })
  @ApiForbiddenResponse({ description: 'Only the secretariat authors courses.' })
  @ApiNotFoundResponse({ description: 'No such lesson.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('lesson') id: string,
    @Body() body: UpdateLessonBody,
  ): Promise<LessonDto> {
    return this.authoring.updateLesson(user, id, body);
  }

  @Roles(Role.Secretariat)
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The lesson is gone; the others close up.' })
  remove(@CurrentUser() user: AuthUser, @IdParam('lesson') id: string): Promise<void> {
    return this.authoring.deleteLesson(user, id);
  }

  @Roles(Role.Secretariat)
  @Post(':id/resource')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(ResourceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ResourceUploadBody })
  @ApiOkResponse({ type: LessonResponse })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than the limit.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a PDF, DOCX or XLSX file.' })
  uploadResource(
    @CurrentUser() user: AuthUser,
    @IdParam('lesson') id: string,
    @UploadedFile() file: UploadedResource | undefined,
  ): Promise<LessonDto> {
    return this.authoring.uploadResource(user, id, file);
  }
}
