import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
  type PipeTransform,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorCode,
  LIBRARY_FILE_TYPES,
  LIBRARY_LINK_TARGETS,
  LibraryLinkTarget,
  Role,
  type LibraryDocumentDetailDto,
  type LibraryDocumentDto,
  type LibraryLinkDto,
  type Page,
} from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiPageResponse } from '../common/api-page';
import { ApiCreate, ApiDelete, type WriteRefusals } from '../common/api-writes';
import { AppException } from '../common/app-exception';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import { PageQueryDto } from '../common/pagination';
import type { MemoryUpload } from '../common/upload-interceptor';
import {
  CreateLibraryDocumentBody,
  CreateLibraryDocumentForm,
  LibraryDocumentDetailResponse,
  LibraryDocumentResponse,
  LibraryLinkResponse,
  LibrarySearchQueryDto,
  LibraryVersionBody,
  LibraryVersionForm,
  UpdateLibraryDocumentBody,
} from './library.dto';
import { LibraryUploadInterceptor } from './library-upload.interceptor';
import { LibraryService } from './library.service';

const HIDDEN = 'No such document.';
const WRITE: WriteRefusals = {
  readOnly: 'Everyone reads the library; only the secretariat changes it.',
  notFound: HIDDEN,
};
const BAD_FILE =
  'library_file_invalid: not a .docx, .pdf, .pptx or .xlsx file by its content; or a field is invalid.';
const TOO_LARGE = 'library_file_too_large: the file is over the limit (LIBRARY_MAX_MB).';

/** `session`, `lesson` or `newsletter` in the address; anything else is a 400. */
class LinkTargetPipe implements PipeTransform<unknown, LibraryLinkTarget> {
  transform(value: unknown): LibraryLinkTarget {
    if (typeof value === 'string' && (LIBRARY_LINK_TARGETS as readonly string[]).includes(value)) {
      return value as LibraryLinkTarget;
    }
    throw new AppException(
      HttpStatus.BAD_REQUEST,
      ErrorCode.BadRequest,
      `The link target must be one of ${LIBRARY_LINK_TARGETS.join(', ')}.`,
    );
  }
}

const TargetParam = (): ParameterDecorator => Param('target', new LinkTargetPipe());
const ApiTarget = (): MethodDecorator =>
  ApiParam({ name: 'target', enum: LibraryLinkTarget, enumName: 'LibraryLinkTarget' });

@ApiTags('library')
@ApiCookieAuth()
@Controller('library')
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Get('documents')
  @ApiPageResponse(
    LibraryDocumentResponse,
    'Templates and manuals; `q` searches title, description and file name in Danish, best match first.',
  )
  search(@Query() query: LibrarySearchQueryDto): Promise<Page<LibraryDocumentDto>> {
    return this.library.search(query);
  }

  @Roles(Role.Secretariat)
  @Post('documents')
  @UseInterceptors(LibraryUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CreateLibraryDocumentForm })
  @ApiCreate(LibraryDocumentDetailResponse, BAD_FILE, WRITE)
  @ApiPayloadTooLargeResponse({ description: TOO_LARGE })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateLibraryDocumentBody,
    @UploadedFile() file: MemoryUpload | undefined,
  ): Promise<LibraryDocumentDetailDto> {
    return this.library.create(user, body, file);
  }

  @Get('documents/:id')
  @ApiOkResponse({ type: LibraryDocumentDetailResponse })
  @ApiNotFoundResponse({ description: HIDDEN })
  get(@IdParam('document') id: string): Promise<LibraryDocumentDetailDto> {
    return this.library.get(id);
  }

  @Roles(Role.Secretariat)
  @Patch('documents/:id')
  @ApiOkResponse({ type: LibraryDocumentDetailResponse })
  @ApiNotFoundResponse({ description: HIDDEN })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('document') id: string,
    @Body() body: UpdateLibraryDocumentBody,
  ): Promise<LibraryDocumentDetailDto> {
    return this.library.update(user, id, body);
  }

  @Roles(Role.Secretariat)
  @Delete('documents/:id')
  @ApiDelete('Deleted, with every version and link.', WRITE)
  remove(@CurrentUser() user: AuthUser, @IdParam('document') id: string): Promise<void> {
    return this.library.delete(user, id);
  }

  @Roles(Role.Secretariat)
  @Post('documents/:id/versions')
  @UseInterceptors(LibraryUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: LibraryVersionForm })
  @ApiCreate(LibraryDocumentDetailResponse, BAD_FILE, WRITE)
  @ApiPayloadTooLargeResponse({ description: TOO_LARGE })
  addVersion(
    @CurrentUser() user: AuthUser,
    @IdParam('document') id: string,
    @Body() body: LibraryVersionBody,
    @UploadedFile() file: MemoryUpload | undefined,
  ): Promise<LibraryDocumentDetailDto> {
    return this.library.addVersion(user, id, body.note, file);
  }

  @Get('documents/:id/versions/:versionId/file')
  @ApiOkResponse({
    description: 'The version’s file, as an attachment with its name.',
    content: binaryContent(...Object.values(LIBRARY_FILE_TYPES)),
  })
  @ApiNotFoundResponse({ description: 'No such document or version.' })
  download(
    @IdParam('document') id: string,
    @IdParam('version', 'versionId') versionId: string,
  ): Promise<StreamableFile> {
    return this.library.download(id, versionId);
  }

  @Roles(Role.Secretariat)
  @Put('documents/:id/links/:target/:targetId')
  @HttpCode(HttpStatus.OK)
  @ApiTarget()
  @ApiOkResponse({ type: LibraryLinkResponse, description: 'Linked (again, if it was).' })
  @ApiNotFoundResponse({ description: HIDDEN })
  link(
    @CurrentUser() user: AuthUser,
    @IdParam('document') id: string,
    @TargetParam() target: LibraryLinkTarget,
    @IdParam('link target', 'targetId') targetId: string,
  ): Promise<LibraryLinkDto> {
    return this.library.link(user, id, target, targetId);
  }

  @Roles(Role.Secretariat)
  @Delete('documents/:id/links/:target/:targetId')
  @ApiTarget()
  @ApiDelete('The link is gone (or was never there).', WRITE)
  unlink(
    @CurrentUser() user: AuthUser,
    @IdParam('document') id: string,
    @TargetParam() target: LibraryLinkTarget,
    @IdParam('link target', 'targetId') targetId: string,
  ): Promise<void> {
    return this.library.unlink(user, id, target, targetId);
  }

  @Get('linked/:target/:targetId')
  @ApiTarget()
  @ApiPageResponse(
    LibraryDocumentResponse,
    'The documents linked from a session, lesson or newsletter, in the order linked.',
  )
  @ApiNotFoundResponse({
    description: 'No such session, lesson or newsletter, or not one you may read.',
  })
  linked(
    @CurrentUser() user: AuthUser,
    @TargetParam() target: LibraryLinkTarget,
    @IdParam('link target', 'targetId') targetId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<LibraryDocumentDto>> {
    return this.library.linkedTo(user, target, targetId, query);
  }
}
