import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  DOCUMENT_KINDS,
  type DocumentChangeDto,
  type DocumentImageDto,
  type DocumentVersionDto,
  type Page,
  type PublicVillagePageDto,
  type VillageDocumentDto,
  type VillageDocumentsDto,
} from '@blup/contracts';
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import type { AuthedRequest } from '../auth/current-user.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { ApiPageResponse } from '../common/api-page';
import { attachmentHeader } from '../common/file-download';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import { ImageUploadInterceptor, type ImageUpload } from './image-upload.interceptor';
import {
  DocumentChangeResponse,
  DocumentImageResponse,
  DocumentPageQuery,
  DocumentVersionResponse,
  DocumentYearQuery,
  PublicVillagePageResponse,
  PublishBody,
  SaveDraftBody,
  VillageDocumentResponse,
  VillageDocumentsResponse,
} from './plans.dto';
import { PlansService, type DocumentKey } from './plans.service';
import { PublicPlansService } from './public-plans.service';

const NO_VILLAGE = 'No such village or kind, or not one you may see.';
const DOC = 'villages/:villageId/documents/:kind';
const KIND_PARAM = ApiParam({
  name: 'kind',
  enum: DOCUMENT_KINDS,
  description: 'plan, story and wheel are one per village; report is per year (?year=YYYY).',
});

