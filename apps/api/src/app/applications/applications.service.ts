import { SignInRateLimiter } from '../auth/sign-in-rate-limiter';
import { HttpStatus, Inject, Injectable, Logger, StreamableFile } from '@nestjs/common';
import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  DEFAULT_LOCALE,
  ErrorCode,
  MAX_PAGE_SIZE,
  Payer,
  Role,
  type ApplicationDetailDto,
  type ApplicationFormOptionsDto,
  type ApplicationVillageOptionDto,
  type Page,
  type ApplicationListResponse,
  type ApplicationReceiptDto,
  type ApplicationSummaryDto,
} from '@blup/contracts';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { pipelineScope, type Actor } from '../access/access-policy';
import { OneTimeTokenService } from '../auth/one-time-token.service';
import { hashToken, newToken } from '../auth/tokens';
import type { AuthUser } from '../auth/auth-user';
import { AppException, fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { likePattern, pageWindow, toPage } from '../common/pagination';
import { sqlWhere } from '../common/sql-where';
import { attachmentHeader, displayFileName } from '../courses/resource-file';
import { AppConfig } from '../config/app-config';
import { EnrolmentService } from '../enrolment/enrolment.service';
import { APP_CONFIG } from '../config/config.module';
import { Municipality, User, Village } from '../database/entities';
import { Application, ApplicationPerson } from '../database/entities/applications';
import { MailProducer } from '../mail/mail.producer';
import { isUniqueViolation } from '../common/unique-violation';
import { detectAgreementType } from './agreement-file';
import type { AgreementUpload } from './agreement-upload.interceptor';
import {
  applicantActionRefusal,
  applyRefusal,
  canDecideApplication,
  canReadApplication,
} from '../access/application-access-policy';
import { checklistOf, unmetRequirements } from './application-checklist';
import {
  ApplicationListQueryDto,
  ApproveApplicationBody,
  CreateApplicationBody,
  RejectApplicationBody,
  VillageOptionsQueryDto,
} from './applications.dto';
import { offeringClosed, type OfferingRow } from './offering-rules';

const AGREEMENT_DIR = 'agreements';

interface ApplicationRow {
  id: string;
  status: ApplicationStatus;
  offering_id: string;
  offering_name: string;
  offering_starts_on: string | null;
  offering_price_dkk: number;
  village_id: string | null;
  village_name: string;
  new_village: boolean;
  municipality_id: string;
  municipality_name: string;
  contact_name: string;
  contact_email: string;
  funding_status: Application['fundingStatus'];
  agreement_key: string | null;
  agreement_name: string | null;
  agreement_mime: string | null;
  agreement_size: number | null;
  cooperation_text: string;
  cooperation_confirmed_by_id: string | null;
  cooperation_confirmed_by_name: string | null;
  cooperation_confirmed_at: Date | null;
  override_reason: string | null;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  applicant_name: string;
  applicant_email: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT_APPLICATION = `
  SELECT a.*, o.name AS offering_name, o.starts_on::text AS offering_starts_on,
         o.price_dkk AS offering_price_dkk, m.name AS municipality_name,
         COALESCE(v.name, a.village_name) AS village_name,
         cu.name AS cooperation_confirmed_by_name, du.name AS decided_by_name
    FROM applications a
    JOIN offerings o ON o.id = a.offering_id
    JOIN municipalities m ON m.id = a.municipality_id
    LEFT JOIN villages v ON v.id = a.village_id
    LEFT JOIN users cu ON cu.id = a.cooperation_confirmed_by_id
    LEFT JOIN users du ON du.id = a.decided_by_id`;

interface PersonRow {
  id: string;
  application_id: string;
  name: string;
  email: string;
  position: string | null;
  user_id: string | null;
}

/** An invitation to send once the approval has committed. */
interface PendingInvitation {
  email: string;
  name: string;
  token: string;
}

const APPLICATION_LINK_NOT_FOUND =
  'No application found for this link. Check that the whole link from the receipt was copied; it works until the application is decided.';

const decided = (status: ApplicationStatus): AppException =>
  new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.ApplicationDecided,
    `The application is already ${status}; it cannot be changed.`,
    { params: { status } },
  );

const villageNameTaken = (name: string, municipality: string): AppException =>
  new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.VillageNameTaken,
    `A village named “${name}” already exists in ${municipality}. Choose it as an existing village, or use another name.`,
    { params: { name, municipality } },
  );

