import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, OfferingKind, type EnrolmentDto, type Page } from '@blup/contracts';
import { DataSource } from 'typeorm';
import { pipelineScope, type Actor } from '../access/access-policy';
import { canExportInvoices, ownVillageOf } from '../access/enrolment-access-policy';
import { AppException, secretariatOnly } from '../common/app-exception';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import type { EnrolmentQueryDto, InvoiceQueryDto } from './enrolment.dto';
import { toEnrolmentDto } from './enrolment.mappers';
import {
  enrolmentPage,
  invoiceRows,
  type EnrolmentFilter,
  type EnrolmentOrder,
} from './enrolment.queries';
import { csvLine } from '../common/csv';
import { OfferingsService } from './offerings.service';

const KIND_LABEL: Record<OfferingKind, string> = {
  [OfferingKind.Cohort]: 'Forløb',
  [OfferingKind.MiniBlup]: 'Mini-BLUP',
  [OfferingKind.AcademyCourse]: 'Akademikursus',
};

const PAYER_LABEL: Record<string, string> = {
  municipality: 'Kommune',
  local_council: 'Lokalråd',
  self: 'Selv',
};

/** The enrolment lists (the secretariat's, a coordinator's, an offering's, one's own) and the invoice basis. */
@Injectable()
export class EnrolmentListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly offerings: OfferingsService,
  ) {}

  async listEnrolments(
    actor: Actor,
    query: EnrolmentQueryDto,
    order: EnrolmentOrder = 'recent',
  ): Promise<Page<EnrolmentDto>> {
    const scope = pipelineScope(actor);
    if (!scope) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        'Only the secretariat and coordinators see enrolment lists. Your own are under “my enrolments”.',
      );
    }
    return this.page(
      {
        scopeMunicipalityId: scope.kind === 'municipality' ? scope.municipalityId : undefined,
        municipalityId: query.municipalityId,
        offeringId: query.offeringId,
        villageId: query.villageId,
        status: query.status,
        q: query.q,
      },
      query,
      order,
    );
  }

  /** One offering's enrolments: place-holders first, then the waitlist in arrival order. */
  async offeringEnrolments(
    actor: Actor,
    offeringId: string,
    query: EnrolmentQueryDto,
  ): Promise<Page<EnrolmentDto>> {
    await this.offerings.get(actor, offeringId);
    return this.listEnrolments(actor, { ...query, offeringId }, 'places');
  }

  /** The caller's own enrolments and, for steering members, their village's. */
  mine(actor: Actor, query: PageQueryDto): Promise<Page<EnrolmentDto>> {
    return this.page({ mine: { userId: actor.id, villageId: ownVillageOf(actor) } }, query, 'mine');
  }

  /** Secretariat: one line per enrolled, priced enrolment, for invoicing. */
  async invoicesCsv(actor: Actor, query: InvoiceQueryDto): Promise<string> {
    if (!canExportInvoices(actor)) {
      throw secretariatOnly('Only the secretariat exports the invoice basis.');
    }
    const rows = await invoiceRows(this.dataSource, query);
    const lines = [
      csvLine([
        'Tilbud',
        'Type',
        'Landsby',
        'Person',
        'E-mail',
        'Kommune',
        'Betaler',
        'Beløb (DKK)',
        'Tilmeldt',
      ]),
      ...rows.map((r) =>
        csvLine([
          r.offering_name,
          KIND_LABEL[r.offering_kind],
          r.village_name,
          r.user_name,
          r.user_email,
          r.municipality_name,
          PAYER_LABEL[r.payer] ?? r.payer,
          r.amount_dkk,
          r.enrolled_on,
        ]),
      ),
    ];
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  private async page(
    filter: EnrolmentFilter,
    query: PageQueryDto,
    order: EnrolmentOrder,
  ): Promise<Page<EnrolmentDto>> {
    const { skip, take } = pageWindow(query);
    const { rows, total } = await enrolmentPage(this.dataSource, filter, order, take, skip);
    return toPage(rows.map(toEnrolmentDto), total, query);
  }
}
