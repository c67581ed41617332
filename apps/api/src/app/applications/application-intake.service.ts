import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ApplicationStatus,
  DEFAULT_LOCALE,
  ErrorCode,
  type ApplicationFormOptionsDto,
  type ApplicationReceiptDto,
  type ApplicationVillageOptionDto,
  type Page,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import { applyRefusal, canDecideApplication } from '../access/application-access-policy';
import type { AuthUser } from '../auth/auth-user';
import { SignInRateLimiter } from '../auth/sign-in-rate-limiter';
import { hashToken, newToken } from '../auth/tokens';
import { AppException, fieldError } from '../common/app-exception';
import { likePattern, pageWindow, toPage } from '../common/pagination';
import { Municipality, Village } from '../database/entities';
import { Application, ApplicationPerson } from '../database/entities/applications';
import { MailProducer } from '../mail/mail.producer';
import type { AgreementUpload } from './agreement-upload.interceptor';
import {
  ApplicationAgreementsService,
  type StoredAgreement,
} from './application-agreements.service';
import { checklistOf } from './application-checklist';
import { decided, villageNameTaken } from './application-errors';
import { ApplicationListsService } from './application-lists.service';
import { checkPeople } from './application-people';
import { CreateApplicationBody, VillageOptionsQueryDto } from './applications.dto';
import {
  closeUndecided,
  municipalityOptions,
  offeringById,
  openCohorts,
  villageNameExists,
  villagePage,
  type OfferingOption,
} from './applications.queries';
import { offeringClosed } from './offering-rules';

/**
 * The public side of applying: the form's options, sending an application (with or without the
 * agreement) and withdrawing one that is not decided yet.
 */
@Injectable()
export class ApplicationIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailProducer,
    private readonly limit: SignInRateLimiter,
    private readonly lists: ApplicationListsService,
    private readonly agreements: ApplicationAgreementsService,
  ) {}

  async formOptions(): Promise<ApplicationFormOptionsDto> {
    const db = this.dataSource.manager;
    const offerings = await openCohorts(db);
    // Bounded (Denmark has 98 municipalities); villages come page by page from villageOptions.
    const municipalities = await municipalityOptions(db);
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
    const q = query.q?.trim();
    const { rows, total } = await villagePage(
      this.dataSource.manager,
      query.municipalityId,
      q ? likePattern(q) : null,
      skip,
      take,
    );
    return toPage(
      rows.map((r) => ({ id: r.id, name: r.name, inCohort: r.cohort_id !== null })),
      total,
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

    const db = this.dataSource.manager;
    const offering = await this.openOffering(body.offeringId);
    const municipality = await db
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
      const village = await db.getRepository(Village).findOneBy({ id: villageId });
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
      if (await villageNameExists(db, villageName, municipality.id)) {
        throw villageNameTaken(villageName, municipality.name);
      }
    }
    await checkPeople(db, body.people, villageId);

    const stored: StoredAgreement | null = file ? await this.agreements.store(file) : null;
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
            agreementMime: stored?.mime ?? null,
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
      if (stored) await this.agreements.remove(stored.key);
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

  /** The applicant (with the receipt's token) or the secretariat withdraws an undecided application. */
  async withdraw(
    actor: AuthUser | null,
    id: string,
    token: string | undefined,
    note: string | null | undefined,
  ): Promise<{ id: string; status: ApplicationStatus }> {
    await this.lists.byApplicantOrSecretariat(actor, id, token);
    const closed = await closeUndecided(
      this.dataSource.manager,
      id,
      ApplicationStatus.Withdrawn,
      actor && canDecideApplication(actor) ? actor.id : null,
      note?.trim() || null,
    );
    if (!closed) {
      const current = await this.dataSource.getRepository(Application).findOneByOrFail({ id });
      throw decided(current.status);
    }
    return { id, status: ApplicationStatus.Withdrawn };
  }

  /** The cohort applied for, if it takes applications now (400 otherwise). */
  private async openOffering(id: string): Promise<OfferingOption> {
    const offering = await offeringById(this.dataSource.manager, id);
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
}