/**
 * Applications for a full BLUP process: the public form, the secretariat's pipeline with the
 * three-part checklist, and the decision (approval places the village in the cohort through
 * enrolment, invites the coordination group and tells the municipal contact).
 */
@Injectable()
export class ApplicationsService {
  private readonly logger = new Logger(ApplicationsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailProducer,
    private readonly tokens: OneTimeTokenService,
    private readonly enrolment: EnrolmentService,
    private readonly limit: SignInRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // -------------------------------------------------------------------------------------------
  // The public form
  // -------------------------------------------------------------------------------------------

  async formOptions(): Promise<ApplicationFormOptionsDto> {
    const offerings = await this.dataSource.query<
      (OfferingRow & { id: string; name: string; held: number })[]
    >(
      `SELECT o.id, o.name, o.kind, o.starts_on::text AS starts_on, o.ends_on::text AS ends_on,
              o.capacity, o.price_dkk, o.published_at, o.closed_at, o.enrol_closes_at,
              (SELECT count(*)::int FROM enrolments e
                WHERE e.offering_id = o.id AND e.status IN ('pending', 'enrolled')) AS held
         FROM offerings o
        WHERE o.kind = 'cohort' AND o.published_at IS NOT NULL AND o.closed_at IS NULL
        ORDER BY o.starts_on NULLS LAST, o.name
        LIMIT 50`,
    );
    // Bounded (Denmark has 98 municipalities); villages come page by page from villageOptions.
    const municipalities = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM municipalities ORDER BY name, id LIMIT ${MAX_PAGE_SIZE}`,
    );
    const now = new Date();
    return {
      offerings: offerings
        .filter((o) => offeringClosed(o, now) === null)
        .map((o) => ({
          id: o.id,
          name: o.name,
          startsOn: o.starts_on,
          endsOn: o.ends_on,
          capacity: o.capacity,
          placesLeft: o.capacity === null ? null : Math.max(0, o.capacity - o.held),
          priceDkk: o.price_dkk,
        })),
      municipalities,
    };
  }

  /** One page of a municipality's villages for the form, by name, optionally searched. */
  async villageOptions(query: VillageOptionsQueryDto): Promise<Page<ApplicationVillageOptionDto>> {
    const { skip, take } = pageWindow(query);
    const params: unknown[] = [query.municipalityId];
    let where = 'v.municipality_id = $1';
    const q = query.q?.trim();
    if (q) {
      params.push(likePattern(q));
      where += ` AND v.name ILIKE $${params.length}`;
    }
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM villages v WHERE ${where}`,
      params,
    );
    const rows = await this.dataSource.query<
      { id: string; name: string; cohort_id: string | null }[]
    >(
      `SELECT v.id, v.name, v.cohort_id FROM villages v WHERE ${where}
        ORDER BY v.name, v.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, skip, take],
    );
    return toPage(
      rows.map((r) => ({ id: r.id, name: r.name, inCohort: r.cohort_id !== null })),
      n,
      query,
    );
  }

  async create(
    actor: AuthUser | null,
    body: CreateApplicationBody,
    file: AgreementUpload | undefined,
    ip: string | null,
  ): Promise<ApplicationReceiptDto> {
    // Counted before anything is read or stored; the agreement is only held in memory so far.
    await this.limit.countIp('application', ip);
    const villageId = body.villageId ?? null;
    const newName = body.villageName?.trim() || null;
    if ((villageId === null) === (newName === null)) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.ValidationFailed,
        'Give either villageId (an existing village) or villageName (a new village), not both.',
        { details: { villageId: ['choose an existing village or write the name of a new one'] } },
      );
    }
    const refusal = applyRefusal(actor, { municipalityId: body.municipalityId, villageId });
    if (refusal) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.ApplicationNotAllowed,
        refusal === 'own_village_only'
          ? 'You can only apply for your own village.'
          : 'You can only apply for villages in your own municipality.',
      );
    }
    const applicantName = actor?.name ?? body.applicantName?.trim() ?? '';
    const applicantEmail = actor?.email ?? body.applicantEmail ?? '';
    if (!applicantName || !applicantEmail) {
      const details: Record<string, string[]> = {};
      if (!applicantName)
        details['applicantName'] = ['applicantName is needed: who sends the application'];
      if (!applicantEmail)
        details['applicantEmail'] = ['applicantEmail is needed: where we answer'];
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.ValidationFailed,
        Object.values(details).flat().join('; '),
        { details },
      );
    }

    const offering = await this.loadOffering(body.offeringId);
    const municipality = await this.dataSource
      .getRepository(Municipality)
      .findOneBy({ id: body.municipalityId });
    if (!municipality) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'municipalityId',
        'There is no municipality with the id given in municipalityId.',
      );
    }
    let villageName: string;
    if (villageId) {
      const village = await this.dataSource.getRepository(Village).findOneBy({ id: villageId });
      if (!village || village.municipalityId !== municipality.id) {
        throw fieldError(
          ErrorCode.UnknownReference,
          'villageId',
          `There is no village with that id in ${municipality.name}.`,
        );
      }
      villageName = village.name;
    } else {
      villageName = newName as string;
      if (await this.villageNameExists(this.dataSource.manager, villageName, municipality.id)) {
        throw villageNameTaken(villageName, municipality.name);
      }
    }
    await this.checkPeople(this.dataSource.manager, body.people, villageId);

    const type = file ? await detectAgreementType(file.originalname, file.buffer) : null;
    if (file && !type) throw agreementInvalid();
    const stored =
      file && type
        ? {
            ...(await this.storeAgreement(file, type.extension)),
            name: displayFileName(file.originalname, `aftale${type.extension}`),
          }
        : null;

    const uploadToken = newToken();
    let application: Application;
    try {
      application = await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(Application);
        const saved = await repo.save(
          repo.create({
            offeringId: offering.id,
            villageId,
            villageName,
            newVillage: villageId === null,
            municipalityId: municipality.id,
            contactName: body.contactName,
            contactEmail: body.contactEmail,
            fundingStatus: body.fundingStatus,
            agreementKey: stored?.key ?? null,
            agreementName: stored?.name ?? null,
            agreementMime: type?.mimeType ?? null,
            agreementSize: file?.size ?? null,
            cooperationText: body.cooperationText ?? '',
            cooperationConfirmedById: null,
            cooperationConfirmedAt: null,
            status: ApplicationStatus.Submitted,
            overrideReason: null,
            decidedById: null,
            decidedAt: null,
            decisionNote: null,
            applicantName,
            applicantEmail,
            applicantUserId: actor?.id ?? null,
            uploadTokenHash: hashToken(uploadToken),
            ip: ip?.slice(0, 64) ?? null,
          }),
        );
        await em.getRepository(ApplicationPerson).insert(
          body.people.map((p, i) => ({
            applicationId: saved.id,
            name: p.name,
            email: p.email,
            position: p.position?.trim() || null,
            userId: null,
            sort: i,
          })),
        );
        return saved;
      });
    } catch (error) {
      if (stored) await this.removeAgreement(stored.key);
      throw error;
    }

    await this.mail.send({
      to: applicantEmail,
      template: 'application_received',
      locale: actor?.locale ?? DEFAULT_LOCALE,
      data: { name: applicantName, villageName, offeringName: offering.name },
    });
    return {
      id: application.id,
      status: application.status,
      offeringName: offering.name,
      villageName,
      municipalityName: municipality.name,
      hasAgreement: stored !== null,
      checklist: checklistOf(application, body.people),
      uploadToken,
      createdAt: application.createdAt.toISOString(),
    };
  }

  /** Adds or replaces the agreement: the applicant with the receipt's token, or the secretariat. */
  async uploadAgreement(
    actor: AuthUser | null,
    id: string,
    token: string | undefined,
    file: AgreementUpload | undefined,
  ): Promise<ApplicationReceiptDto> {
    const app = await this.byApplicantOrSecretariat(actor, id, token);
    if (!file)
      throw fieldError(
        ErrorCode.BadRequest,
        'agreement',
        'Send the agreement in the form field "agreement".',
      );
    const type = await detectAgreementType(file.originalname, file.buffer);
    if (!type) throw agreementInvalid();
    const stored = await this.storeAgreement(file, type.extension);
    await this.dataSource.getRepository(Application).update(id, {
      agreementKey: stored.key,
      agreementName: displayFileName(file.originalname, `aftale${type.extension}`),
      agreementMime: type.mimeType,
      agreementSize: file.size,
    });
    if (app.agreementKey) await this.removeAgreement(app.agreementKey);
    const [row] = await this.rows('WHERE a.id = $1', [id]);
    const people = await this.peopleOf([id]);
    return {
      id,
      status: row.status,
      offeringName: row.offering_name,
      villageName: row.village_name,
      municipalityName: row.municipality_name,
      hasAgreement: true,
      checklist: checklistOf(this.checklistFields(row), people.get(id) ?? []),
      uploadToken: token ?? '',
      createdAt: row.created_at.toISOString(),
    };
  }

  /** The applicant (with the receipt's token) or the secretariat withdraws an undecided application. */
  async withdraw(
    actor: AuthUser | null,
    id: string,
    token: string | undefined,
    note: string | null | undefined,
  ): Promise<{ id: string; status: ApplicationStatus }> {
    await this.byApplicantOrSecretariat(actor, id, token);
    const [updated] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE applications
          SET status = 'withdrawn', decided_by_id = $2, decided_at = now(), decision_note = $3,
              upload_token_hash = NULL, updated_at = now()
        WHERE id = $1 AND status = 'submitted' RETURNING id`,
      [id, actor && canDecideApplication(actor) ? actor.id : null, note?.trim() || null],
    );
    if (!updated.length) {
      const current = await this.dataSource.getRepository(Application).findOneByOrFail({ id });
      throw decided(current.status);
    }
    return { id, status: ApplicationStatus.Withdrawn };
  }

