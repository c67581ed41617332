import { ApiProperty } from '@nestjs/swagger';
import {
  type Locale,
  VideoStatus,
  type CaptionTrackDto,
  type PlaybackDto,
  type VideoProviderName,
  type VideoUploadDto,
} from '@blup/contracts';
import type { ChunkReceipt } from './local-upload.service';

/** The answers of the video routes, as VideoService and LocalUploadService build them. */
const PROVIDERS: VideoProviderName[] = ['mux', 'local'];

export class VideoUploadResponse implements VideoUploadDto {
  @ApiProperty({ enum: PROVIDERS }) provider: VideoProviderName;
  @ApiProperty() uploadId: string;
  @ApiProperty({ description: 'Where to PUT the chunks, with Content-Range.' }) url: string;
}

export class CaptionTrackResponse implements CaptionTrackDto {
  @ApiProperty({ enum: ['da', 'en'] }) language: Locale;
  @ApiProperty() label: string;
  @ApiProperty() url: string;
}

export class PlaybackResponse implements PlaybackDto {
  @ApiProperty({ enum: PROVIDERS }) provider: VideoProviderName;
  @ApiProperty({ type: String, nullable: true, description: 'Mux only.' }) playbackId:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Mux only.' }) token: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Mux only.' }) thumbnailToken:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Local: a signed streaming URL.' })
  src: string | null;
  @ApiProperty({ type: String, nullable: true }) posterUrl: string | null;
  @ApiProperty({ type: [CaptionTrackResponse] }) captions: CaptionTrackDto[];
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class ChunkReceiptResponse implements ChunkReceipt {
  @ApiProperty({ type: 'integer', description: 'Bytes received so far: where the next starts.' })
  received: number;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ enum: VideoStatus, enumName: 'VideoStatus' }) status: VideoStatus;
}
