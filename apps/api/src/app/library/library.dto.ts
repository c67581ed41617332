import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LIBRARY_DOCUMENT_KINDS,
  LIBRARY_LIMITS,
  LibraryDocumentKind,
  LibraryLinkTarget,
  PHASES,
  Phase,
  type CreateLibraryDocumentInput,
  type LibraryDocumentDetailDto,
  type LibraryDocumentDto,
  type LibraryLinkDto,
  type LibrarySearchQuery,
  type LibraryVersionDto,
  type LibraryVersionInput,
  type UpdateLibraryDocumentInput,
} from '@blup/contracts';
import { IsIn } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { Optional, TextField } from '../common/text-fields';

const L = LIBRARY_LIMITS;
const PHASE_MESSAGE = `phase must be one of ${PHASES.join(', ')}`;
const KIND_MESSAGE = `kind must be one of ${LIBRARY_DOCUMENT_KINDS.join(', ')}`;

export class LibrarySearchQueryDto extends PageQueryDto implements LibrarySearchQuery {
  @ApiPropertyOptional({ enum: Phase, enumName: 'Phase', description: 'Only this phase.' })
  @Optional()
  @IsIn(PHASES, { message: PHASE_MESSAGE })
  phase?: Phase;
}

/** The text fields of a new document's form; the file goes in `file`. */
export class CreateLibraryDocumentBody implements CreateLibraryDocumentInput {
  @ApiProperty({ enum: Phase, enumName: 'Phase' })
  @IsIn(PHASES, { message: PHASE_MESSAGE })
  phase: Phase;

  @ApiProperty({ enum: LibraryDocumentKind, enumName: 'LibraryDocumentKind' })
  @IsIn(LIBRARY_DOCUMENT_KINDS, { message: KIND_MESSAGE })
  kind: LibraryDocumentKind;

  @ApiProperty({ maxLength: L.titleMaxLength, example: 'Guide til fremtidsværkstedet' })
  @TextField('title', L.titleMaxLength)
  title: string;

  @ApiPropertyOptional({ maxLength: L.descriptionMaxLength })
  @Optional()
  @TextField('description', L.descriptionMaxLength, { allowEmpty: true, multiline: true })
  description?: string;
}

/** A new version's form: the file in `file`, what changed in `note`. */
export class LibraryVersionBody implements LibraryVersionInput {
  @ApiPropertyOptional({ maxLength: L.versionNoteMaxLength, description: 'What changed.' })
  @Optional()
  @TextField('note', L.versionNoteMaxLength, { allowEmpty: true, multiline: true })
  note?: string;
}

const FILE_DOC = {
  type: 'string',
  format: 'binary',
  description: 'A .docx, .pdf, .pptx or .xlsx file.',
} as const;

/** The OpenAPI schema of the new-document form: the fields and the file (never validated as body). */
export class CreateLibraryDocumentForm extends CreateLibraryDocumentBody {
  @ApiProperty(FILE_DOC)
  file: unknown;
}

/** The OpenAPI schema of the new-version form. */
export class LibraryVersionForm extends LibraryVersionBody {
  @ApiProperty(FILE_DOC)
  file: unknown;
}

export class UpdateLibraryDocumentBody implements UpdateLibraryDocumentInput {
  @ApiPropertyOptional({ enum: Phase, enumName: 'Phase' })
  @Optional()
  @IsIn(PHASES, { message: PHASE_MESSAGE })
  phase?: Phase;

  @ApiPropertyOptional({ enum: LibraryDocumentKind, enumName: 'LibraryDocumentKind' })
  @Optional()
  @IsIn(LIBRARY_DOCUMENT_KINDS, { message: KIND_MESSAGE })
  kind?: LibraryDocumentKind;

  @ApiPropertyOptional({ maxLength: L.titleMaxLength })
  @Optional()
  @TextField('title', L.titleMaxLength)
  title?: string;

  @ApiPropertyOptional({ maxLength: L.descriptionMaxLength })
  @Optional()
  @TextField('description', L.descriptionMaxLength, { allowEmpty: true, multiline: true })
  description?: string;
}

export class LibraryDocumentResponse implements LibraryDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: Phase, enumName: 'Phase' }) phase: Phase;
  @ApiProperty({ enum: LibraryDocumentKind, enumName: 'LibraryDocumentKind' })
  kind: LibraryDocumentKind;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'Guide til fremtidsværkstedet.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType: string;
  @ApiProperty({ type: 'integer' }) sizeBytes: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) currentVersion: number;
  @ApiProperty({ format: 'uuid' }) currentVersionId: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class LibraryVersionResponse implements LibraryVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) number: number;
  @ApiProperty() fileName: string;
  @ApiProperty() mediaType: string;
  @ApiProperty({ type: 'integer' }) sizeBytes: number;
  @ApiProperty() note: string;
  @ApiProperty({ type: 'string', nullable: true }) uploadedByName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class LibraryLinkResponse implements LibraryLinkDto {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ enum: LibraryLinkTarget, enumName: 'LibraryLinkTarget' })
  target: LibraryLinkTarget;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class LibraryDocumentDetailResponse
  extends LibraryDocumentResponse
  implements LibraryDocumentDetailDto
{
  @ApiProperty({ type: [LibraryVersionResponse], description: 'Newest first.' })
  versions: LibraryVersionResponse[];
  @ApiProperty({ type: [LibraryLinkResponse] }) links: LibraryLinkResponse[];
}
