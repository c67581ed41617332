import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiConflictResponse,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Role, type CaptionTrackDto, type PlaybackDto, type VideoUploadDto } from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdParam } from '../common/id-param';
import { MAX_CAPTION_BYTES } from './video.constants';
import { binaryContent } from '../common/openapi';
import { CaptionTrackResponse, PlaybackResponse, VideoUploadResponse } from './video.responses';
import { VideoService, type UploadedCaptionFile } from './video.service';

@ApiTags('video')
@ApiCookieAuth()
@Controller('lessons')
export class VideoController {
  constructor(private readonly service: VideoService) {}

  /** A direct upload for the lesson's video; the browser PUTs the file there in chunks. */
  @Post(':id/video-upload')
  @Roles(Role.Secretariat)
  @ApiCreatedResponse({
    type: VideoUploadResponse,
    description: 'Where to PUT the file, in chunks.',
  })
  createUpload(
    @CurrentUser() user: AuthUser,
    @IdParam('lesson') id: string,
  ): Promise<VideoUploadDto> {
    return this.service.createUpload(user, id);
  }

  /** Short-lived playback of a ready video, for people who may see the lesson. */
  @Get(':id/playback')
  @ApiOkResponse({ type: PlaybackResponse, description: 'Short-lived playback tokens or URL.' })
  @ApiConflictResponse({ description: 'The video is not ready yet.' })
  playback(@CurrentUser() user: AuthUser, @IdParam('lesson') id: string): Promise<PlaybackDto> {
    return this.service.playback(user, id);
  }

  /** A WebVTT caption track (multipart field "file"); language da (default) or en. */
  @Post(':id/captions')
  @Roles(Role.Secretariat)
  @ApiConsumes('multipart/form-data')
  @ApiCreatedResponse({ type: [CaptionTrackResponse], description: 'The lesson’s caption tracks.' })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_CAPTION_BYTES, files: 1 } }))
  uploadCaptions(
    @CurrentUser() user: AuthUser,
    @IdParam('lesson') id: string,
    @UploadedFile() file: UploadedCaptionFile | undefined,
    @Query('language') queryLanguage?: string,
    @Body('language') bodyLanguage?: string,
  ): Promise<CaptionTrackDto[]> {
    return this.service.uploadCaptions(user, id, queryLanguage ?? bodyLanguage, file);
  }

  @Get(':id/captions/:language')
  @ApiOkResponse({ description: 'The WebVTT file.', content: binaryContent('text/vtt') })
  async caption(
    @CurrentUser() user: AuthUser,
    @IdParam('lesson') id: string,
    @Param('language') language: string,
  ): Promise<StreamableFile> {
    return this.service.caption(user, id, language);
  }
}
