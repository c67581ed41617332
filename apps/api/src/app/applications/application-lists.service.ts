import { HttpStatus, Injectable } from '@nestjs/common';
import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  ErrorCode,
  type ApplicationDetailDto,
  type ApplicationListResponse,
  type ApplicationSummaryDto,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import { pipelineScope } from '../access/access-policy';
import {
  applicantActionRefusal,
  canDecideApplication,
  canReadApplication,
} from '../access/application-access-policy';
import type { AuthUser } from '../auth/auth-user';
import { hashToken } from '../auth/tokens';
import { AppException, notFound, secretariatOnly } from '../common/app-exception';
import { pageWindow, toPage } from '../common/pagination';
import { Application } from '../database/entities/applications';
import { APPLICATION_LINK_NOT_FOUND, decided } from './application-errors';
import { checklistOf } from './application-checklist';
import { ApplicationListQueryDto } from './applications.dto';
import {
  applicationById,
  applicationPage,
  peopleOf,
  type ApplicationRow,
  type PersonRow,
} from './applications.queries';

/**
 * Reading applications: the pipeline list, one application's detail, and the look-ups the other
 * application services start from (who may read, decide, or act as the applicant).
 */
@Injectable()
export class ApplicationListsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: AuthUser, query: ApplicationListQueryDto): Promise<ApplicationListResponse> {
    const scope = pipelineScope(actor);
    if (!scope) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        'Only the secretariat and the municipal coordinators see applications.',
      );
    }
    const municipalityIds = [
      ...(scope.kind === 'municipality' ? [scope.municipalityId] : []),
      ...(query.municipalityId ? [query.municipalityId] : []),
    ];
    const { skip, take } = pageWindow(query);
    const db = this.dataSource.manager;
    const page = await applicationPage(
      db,
      { municipalityIds, offeringId: query.offeringId, q: query.q, status: query.status },
      skip,
      take,
    );
    const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<
      ApplicationStatus,
      number
    >;
    for (const r of page.counts) counts[r.status] = r.n;
    const total = query.status
      ? counts[query.status]
      : Object.values(counts).reduce((sum, n) => sum + n, 0);
    const people = await peopleOf(
      db,
      page.rows.map((r) => r.id),
    );
    return {
      ...toPage(
        page.rows.map((r) => summary(r, people.get(r.id) ?? [])),
        total,
        query,
      ),
      counts,
    };
  }

  async get(actor: AuthUser, id: string): Promise<ApplicationDetailDto> {
    return this.detail(actor, await this.readable(actor, id));
  }

  /** The application with its people, as the detail page shows it to the actor. */
  async detail(actor: AuthUser, row: ApplicationRow): Promise<ApplicationDetailDto> {
    const people = (await peopleOf(this.dataSource.manager, [row.id])).get(row.id) ?? [];
    return {
      ...summary(row, people),
      contactEmail: row.contact_email,
      agreement: row.agreement_key
        ? {
            name: row.agreement_name ?? '',
            mime: row.agreement_mime ?? 'application/octet-stream',
            size: row.agreement_size ?? 0,
            url: `/api/applications/${row.id}/agreement`,
          }
        : null,
      cooperationText: row.cooperation_text,
      cooperationConfirmedBy: row.cooperation_confirmed_by_id
        ? { id: row.cooperation_confirmed_by_id, name: row.cooperation_confirmed_by_name ?? '' }
        : null,
      cooperationConfirmedAt: row.cooperation_confirmed_at?.toISOString() ?? null,
      people: people.map((p) => ({
        id: p.id,
        name: p.name,
        email: p.email,
        position: p.position,
        userId: p.user_id,
      })),
      applicantName: row.applicant_name,
      applicantEmail: row.applicant_email,
      overrideReason: row.override_reason,
      decidedBy: row.decided_by_id
        ? { id: row.decided_by_id, name: row.decided_by_name ?? '' }
        : null,
      decisionNote: row.decision_note,
      canDecide: canDecideApplication(actor) && row.status === ApplicationStatus.Submitted,
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** The application if the actor may see it (404 otherwise). */
  async readable(actor: AuthUser, id: string): Promise<ApplicationRow> {
    const row = await applicationById(this.dataSource.manager, id);
    if (
      !row ||
      !canReadApplication(actor, { municipalityId: row.municipality_id, villageId: row.village_id })
    ) {
      throw notFound('Application not found.');
    }
    return row;
  }

  /** Visible (404), the secretariat's to decide (403), and still undecided (409). */
  async decidable(actor: AuthUser, id: string): Promise<ApplicationRow> {
    const row = await this.readable(actor, id);
    if (!canDecideApplication(actor)) {
      throw secretariatOnly('Only the secretariat decides on applications.');
    }
    if (row.status !== ApplicationStatus.Submitted) throw decided(row.status);
    return row;
  }

  /** The undecided application, for the secretariat or whoever holds its upload token. */
  async byApplicantOrSecretariat(
    actor: AuthUser | null,
    id: string,
    token: string | undefined,
  ): Promise<Application> {
    const app = await this.dataSource.getRepository(Application).findOneBy({ id });
    const holdsLink = !!token && !!app?.uploadTokenHash && hashToken(token) === app.uploadTokenHash;
    const refusal = app ? applicantActionRefusal(actor, app, holdsLink) : 'not_found';
    if (!app || refusal === 'not_found') throw notFound(APPLICATION_LINK_NOT_FOUND);
    if (app.status !== ApplicationStatus.Submitted) throw decided(app.status);
    if (refusal === 'secretariat_only') {
      throw secretariatOnly(
        'Only the secretariat or the applicant (with the link from the receipt) can do this.',
      );
    }
    return app;
  }
}

/** The stored fields the checklist reads, from a pipeline row. */
export function checklistFields(row: ApplicationRow) {
  return {
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    fundingStatus: row.funding_status,
    agreementKey: row.agreement_key,
    cooperationText: row.cooperation_text,
    cooperationConfirmedAt: row.cooperation_confirmed_at,
  };
}

function summary(row: ApplicationRow, people: PersonRow[]): ApplicationSummaryDto {
  return {
    id: row.id,
    status: row.status,
    offeringId: row.offering_id,
    offeringName: row.offering_name,
    villageId: row.village_id,
    villageName: row.village_name,
    isNewVillage: row.new_village,
    municipalityId: row.municipality_id,
    municipalityName: row.municipality_name,
    contactName: row.contact_name,
    fundingStatus: row.funding_status,
    peopleCount: people.length,
    checklist: checklistOf(checklistFields(row), people),
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}
