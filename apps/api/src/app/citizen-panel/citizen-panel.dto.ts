import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMAIL_MAX_LENGTH,
  LOCALES,
  NAME_MAX_LENGTH,
  PANEL_SUBSCRIBER_STATUSES,
  type Locale,
  type PanelConfirmRequest,
  type PanelConfirmResponse,
  type PanelCounts,
  type PanelImportReason,
  type PanelImportRequest,
  type PanelImportResult,
  type PanelImportRowReport,
  type PanelPreferencesDto,
  type PanelPreferencesRequest,
  type PanelSignUpRequest,
  type PanelSignUpResponse,
  type PanelSubscriberDto,
  type PanelSubscriberSource,
  type PanelSubscriberStatus,
  type PanelVillageDto,
  type UnsubscribeResponse,
} from '@blup/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import {
  MailAddressField,
  MaxCharacters,
  NoControlCharacters,
  TextField,
} from '../common/text-fields';

const CONFIRM_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** `s.<uuid>.<signature>` or `u.<uuid>.<signature>`; checked for real by readUnsubscribeToken. */
const UNSUBSCRIBE_TOKEN = /^[su]\.[0-9a-fA-F-]{36}\.[A-Za-z0-9_-]{20,100}$/;

function UnsubscribeTokenField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description: 'The token from the unsubscribe link in a newsletter' }),
    IsString({ message: 'token must be text' }),
    Matches(UNSUBSCRIBE_TOKEN, {
      message:
        'token is not a complete link token: open the link in the mail again, or copy all of it',
    }),
  );
}

/** "true" from a multipart form is true; everything else is checked as it came. */
const BooleanFromForm = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

// ---- requests ---------------------------------------------------------------------------------

export class PanelSignUpBody implements PanelSignUpRequest {
  @ApiProperty({ example: 'anna@example.dk', maxLength: EMAIL_MAX_LENGTH })
  @MailAddressField('email', EMAIL_MAX_LENGTH)
  email: string;

  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @IsOptional()
  @TextField('name', NAME_MAX_LENGTH, { allowEmpty: true })
  name?: string;

  @ApiProperty({ description: 'Must be true: the consent box was ticked.' })
  @IsBoolean({ message: 'consent must be true or false' })
  consent: boolean;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` })
  locale?: Locale;
}

export class PanelConfirmBody implements PanelConfirmRequest {
  @ApiProperty({ description: 'The token from the confirmation link in the mail' })
  @IsString({ message: 'token must be text' })
  @Matches(CONFIRM_TOKEN, {
    message:
      'token is not a complete link token: open the link in the mail again, or copy all of it',
  })
  token: string;
}

export class PanelPreferencesQuery {
  @UnsubscribeTokenField()
  token: string;
}

export class PanelPreferencesBody implements PanelPreferencesRequest {
  @UnsubscribeTokenField()
  token: string;

  @ApiProperty()
  @IsBoolean({ message: 'subscribed must be true or false' })
  subscribed: boolean;
}

export class PanelSubscribersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PANEL_SUBSCRIBER_STATUSES })
  @IsOptional()
  @IsIn(PANEL_SUBSCRIBER_STATUSES, {
    message: `status must be one of ${PANEL_SUBSCRIBER_STATUSES.join(', ')}`,
  })
  status?: PanelSubscriberStatus;
}

/** JSON `{ csv, attestation, attestationText? }`, or the same as multipart fields with `file`. */
export class PanelImportBody implements Partial<PanelImportRequest> {
  @ApiPropertyOptional({ description: 'The CSV text (or send it as the multipart field `file`)' })
  @ValidateIf((_, v) => v !== undefined)
  @IsString({ message: 'csv must be text' })
  @MaxLength(2_000_000, { message: 'csv can be at most 2,000,000 characters' })
  csv?: string;

  @ApiProperty({ description: 'Must be true: everyone on the list agreed to join.' })
  @BooleanFromForm()
  @IsBoolean({ message: 'attestation must be true or false' })
  attestation: boolean;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @MaxCharacters('attestationText', 1000)
  @NoControlCharacters('attestationText', true)
  @IsString({ message: 'attestationText must be text' })
  attestationText?: string;
}

// ---- responses --------------------------------------------------------------------------------

export class PanelVillageResponse implements PanelVillageDto {
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty() villageName: string;
  @ApiProperty() municipalityName: string;
  @ApiProperty({ example: { da: '…', en: '…' } }) consentText: Record<Locale, string>;
  @ApiProperty({ example: '2026-11' }) consentTextVersion: string;
}

export class PanelSignUpResponseBody implements PanelSignUpResponse {
  @ApiProperty({ enum: ['check_mail'] }) status: 'check_mail';
}

export class PanelConfirmResponseBody implements PanelConfirmResponse {
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty() villageName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: PANEL_SUBSCRIBER_STATUSES }) status: PanelSubscriberStatus;
  @ApiProperty({ description: 'The token for the preferences page' }) preferencesToken: string;
}

export class PanelPreferencesResponse implements PanelPreferencesDto {
  @ApiProperty({ enum: ['subscriber', 'user'] }) kind: 'subscriber' | 'user';
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) villageName: string | null;
  @ApiProperty() subscribed: boolean;
}

export class UnsubscribeResponseBody implements UnsubscribeResponse {
  @ApiProperty({ enum: [true] }) unsubscribed: true;
}

export class PanelSubscriberResponse implements PanelSubscriberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PANEL_SUBSCRIBER_STATUSES }) status: PanelSubscriberStatus;
  @ApiProperty({ enum: ['signup', 'import'] }) source: PanelSubscriberSource;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) unsubscribedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PanelCountsResponse implements PanelCounts {
  @ApiProperty() pending: number;
  @ApiProperty() subscribed: number;
  @ApiProperty() unsubscribed: number;
}

export class PanelImportRowResponse implements PanelImportRowReport {
  @ApiProperty() row: number;
  @ApiProperty() value: string;
  @ApiProperty({
    enum: ['invalid_email', 'name_too_long', 'too_many_columns', 'skipped_unsubscribed'],
  })
  reason: PanelImportReason;
}

export class PanelImportResultResponse implements PanelImportResult {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() added: number;
  @ApiProperty() merged: number;
  @ApiProperty() invalid: number;
  @ApiProperty() skipped: number;
  @ApiProperty({ type: [PanelImportRowResponse] }) report: PanelImportRowReport[];
}
