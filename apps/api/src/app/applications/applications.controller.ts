import {
  Body,
  Controller,
  createParamDecorator,
  ExecutionContext,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
  Req,
  StreamableFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiConsumes,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  Role,
  type ApplicationStatus,
  type ApplicationDetailDto,
  type ApplicationFormOptionsDto,
  type ApplicationListResponse,
  type ApplicationReceiptDto,
  type ApplicationVillageOptionDto,
  type Page,
} from '@blup/contracts';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, type AuthedRequest } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { RetryAfterFilter } from '../auth/sign-in-rate-limiter';
import { IdParam } from '../common/id-param';
import { binaryContent } from '../common/openapi';
import { ApiPageResponse } from '../common/api-page';
import { AgreementUploadInterceptor, type AgreementUpload } from './agreement-upload.interceptor';
import {
  ApplicationListQueryDto,
  ApproveApplicationBody,
  ConfirmCooperationBody,
  CreateApplicationBody,
  RejectApplicationBody,
  UploadTokenQueryDto,
  VillageOptionsQueryDto,
  WithdrawApplicationBody,
} from './applications.dto';
import {
  ApplicationDetailResponse,
  ApplicationFormOptionsResponse,
  ApplicationListResponseBody,
  ApplicationReceiptResponse,
  ApplicationVillageOptionResponse,
  ApplicationWithdrawnResponse,
} from './applications.responses';
import { ApplicationAgreementsService } from './application-agreements.service';
import { ApplicationDecisionsService } from './application-decisions.service';
import { ApplicationIntakeService } from './application-intake.service';
import { ApplicationListsService } from './application-lists.service';

/** The signed-in person on a public route, or null. */
export const OptionalUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser | null =>
    ctx.switchToHttp().getRequest<AuthedRequest>().user ?? null,
);

type UploadRequest = AuthedRequest & { file?: AgreementUpload };

@ApiTags('applications')
@ApiCookieAuth()
@UseFilters(RetryAfterFilter)
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly intake: ApplicationIntakeService,
    private readonly agreements: ApplicationAgreementsService,
    private readonly lists: ApplicationListsService,
    private readonly decisions: ApplicationDecisionsService,
  ) {}

  @Public()
  @Get('form-options')
  @ApiOkResponse({
    type: ApplicationFormOptionsResponse,
    description: 'Open cohorts, municipalities and their villages, for the form.',
  })
  formOptions(): Promise<ApplicationFormOptionsDto> {
    return this.intake.formOptions();
  }

  @Public()
  @Get('form-options/villages')
  @ApiPageResponse(
    ApplicationVillageOptionResponse,
    "A page of a municipality's villages (search with q).",
  )
  villageOptions(
    @Query() query: VillageOptionsQueryDto,
  ): Promise<Page<ApplicationVillageOptionDto>> {
    return this.intake.villageOptions(query);
  }

  /**
   * JSON, or multipart/form-data with the JSON in the field `application` and the agreement in
   * the file field `agreement` (PDF, Word or image, at most 10 MB).
   */
  @Public()
  @Post()
  @UseInterceptors(AgreementUploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiCreatedResponse({
    type: ApplicationReceiptResponse,
    description: 'The receipt, with the checklist and an upload token.',
  })
  @ApiBadRequestResponse({
    description: 'Invalid input, a closed cohort, or a person who does not fit.',
  })
  @ApiConflictResponse({ description: 'A new village whose name is taken in the municipality.' })
  @ApiTooManyRequestsResponse({
    description: 'Too many applications from one network (Retry-After).',
  })
  create(
    @OptionalUser() user: AuthUser | null,
    @Body() body: CreateApplicationBody,
    @Req() req: UploadRequest,
  ): Promise<ApplicationReceiptDto> {
    return this.intake.create(user, body, req.file, req.ip ?? null);
  }

  @Public()
  @Put(':id/agreement')
  @UseInterceptors(AgreementUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiOkResponse({
    type: ApplicationReceiptResponse,
    description: 'The agreement is stored (replacing an earlier one).',
  })
  @ApiForbiddenResponse({ description: 'Neither the secretariat nor the upload token.' })
  uploadAgreement(
    @OptionalUser() user: AuthUser | null,
    @IdParam('application') id: string,
    @Query() query: UploadTokenQueryDto,
    @Req() req: UploadRequest,
  ): Promise<ApplicationReceiptDto> {
    return this.agreements.upload(user, id, query.token, req.file);
  }

  @Public()
  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({
    type: ApplicationWithdrawnResponse,
    description: 'Withdrawn (the applicant with the receipt token, or the secretariat).',
  })
  @ApiConflictResponse({ description: 'application_decided.' })
  withdraw(
    @OptionalUser() user: AuthUser | null,
    @IdParam('application') id: string,
    @Query() query: UploadTokenQueryDto,
    @Body() body: WithdrawApplicationBody,
  ): Promise<{ id: string; status: ApplicationStatus }> {
    return this.intake.withdraw(user, id, query.token, body.note);
  }

  @Roles(Role.Secretariat, Role.Coordinator)
  @Get()
  @ApiOkResponse({
    type: ApplicationListResponseBody,
    description: 'A page of applications with their checklist, and counts per status.',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ApplicationListQueryDto,
  ): Promise<ApplicationListResponse> {
    return this.lists.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({
    type: ApplicationDetailResponse,
    description: 'The application with its people, checklist and decision.',
  })
  @ApiNotFoundResponse({ description: 'No such application, or not one you may see.' })
  get(
    @CurrentUser() user: AuthUser,
    @IdParam('application') id: string,
  ): Promise<ApplicationDetailDto> {
    return this.lists.get(user, id);
  }

  @Get(':id/agreement')
  @ApiOkResponse({
    description: 'The uploaded agreement, as an attachment (PDF, Word or image).',
    content: binaryContent('application/octet-stream'),
  })
  agreement(
    @CurrentUser() user: AuthUser,
    @IdParam('application') id: string,
  ): Promise<StreamableFile> {
    return this.agreements.download(user, id);
  }

  @Post(':id/cooperation')
  @HttpCode(200)
  @ApiOkResponse({
    type: ApplicationDetailResponse,
    description: 'The secretariat confirms (or takes back) the cooperation culture.',
  })
  confirmCooperation(
    @CurrentUser() user: AuthUser,
    @IdParam('application') id: string,
    @Body() body: ConfirmCooperationBody,
  ): Promise<ApplicationDetailDto> {
    return this.decisions.confirmCooperation(user, id, body.confirmed);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({
    type: ApplicationDetailResponse,
    description: 'Placed in the cohort, coordination group invited, contact told.',
  })
  @ApiBadRequestResponse({ description: 'requirements_not_met / override_reason_required.' })
  @ApiConflictResponse({ description: 'offering_full, village_name_taken, application_decided.' })
  approve(
    @CurrentUser() user: AuthUser,
    @IdParam('application') id: string,
    @Body() body: ApproveApplicationBody,
  ): Promise<ApplicationDetailDto> {
    return this.decisions.approve(user, id, body);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({
    type: ApplicationDetailResponse,
    description: 'Rejected; the note is mailed to the applicant.',
  })
  reject(
    @CurrentUser() user: AuthUser,
    @IdParam('application') id: string,
    @Body() body: RejectApplicationBody,
  ): Promise<ApplicationDetailDto> {
    return this.decisions.reject(user, id, body);
  }
}
