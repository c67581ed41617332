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
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { AppException } from '../common/app-exception';
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
  @ApiForbiddenResponse({ description: 'The signed URL has expired or was tampered with.' })
  @ApiResponse({ status: 416, description: 'The range is outside the video.' })
  async stream(
    @IdParam('lesson', 'lessonId') lessonId: string,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const video = await this.service.stream(lessonId, exp, sig, req.header('range'));
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'private, max-age=300');
    if (video.range === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${video.size}`);
      throw new AppException(
        HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
        ErrorCode.BadRequest,
        `The requested range is outside the video (${video.size} bytes).`,
      );
    }
    const { start, end } = video.range ?? { start: 0, end: video.size - 1 };
    res.status(video.range ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK);
    res.setHeader('Content-Type', video.contentType);
    res.setHeader('Content-Length', String(end - start + 1));
    if (video.range) res.setHeader('Content-Range', `bytes ${start}-${end}/${video.size}`);
    if (req.method === 'HEAD' || video.size === 0) {
      res.end();
      return;
    }
    await pipeline(createReadStream(video.path, { start, end }), res);
  }
}