  /** The undecided application, for the secretariat or whoever holds its upload token. */
  private async byApplicantOrSecretariat(
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

  // -------------------------------------------------------------------------------------------
  // Pipeline and detail
  // -------------------------------------------------------------------------------------------

  async list(actor: AuthUser, query: ApplicationListQueryDto): Promise<ApplicationListResponse> {
    const { where, params, add, search } = sqlWhere();
    const scope = pipelineScope(actor);
    if (scope?.kind === 'municipality') {
      add('a.municipality_id = ?', scope.municipalityId);
    } else if (!scope) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        'Only the secretariat and the municipal coordinators see applications.',
      );
    }
    if (query.municipalityId) add('a.municipality_id = ?', query.municipalityId);
    if (query.offeringId) add('a.offering_id = ?', query.offeringId);
    if (query.q) search(['COALESCE(v.name, a.village_name)', 'a.contact_name'], query.q);
    const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const countRows = await this.dataSource.query<{ status: ApplicationStatus; n: number }[]>(
      `SELECT a.status, count(*)::int AS n
         FROM applications a LEFT JOIN villages v ON v.id = a.village_id
         ${base} GROUP BY a.status`,
      params,
    );
    const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<
      ApplicationStatus,
      number
    >;
    for (const r of countRows) counts[r.status] = r.n;
    const filtered = [...where];
    const listParams = [...params];
    if (query.status) {
      listParams.push(query.status);
      filtered.push(`a.status = $${listParams.length}`);
    }
    const { skip, take } = pageWindow(query);
    const whereSql = filtered.length ? `WHERE ${filtered.join(' AND ')}` : '';
    const total = query.status
      ? counts[query.status]
      : Object.values(counts).reduce((sum, n) => sum + n, 0);
    listParams.push(take, skip);
    const rows = await this.rows(
      `${whereSql} ORDER BY a.created_at DESC, a.id LIMIT $${listParams.length - 1} OFFSET $${listParams.length}`,
      listParams,
    );
    const people = await this.peopleOf(rows.map((r) => r.id));
    return {
      ...toPage(
        rows.map((r) => this.summary(r, people.get(r.id) ?? [])),
        total,
        query,
      ),
      counts,
    };
  }

  async get(actor: AuthUser, id: string): Promise<ApplicationDetailDto> {
    const row = await this.readable(actor, id);
    return this.detail(actor, row);
  }

  async agreement(actor: AuthUser, id: string): Promise<StreamableFile> {
    const row = await this.readable(actor, id);
    if (!row.agreement_key) throw notFound('This application has no agreement.');
    const path = this.agreementPath(row.agreement_key);
    const size = await stat(path).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) throw notFound('This application has no agreement.');
    return new StreamableFile(createReadStream(path), {
      type: row.agreement_mime ?? 'application/octet-stream',
      length: size,
      disposition: attachmentHeader(row.agreement_name ?? 'aftale'),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Decisions (secretariat)
  // -------------------------------------------------------------------------------------------

  async confirmCooperation(
    actor: AuthUser,
    id: string,
    confirmed: boolean,
  ): Promise<ApplicationDetailDto> {
    const row = await this.decidable(actor, id);
    await this.dataSource.getRepository(Application).update(id, {
      cooperationConfirmedById: confirmed ? actor.id : null,
      cooperationConfirmedAt: confirmed ? new Date() : null,
    });
    return this.get(actor, row.id);
  }

  async approve(
    actor: AuthUser,
    id: string,
    body: ApproveApplicationBody,
  ): Promise<ApplicationDetailDto> {
    await this.decidable(actor, id);
    const invitations: PendingInvitation[] = [];
    let approvedPeople: string[] = [];
    let afterCommit: () => Promise<void> = async () => undefined;
    const result = await this.dataSource.transaction(async (em) => {
      // The row lock makes two approvals (or an approval and a rejection) take turns.
      const [locked] = await em.query<{ status: ApplicationStatus }[]>(
        `SELECT status FROM applications WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (locked.status !== ApplicationStatus.Submitted) throw decided(locked.status);
      const [row] = await this.rows('WHERE a.id = $1', [id], em);
      const people = (await this.peopleOf([id], em)).get(id) ?? [];
      const checklist = checklistOf(this.checklistFields(row), people);
      const reason = body.overrideReason?.trim() ?? null;
      if (!checklist.allMet) {
        const missing = unmetRequirements(checklist);
        if (body.overrideReason === undefined || body.overrideReason === null) {
          throw new AppException(
            HttpStatus.BAD_REQUEST,
            ErrorCode.RequirementsNotMet,
            `Not every requirement is met (${missing.join(', ')}). Approve with an overrideReason to make an exception.`,
            { params: { missing: missing.join(', ') } },
          );
        }
        if (!reason) {
          throw fieldError(
            ErrorCode.OverrideReasonRequired,
            'overrideReason',
            'Write why the application is approved although a requirement is missing.',
          );
        }
      }

      const villageId = row.village_id ?? (await this.createVillage(em, row));
      const placed = await this.enrolment.placeVillage(row.offering_id, villageId, actor, {
        payer: Payer.Municipality,
        amount: row.offering_price_dkk,
        em,
      });
      afterCommit = placed.afterCommit;
      approvedPeople = await this.makeSteeringMembers(
        em,
        actor,
        villageId,
        row,
        people,
        invitations,
      );
      await em.getRepository(Application).update(id, {
        status: ApplicationStatus.Approved,
        villageId,
        overrideReason: checklist.allMet ? null : reason,
        decidedById: actor.id,
        decidedAt: new Date(),
        decisionNote: body.note?.trim() || null,
        uploadTokenHash: null,
      });
      return row;
    });

    // The village's circles, now that it is in the cohort.
    await afterCommit();
    for (const invitation of invitations) {
      await this.mail.send({
        to: invitation.email,
        template: 'invitation',
        locale: DEFAULT_LOCALE,
        data: {
          name: invitation.name,
          url: `${this.config.publicUrl}/invitation?token=${encodeURIComponent(invitation.token)}`,
          invitedBy: actor.name,
          place: result.village_name,
          days: this.config.invitationTtlDays,
        },
      });
    }
    await this.mail.send({
      to: result.contact_email,
      template: 'application_approved',
      locale: DEFAULT_LOCALE,
      data: {
        contactName: result.contact_name,
        villageName: result.village_name,
        municipalityName: result.municipality_name,
        offeringName: result.offering_name,
        startsOn: result.offering_starts_on,
        priceDkk: result.offering_price_dkk,
        people: approvedPeople,
      },
    });
    this.logger.log({ msg: 'application approved', id, invited: invitations.length });
    return this.get(actor, id);
  }

  async reject(
    actor: AuthUser,
    id: string,
    body: RejectApplicationBody,
  ): Promise<ApplicationDetailDto> {
    await this.decidable(actor, id);
    const [updated] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE applications
          SET status = 'rejected', decided_by_id = $2, decided_at = now(), decision_note = $3,
              upload_token_hash = NULL, updated_at = now()
        WHERE id = $1 AND status = 'submitted' RETURNING id`,
      [id, actor.id, body.note],
    );
    const [row] = await this.rows('WHERE a.id = $1', [id]);
    if (!updated.length) throw decided(row.status);
    await this.mail.send({
      to: row.applicant_email,
      template: 'application_rejected',
      locale: DEFAULT_LOCALE,
      data: {
        name: row.applicant_name,
        villageName: row.village_name,
        offeringName: row.offering_name,
        note: body.note,
      },
    });
    return this.detail(actor, row);
  }

  // -------------------------------------------------------------------------------------------
  // Helpers
  // -------------------------------------------------------------------------------------------

  private async loadOffering(id: string): Promise<OfferingRow & { id: string; name: string }> {
    const [offering] = await this.dataSource.query<(OfferingRow & { id: string; name: string })[]>(
      `SELECT id, name, kind, starts_on::text AS starts_on, ends_on::text AS ends_on, capacity,
              price_dkk, published_at, closed_at, enrol_closes_at
         FROM offerings WHERE id = $1`,
      [id],
    );
    if (!offering || offering.kind !== 'cohort' || offering.published_at === null) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'offeringId',
        'There is no open cohort with the id given in offeringId.',
      );
    }
    const closed = offeringClosed(offering, new Date());
    if (closed) {
      throw new AppException(HttpStatus.BAD_REQUEST, ErrorCode.OfferingClosed, closed.message, {
        params: { name: offering.name, reason: closed.reason, date: closed.date.slice(0, 10) },
      });
    }
    return offering;
  }

  private async villageNameExists(
    em: EntityManager,
    name: string,
    municipalityId: string,
  ): Promise<boolean> {
    const rows = await em.query<unknown[]>(
      `SELECT 1 FROM villages WHERE municipality_id = $1 AND lower(name) = lower($2) LIMIT 1`,
      [municipalityId, name],
    );
    return rows.length > 0;
  }

  /**
   * Each person: distinct emails in the list, and nobody with an account that does not fit
   * (a steering member of another village, or another role). Problems are per row.
   */
  private async checkPeople(
    em: EntityManager,
    people: readonly { email: string }[],
    villageId: string | null,
  ): Promise<void> {
    const details: Record<string, string[]> = {};
    let code = ErrorCode.ValidationFailed;
    let params: Record<string, string> | undefined;
    const seen = new Map<string, number>();
    people.forEach((p, i) => {
      const email = p.email.toLowerCase();
      const first = seen.get(email);
      if (first !== undefined) {
        details[`people.${i}.email`] = [`${p.email} is already given for person ${first + 1}`];
      } else seen.set(email, i);
    });
    const accounts = await em.query<
      { email: string; role: Role; village_id: string | null; village_name: string | null }[]
    >(
      `SELECT lower(u.email) AS email, u.role, u.village_id, v.name AS village_name
         FROM users u LEFT JOIN villages v ON v.id = u.village_id
        WHERE lower(u.email) = ANY($1::text[])`,
      [[...seen.keys()]],
    );
    for (const account of accounts) {
      const i = seen.get(account.email) ?? 0;
      if (account.role === Role.SteeringMember && account.village_id === villageId) continue;
      if (account.role === Role.SteeringMember) {
        details[`people.${i}.email`] = [
          `${account.email} is already in the steering group of ${account.village_name ?? 'another village'}`,
        ];
        code = ErrorCode.PersonInOtherVillage;
        params = { email: account.email, village: account.village_name ?? '' };
      } else {
        details[`people.${i}.email`] = [
          `${account.email} already has an account with another role; use another email for this person`,
        ];
        code = code === ErrorCode.PersonInOtherVillage ? code : ErrorCode.EmailTaken;
      }
    }
    if (Object.keys(details).length) {
      const only = Object.keys(details).length === 1;
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        only ? code : ErrorCode.ValidationFailed,
        Object.values(details).flat().join('; '),
        { details, ...(only && params ? { params } : {}) },
      );
    }
  }

  private async createVillage(em: EntityManager, row: ApplicationRow): Promise<string> {
    if (await this.villageNameExists(em, row.village_name, row.municipality_id)) {
      throw villageNameTaken(row.village_name, row.municipality_name);
    }
    try {
      const repo = em.getRepository(Village);
      const village = await repo.save(
        repo.create({
          name: row.village_name,
          municipalityId: row.municipality_id,
          description: '',
        }),
      );
      return village.id;
    } catch (error) {
      if (isUniqueViolation(error)) throw villageNameTaken(row.village_name, row.municipality_name);
      throw error;
    }
  }

  /**
   * Steering-member accounts with `coordination_group` for the people: new accounts get an
   * invitation token (mailed after commit); existing accounts of the village are flagged.
   */
  private async makeSteeringMembers(
    em: EntityManager,
    actor: Actor,
    villageId: string,
    row: ApplicationRow,
    people: PersonRow[],
    invitations: PendingInvitation[],
  ): Promise<string[]> {
    // Checked again: someone may have joined another village since the application came in.
    await this.checkPeople(em, people, villageId);
    const users = em.getRepository(User);
    const names: string[] = [];
    for (const person of people) {
      const existing = await em.query<{ id: string }[]>(
        `SELECT id FROM users WHERE lower(email) = lower($1)`,
        [person.email],
      );
      let userId: string;
      if (existing[0]) {
        userId = existing[0].id;
        await users.update(userId, { coordinationGroup: true });
      } else {
        const user = await users.save(
          users.create({
            email: person.email.toLowerCase(),
            name: person.name,
            role: Role.SteeringMember,
            locale: DEFAULT_LOCALE,
            passwordHash: null,
            municipalityId: row.municipality_id,
            villageId,
            coordinationGroup: true,
            contactPerson: false,
            learnerKind: null,
            invitedById: actor.id,
            activatedAt: null,
            disabledAt: null,
          }),
        );
        userId = user.id;
        const token = await this.tokens.issue(
          'invitation',
          user.id,
          this.config.invitationTtlDays * 24 * 3600 * 1000,
          actor.id,
          em,
        );
        invitations.push({ email: user.email, name: user.name, token });
      }
      await em.getRepository(ApplicationPerson).update(person.id, { userId });
      names.push(person.name);
    }
    return names;
  }

  /** The application if the actor may see it (404 otherwise). */
  private async readable(actor: AuthUser, id: string): Promise<ApplicationRow> {
    const [row] = await this.rows('WHERE a.id = $1', [id]);
    if (
      !row ||
      !canReadApplication(actor, { municipalityId: row.municipality_id, villageId: row.village_id })
    ) {
      throw notFound('Application not found.');
    }
    return row;
  }

  /** Visible (404), the secretariat's to decide (403), and still undecided (409). */
  private async decidable(actor: AuthUser, id: string): Promise<ApplicationRow> {
    const row = await this.readable(actor, id);
    if (!canDecideApplication(actor)) {
      throw secretariatOnly('Only the secretariat decides on applications.');
    }
    if (row.status !== ApplicationStatus.Submitted) throw decided(row.status);
    return row;
  }

  private rows(where: string, params: unknown[], em?: EntityManager): Promise<ApplicationRow[]> {
    return (em ?? this.dataSource.manager).query<ApplicationRow[]>(
      `${SELECT_APPLICATION} ${where}`,
      params,
    );
  }

  private async peopleOf(ids: string[], em?: EntityManager): Promise<Map<string, PersonRow[]>> {
    const out = new Map<string, PersonRow[]>();
    if (!ids.length) return out;
    const rows = await (em ?? this.dataSource.manager).query<PersonRow[]>(
      `SELECT id, application_id, name, email, position, user_id FROM application_people
        WHERE application_id = ANY($1::uuid[]) ORDER BY sort, email`,
      [ids],
    );
    for (const r of rows) {
      const list = out.get(r.application_id) ?? [];
      list.push(r);
      out.set(r.application_id, list);
    }
    return out;
  }

  private checklistFields(row: ApplicationRow) {
    return {
      contactName: row.contact_name,
      contactEmail: row.contact_email,
      fundingStatus: row.funding_status,
      agreementKey: row.agreement_key,
      cooperationText: row.cooperation_text,
      cooperationConfirmedAt: row.cooperation_confirmed_at,
    };
  }

  private summary(row: ApplicationRow, people: PersonRow[]): ApplicationSummaryDto {
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
      checklist: checklistOf(this.checklistFields(row), people),
      createdAt: row.created_at.toISOString(),
      decidedAt: row.decided_at?.toISOString() ?? null,
    };
  }

  private async detail(actor: AuthUser, row: ApplicationRow): Promise<ApplicationDetailDto> {
    const people = (await this.peopleOf([row.id])).get(row.id) ?? [];
    return {
      ...this.summary(row, people),
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

  private agreementPath(key: string): string {
    return join(this.config.video.storageDir, key);
  }

  private async storeAgreement(file: AgreementUpload, extension: string): Promise<{ key: string }> {
    const key = `${AGREEMENT_DIR}/${randomUUID()}${extension}`;
    const path = this.agreementPath(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.buffer, { flag: 'wx' });
    return { key };
  }

  private async removeAgreement(key: string): Promise<void> {
    await rm(this.agreementPath(key), { force: true }).catch(() => undefined);
  }
}

function agreementInvalid(): AppException {
  return new AppException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    ErrorCode.AgreementFileInvalid,
    'The agreement must be a PDF, a Word document (.doc, .docx) or an image (.png, .jpg), and the content must be that kind of file.',
    { details: { agreement: ['must be a PDF, Word file or PNG/JPEG image'] } },
  );
}
