import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  GenerateReportRequest,
  GenerateReportResultDto,
  PublicWheelDto,
  ReportContent,
  VillageDocumentDto,
  WheelContent,
} from '@blup/contracts';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { VillageDocumentResponse } from './plans.dto';

const REVISION = 'revision must be the revision you have open, a whole number from 0';

export class GenerateReportBody implements GenerateReportRequest {
  @ApiProperty({ minimum: 0, description: 'The revision you have open (0 for a new report).' })
  @Min(0, { message: REVISION })
  @IsInt({ message: REVISION })
  revision: number;

  @ApiPropertyOptional({
    description: 'Replace sections rewritten by hand too (default: they are kept).',
  })
  @IsOptional()
  @IsBoolean({ message: 'replaceEdited must be true or false' })
  replaceEdited?: boolean;
}

export class GenerateReportResultResponse implements GenerateReportResultDto {
  @ApiProperty({ type: VillageDocumentResponse })
  document: VillageDocumentDto<ReportContent>;
  @ApiProperty({ type: [String], description: 'Sections rewritten by hand that were kept.' })
  keptEdited: string[];
}

export class PublicWheelResponse implements PublicWheelDto {
  @ApiProperty({ example: 'glumsoe-og-omegn' }) slug: string;
  @ApiProperty() villageName: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({
    type: Object,
    description:
      '{ activities: [{ id, title, who, months, day, frequency, startTime, endTime, place, note }] }',
  })
  content: WheelContent;
  @ApiProperty({ example: '/api/public/villages/glumsoe-og-omegn/wheel.ics' }) icsUrl: string;
}