@ApiTags('plans')
@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly publicPlans: PublicPlansService,
  ) {}

  @Get('villages/:villageId/documents')
  @ApiCookieAuth()
  @ApiOkResponse({ type: VillageDocumentsResponse, description: 'Where each document stands.' })
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  statuses(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
  ): Promise<VillageDocumentsDto> {
    return this.plans.statuses(user, villageId);
  }

  @Get(DOC)
  @ApiCookieAuth()
  @KIND_PARAM
  @ApiOkResponse({ type: VillageDocumentResponse, description: 'The draft, revision 0 if new.' })
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  get(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Param('kind') kind: string,
    @Query() query: DocumentYearQuery,
  ): Promise<VillageDocumentDto<unknown>> {
    return this.plans.get(user, key(villageId, kind, query));
  }

  @Put(`${DOC}/draft`)
  @ApiCookieAuth()
  @KIND_PARAM
  @ApiOkResponse({ type: VillageDocumentResponse })
  @ApiBadRequestResponse({ description: 'The content does not fit the kind; details say where.' })
  @ApiForbiddenResponse({ description: 'Coordinators read; the steering group writes.' })
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  @ApiConflictResponse({
    description:
      'Someone saved since the revision you sent; nothing was saved. `current` holds theirs.',
  })
  saveDraft(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Param('kind') kind: string,
    @Query() query: DocumentYearQuery,
    @Body() body: SaveDraftBody,
  ): Promise<VillageDocumentDto<unknown>> {
    return this.plans.saveDraft(user, key(villageId, kind, query), body);
  }

  @Post(`${DOC}/publish`)
  @HttpCode(200)
  @ApiCookieAuth()
  @KIND_PARAM
  @ApiOkResponse({ type: VillageDocumentResponse, description: 'Published as a new version.' })
  @ApiBadRequestResponse({ description: 'Nothing saved yet, or the revision is missing.' })
  @ApiForbiddenResponse({ description: 'Only the coordination group and the secretariat.' })
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  @ApiConflictResponse({ description: 'The draft changed since the revision you read.' })
  publish(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Param('kind') kind: string,
    @Query() query: DocumentYearQuery,
    @Body() body: PublishBody,
  ): Promise<VillageDocumentDto<unknown>> {
    return this.plans.publish(user, key(villageId, kind, query), body);
  }

  @Post(`${DOC}/unpublish`)
  @HttpCode(200)
  @ApiCookieAuth()
  @KIND_PARAM
  @ApiOkResponse({ type: VillageDocumentResponse, description: 'Off the public page.' })
  @ApiForbiddenResponse({ description: 'Only the coordination group and the secretariat.' })
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  unpublish(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Param('kind') kind: string,
    @Query() query: DocumentYearQuery,
  ): Promise<VillageDocumentDto<unknown>> {
    return this.plans.unpublish(user, key(villageId, kind, query));
  }

  @Get(`${DOC}/versions`)
  @ApiCookieAuth()
  @KIND_PARAM
  @ApiPageResponse(DocumentVersionResponse, 'Published versions, newest first.')
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  versions(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Param('kind') kind: string,
    @Query() query: DocumentPageQuery,
  ): Promise<Page<DocumentVersionDto<unknown>>> {
    return this.plans.versions(user, key(villageId, kind, query), query);
  }

  @Get(`${DOC}/versions/:version`)
  @ApiCookieAuth()
  @KIND_PARAM
  @ApiOkResponse({ type: DocumentVersionResponse })
  @ApiNotFoundResponse({ description: 'No such version, or not one you may see.' })
  version(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Param('kind') kind: string,
    @Param('version', ParseIntPipe) version: number,
    @Query() query: DocumentYearQuery,
  ): Promise<DocumentVersionDto<unknown>> {
    return this.plans.version(user, key(villageId, kind, query), version);
  }

  @Get(`${DOC}/history`)
  @ApiCookieAuth()
  @KIND_PARAM
  @ApiPageResponse(DocumentChangeResponse, 'Who changed what, newest first.')
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  history(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Param('kind') kind: string,
    @Query() query: DocumentPageQuery,
  ): Promise<Page<DocumentChangeDto>> {
    return this.plans.history(user, key(villageId, kind, query), query);
  }

  @Post(`${DOC}/images`)
  @ApiCookieAuth()
  @KIND_PARAM
  @UseInterceptors(ImageUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['image'],
      properties: { image: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: DocumentImageResponse })
  @ApiBadRequestResponse({ description: 'Not a JPEG, PNG or WebP image by its content.' })
  @ApiPayloadTooLargeResponse({ description: 'Over 10 MB.' })
  @ApiForbiddenResponse({ description: 'Coordinators read; the steering group writes.' })
  @ApiNotFoundResponse({ description: NO_VILLAGE })
  uploadImage(
    @CurrentUser() user: AuthUser,
    @IdParam('village', 'villageId') villageId: string,
    @Param('kind') kind: string,
    @Query() query: DocumentYearQuery,
    @Req() req: Request & { file?: ImageUpload },
  ): Promise<DocumentImageDto> {
    return this.plans.uploadImage(user, key(villageId, kind, query), req.file);
  }

  @Public()
  @Get('document-images/:id')
  @ApiOkResponse({
    description: 'A document’s image: public once its published version shows it.',
    content: binaryContent('image/jpeg'),
  })
  @ApiNotFoundResponse({ description: 'No such image, or not one you may see.' })
  async image(
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @IdParam('image') id: string,
  ): Promise<StreamableFile> {
    const image = await this.plans.image(req.user ?? null, id);
    res.setHeader('Cache-Control', image.isPublic ? 'public, max-age=300' : 'private, no-cache');
    return new StreamableFile(image.data, { type: image.mime, length: image.data.length });
  }

  @Public()
  @Get('public/villages/:slug')
  @ApiOkResponse({ type: PublicVillagePageResponse })
  @ApiNotFoundResponse({ description: 'Nothing published at this address.' })
  publicPage(@Param('slug') slug: string): Promise<PublicVillagePageDto> {
    return this.publicPlans.page(slug);
  }

  @Public()
  @Get('public/villages/:slug/plan.pdf')
  @ApiOkResponse({
    description: 'The published plan as A4.',
    content: binaryContent('application/pdf'),
  })
  @ApiNotFoundResponse({ description: 'No published plan at this address.' })
  async publicPdf(@Param('slug') slug: string): Promise<StreamableFile> {
    const { pdf, fileName } = await this.publicPlans.pdf(slug);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      length: pdf.length,
      disposition: attachmentHeader(fileName),
    });
  }
}

function key(villageId: string, kind: string, query: { year?: number }): DocumentKey {
  return { villageId, kind, year: query.year };
}
