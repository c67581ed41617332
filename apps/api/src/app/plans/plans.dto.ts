import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DocumentKind,
  GoalStatus,
  InitiativeStatus,
  type DocumentChangeDto,
  type DocumentImageDto,
  type DocumentStatusDto,
  type DocumentVersionDto,
  type PersonSummary,
  type InitiativeGoalRef,
  type PublicFocusAreaDto,
  type PublicGoalDto,
  type PublicInitiativeDto,
  type PublicVillagePageDto,
  type PublishedRef,
  type PublishRequest,
  type SaveDraftRequest,
  type VillageDocumentDto,
  type VillageDocumentsDto,
} from '@blup/contracts';
import { IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto, WholeNumberParam } from '../common/pagination';
import { PersonSummaryResponse } from '../common/person-summary';

const REVISION = 'revision must be the revision you opened, a whole number from 0';

const CONTENT_DESCRIPTION =
  'Per kind. plan: { sections: [{ id, title, text }] }. story: { html } (sanitised on save). ' +
  'wheel: { activities: [{ id, title, who, months, day, frequency, startTime, endTime, place, note }] }. ' +
  'report: { sections: [{ id, title, text, generated }] }.';

export class DocumentYearQuery {
  @ApiPropertyOptional({
    minimum: 2000,
    maximum: 2100,
    description: 'For the yearly kinds (the annual report) only.',
  })
  @IsOptional()
  @WholeNumberParam()
  @Max(2100, { message: 'year must be a year from 2000 to 2100' })
  @Min(2000, { message: 'year must be a year from 2000 to 2100' })
  @IsInt({ message: 'year must be a year from 2000 to 2100' })
  year?: number;
}

const YEAR = 'year must be a year from 2000 to 2100';

/** A page of a document's versions or history; the year for the yearly kinds. */
export class DocumentPageQuery extends PageQueryDto {
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100, description: 'For the yearly kinds only.' })
  @IsOptional()
  @WholeNumberParam()
  @Max(2100, { message: YEAR })
  @Min(2000, { message: YEAR })
  @IsInt({ message: YEAR })
  year?: number;
}

export class SaveDraftBody implements SaveDraftRequest<object> {
  @ApiProperty({ type: Object, description: CONTENT_DESCRIPTION })
  @IsObject({ message: 'content must be an object: the document as its kind holds it' })
  content: object;

  @ApiProperty({ minimum: 0, description: 'The revision the change was made from (0 if new).' })
  @Min(0, { message: REVISION })
  @IsInt({ message: REVISION })
  revision: number;
}

export class PublishBody implements PublishRequest {
  @ApiProperty({ minimum: 1, description: 'The draft revision you read and mean to publish.' })
  @Min(1, { message: 'revision must be the saved draft you read, a whole number from 1' })
  @IsInt({ message: 'revision must be the saved draft you read, a whole number from 1' })
  revision: number;
}

export class PublishedRefResponse implements PublishedRef {
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true }) publishedBy: PersonSummary | null;
}

export class VillageDocumentResponse implements VillageDocumentDto<object> {
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty({ example: 'Glumsø og Omegn' }) villageName: string;
  @ApiProperty({ enum: DocumentKind, enumName: 'DocumentKind' }) kind: DocumentKind;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
  @ApiProperty({ type: Object, description: CONTENT_DESCRIPTION }) content: object;
  @ApiProperty({ description: 'Send it back with a save (409 when someone saved since).' })
  revision: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true }) updatedBy: PersonSummary | null;
  @ApiProperty({ type: PublishedRefResponse, nullable: true }) published: PublishedRef | null;
  @ApiProperty() changedSincePublished: boolean;
  @ApiProperty({ type: String, nullable: true, example: '/landsby/glumsoe-og-omegn' })
  publicPath: string | null;
  @ApiProperty() canEdit: boolean;
  @ApiProperty() canPublish: boolean;
}

export class DocumentStatusResponse implements DocumentStatusDto {
  @ApiProperty({ enum: DocumentKind, enumName: 'DocumentKind' }) kind: DocumentKind;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
  @ApiProperty() revision: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ type: PublishedRefResponse, nullable: true }) published: PublishedRef | null;
}

export class VillageDocumentsResponse implements VillageDocumentsDto {
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty({ type: String, nullable: true }) publicPath: string | null;
  @ApiProperty({ type: [DocumentStatusResponse] }) documents: DocumentStatusDto[];
}

export class DocumentVersionResponse implements DocumentVersionDto<object> {
  @ApiProperty() version: number;
  @ApiProperty({ type: Object }) content: object;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true }) publishedBy: PersonSummary | null;
  @ApiProperty() revision: number;
}

export class DocumentChangeResponse implements DocumentChangeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() revision: number;
  @ApiProperty({ example: 'Afsnittet »Trafik« ændret' }) summary: string;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true }) changedBy: PersonSummary | null;
}

export class DocumentImageResponse implements DocumentImageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '/api/document-images/3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b' })
  url: string;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty() bytes: number;
}

export class PublicGoalResponse implements PublicGoalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() why: string;
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty() owner: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) horizon: string | null;
  @ApiProperty() indicator: string;
  @ApiProperty({ type: Number, nullable: true }) baseline: number | null;
  @ApiProperty({ type: Number, nullable: true }) targetValue: number | null;
  @ApiProperty({ type: Number, nullable: true }) currentValue: number | null;
  @ApiProperty({ enum: GoalStatus, enumName: 'GoalStatus' }) status: GoalStatus;
}

export class PublicInitiativeGoalResponse implements InitiativeGoalRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class PublicInitiativeResponse implements PublicInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: InitiativeStatus, enumName: 'InitiativeStatus' }) status: InitiativeStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ type: String, nullable: true }) milestoneWhat: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) milestoneDate: string | null;
  @ApiProperty({ type: [PublicInitiativeGoalResponse] }) goals: InitiativeGoalRef[];
}

export class PublicFocusAreaResponse implements PublicFocusAreaDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'sum(weight × progress) / sum(weight), one decimal; null without initiatives.',
  })
  progress: number | null;
  @ApiProperty() initiativeCount: number;
  @ApiProperty({ type: [PublicInitiativeResponse] }) initiatives: PublicInitiativeDto[];
}

export class PublicVersionResponse {
  @ApiProperty() version: number;
  @ApiProperty({ type: Object }) content: object;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: Object, nullable: true, description: 'Always null on the public page.' })
  publishedBy: null;
  @ApiProperty() revision: number;
}

export class PublicVillagePageResponse implements Omit<PublicVillagePageDto, 'plan' | 'story'> {
  @ApiProperty({ example: 'glumsoe-og-omegn' }) slug: string;
  @ApiProperty() villageName: string;
  @ApiProperty() municipalityName: string;
  @ApiProperty({ type: PublicVersionResponse, nullable: true }) plan: PublicVersionResponse | null;
  @ApiProperty({ type: [PublicGoalResponse] }) goals: PublicGoalDto[];
  @ApiProperty() goalCount: number;
  @ApiProperty({
    type: [PublicFocusAreaResponse],
    description: 'Focus areas with their initiatives; never a person.',
  })
  focusAreas: PublicFocusAreaDto[];
  @ApiProperty({ type: PublicVersionResponse, nullable: true }) story: PublicVersionResponse | null;
  @ApiProperty({ type: String, nullable: true }) pdfUrl: string | null;
}
