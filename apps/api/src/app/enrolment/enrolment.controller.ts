import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { EnrolmentDto, OfferingDto, Page } from '@blup/contracts';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { binaryContent } from '../common/openapi';
import { PageQueryDto } from '../common/pagination';
import { IdParam } from '../common/id-param';
import { ApiPageResponse } from '../common/api-page';
import {
  CancelEnrolmentBody,
  CreateOfferingBody,
  DecideEnrolmentBody,
  EnrolBody,
  EnrolmentQueryDto,
  InvoiceQueryDto,
  OfferingQueryDto,
  UpdateOfferingBody,
} from './enrolment.dto';
import { EnrolmentResponse, OfferingResponse } from './enrolment.responses';
import { EnrolmentListsService } from './enrolment-lists.service';
import { EnrolmentService } from './enrolment.service';
import { OfferingsService } from './offerings.service';

@ApiTags('enrolment')
@Controller('public/offerings')
export class PublicOfferingsController {
  constructor(private readonly offerings: OfferingsService) {}

  @Public()
  @Get()
  @ApiPageResponse(
    OfferingResponse,
    'Published offerings open for enrolment now (for the apply form).',
  )
  list(@Query() query: OfferingQueryDto): Promise<Page<OfferingDto>> {
    return this.offerings.listPublic(query);
  }
}

@ApiTags('enrolment')
@ApiCookieAuth()
@Controller('offerings')
export class OfferingsController {
  constructor(
    private readonly offerings: OfferingsService,
    private readonly enrolment: EnrolmentService,
    private readonly lists: EnrolmentListsService,
  ) {}

  @Get()
  @ApiPageResponse(
    OfferingResponse,
    'Published offerings (all for the secretariat), with yours marked.',
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: OfferingQueryDto,
  ): Promise<Page<OfferingDto>> {
    return this.offerings.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: OfferingResponse, description: 'One offering.' })
  @ApiNotFoundResponse({ description: 'No such offering, or a draft.' })
  get(@CurrentUser() user: AuthUser, @IdParam('offering') id: string): Promise<OfferingDto> {
    return this.offerings.get(user, id);
  }

  @Post()
  @ApiCreatedResponse({
    type: OfferingResponse,
    description: 'The offering (a cohort offering creates its cohort).',
  })
  @ApiBadRequestResponse({ description: 'A field that does not fit the kind, or bad dates.' })
  @ApiForbiddenResponse({ description: 'Only the secretariat creates offerings.' })
  @ApiConflictResponse({ description: 'A cohort with that name exists.' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOfferingBody): Promise<OfferingDto> {
    return this.offerings.create(user, body);
  }

  @Patch(':id')
  @ApiOkResponse({
    type: OfferingResponse,
    description: 'The changed offering; more capacity promotes from the waitlist.',
  })
  @ApiForbiddenResponse({ description: 'Only the secretariat changes offerings.' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('offering') id: string,
    @Body() body: UpdateOfferingBody,
  ): Promise<OfferingDto> {
    return this.offerings.update(user, id, body);
  }

  @Post(':id/enrolments')
  @ApiCreatedResponse({
    type: EnrolmentResponse,
    description: 'Enrolled, pending approval, or on the waitlist.',
  })
  @ApiBadRequestResponse({ description: '`offering_closed`: not published, closed or started.' })
  @ApiForbiddenResponse({ description: '`enrolment_not_allowed`.' })
  @ApiConflictResponse({ description: '`already_enrolled`.' })
  enrol(
    @CurrentUser() user: AuthUser,
    @IdParam('offering') id: string,
    @Body() body: EnrolBody,
  ): Promise<EnrolmentDto> {
    return this.enrolment.enrol(user, id, body);
  }

  @Get(':id/enrolments')
  @ApiPageResponse(EnrolmentResponse, 'Place-holders, then the waitlist in arrival order.')
  @ApiForbiddenResponse({ description: 'Secretariat and coordinators only.' })
  enrolments(
    @CurrentUser() user: AuthUser,
    @IdParam('offering') id: string,
    @Query() query: EnrolmentQueryDto,
  ): Promise<Page<EnrolmentDto>> {
    return this.lists.offeringEnrolments(user, id, query);
  }
}

@ApiTags('enrolment')
@ApiCookieAuth()
@Controller()
export class EnrolmentsController {
  constructor(
    private readonly enrolment: EnrolmentService,
    private readonly lists: EnrolmentListsService,
  ) {}

  @Get('me/enrolments')
  @ApiPageResponse(EnrolmentResponse, 'Your own enrolments and your village’s.')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<EnrolmentDto>> {
    return this.lists.mine(user, query);
  }

  @Get('enrolments/invoices.csv')
  @ApiOkResponse({
    description: 'The invoice basis: `;`-separated, UTF-8 with BOM.',
    content: binaryContent('text/csv'),
  })
  @ApiForbiddenResponse({ description: 'Secretariat only.' })
  async invoices(
    @CurrentUser() user: AuthUser,
    @Query() query: InvoiceQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.lists.invoicesCsv(user, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="fakturagrundlag.csv"');
    res.setHeader('Cache-Control', 'private, no-cache');
    return body;
  }

  @Get('enrolments')
  @ApiPageResponse(EnrolmentResponse, 'Enrolments (coordinators: their municipality’s).')
  @ApiForbiddenResponse({ description: 'Secretariat and coordinators only.' })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: EnrolmentQueryDto,
  ): Promise<Page<EnrolmentDto>> {
    return this.lists.listEnrolments(user, query);
  }

  @Get('enrolments/:id')
  @ApiOkResponse({ type: EnrolmentResponse, description: 'One enrolment you may see.' })
  @ApiNotFoundResponse({ description: 'No such enrolment, or not yours to see.' })
  get(@CurrentUser() user: AuthUser, @IdParam('enrolment') id: string): Promise<EnrolmentDto> {
    return this.enrolment.getEnrolment(user, id);
  }

  @Post('enrolments/:id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: EnrolmentResponse,
    description: 'Cancelled; the next on the waitlist is promoted and mailed.',
  })
  @ApiConflictResponse({ description: '`enrolment_not_active`: already cancelled or rejected.' })
  cancel(
    @CurrentUser() user: AuthUser,
    @IdParam('enrolment') id: string,
    @Body() body: CancelEnrolmentBody,
  ): Promise<EnrolmentDto> {
    return this.enrolment.cancel(user, id, body);
  }

  @Post('enrolments/:id/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: EnrolmentResponse, description: 'A pending enrolment is now enrolled.' })
  approve(@CurrentUser() user: AuthUser, @IdParam('enrolment') id: string): Promise<EnrolmentDto> {
    return this.enrolment.approve(user, id);
  }

  @Post('enrolments/:id/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: EnrolmentResponse,
    description: 'Rejected; a freed place goes to the next on the waitlist.',
  })
  reject(
    @CurrentUser() user: AuthUser,
    @IdParam('enrolment') id: string,
    @Body() body: DecideEnrolmentBody,
  ): Promise<EnrolmentDto> {
    return this.enrolment.reject(user, id, body);
  }
}
