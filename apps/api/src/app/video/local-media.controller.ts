import { Controller, Get, Head, Headers, HttpStatus, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ErrorCode, Role } from '@blup/contracts';
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { AppException, notFound } from '../common/app-exception';
import { IdParam, OpaqueIdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import { LocalUploadService, type ChunkReceipt } from './local-upload.service';
import { ChunkReceiptResponse } from './video.responses';

/** The local video provider's upload and streaming ends (unused when Mux is configured). */
@ApiTags('video')
@Controller()
export class LocalMediaController {
  constructor(private readonly service: LocalUploadService) {}

  /** One chunk of a resumable upload: the raw bytes, with Content-Range. */
  @Put('video-uploads/:uploadId')
  @Roles(Role.Secretariat)
  @ApiCookieAuth()
  @ApiOkResponse({ type: ChunkReceiptResponse, description: 'How much has arrived.' })
  @ApiPayloadTooLargeResponse({ description: 'The file is too large.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a video.' })
  putChunk(
    @CurrentUser() user: AuthUser,
    @OpaqueIdParam('upload', 'uploadId') uploadId: string,
    @Headers('content-range') contentRange: string | undefined,
    @Req() req: Request,
  ): Promise<ChunkReceipt> {
    return this.service.receiveChunk(user, uploadId, contentRange, req);
  }

  /** Streams a ready local video from a signed URL (the playback endpoint hands it out). */
  @Get('media/videos/:lessonId')
  @Head('media/videos/:lessonId')
  @Public()
  @ApiOkResponse({ description: 'The whole video.', content: binaryContent('video/mp4') })
  @ApiResponse({
    status: HttpStatus.PARTIAL_CONTENT,
    description: 'The requested byte range (Content-Range).',
    content: binaryContent('video/mp4'),
  })
  @ApiResponse({
    status: HttpStatus.NOT_MODIFIED,
    description: 'The copy the client holds (If-None-Match / If-Modified-Since) is current.',
  })
  @ApiForbiddenResponse({ description: 'The signed URL has expired or was tampered with.' })
  @ApiResponse({ status: 416, description: 'The range is outside the video.' })
  async stream(
    @IdParam('lesson', 'lessonId') lessonId: string,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const video = await this.service.stream(lessonId, exp, sig);
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.setHeader('Content-Type', video.contentType);
    // Express's sendFile (the `send` package) answers Range, If-Range, ETag, Last-Modified,
    // If-None-Match (304) and HEAD; its errors come back here to answer in our own JSON.
    const error = await new Promise<SendError | undefined>((resolve) =>
      res.sendFile(video.path, { cacheControl: false, dotfiles: 'allow' }, resolve),
    );
    if (!error || res.headersSent) return;
    if (error.status === HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE) {
      // `Content-Range: bytes */size`, as RFC 9110 has it.
      const contentRange = error.headers?.['Content-Range'] ?? '';
      res.setHeader('Content-Range', contentRange);
      throw new AppException(
        HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
        ErrorCode.BadRequest,
        `The requested range is outside the video (${contentRange.split('/')[1]} bytes).`,
      );
    }
    if (error.status === HttpStatus.NOT_FOUND) {
      throw notFound('Video not found');
    }
    throw error;
  }
}

/** What sendFile hands its callback when it did not send the file (an http-errors error). */
interface SendError extends Error {
  status?: number;
  headers?: Record<string, string>;
}
