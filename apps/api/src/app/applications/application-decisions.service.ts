import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import {
  ApplicationStatus,
  DEFAULT_LOCALE,
  ErrorCode,
  Payer,
  Role,
  type ApplicationDetailDto,
} from '@blup/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { AccountsService } from '../auth/accounts.service';
import type { AuthUser } from '../auth/auth-user';
import { InvitationService } from '../auth/invitation.service';
import { AppException, fieldError } from '../common/app-exception';
import type { User } from '../database/entities';
import { Application, ApplicationPerson } from '../database/entities/applications';
import { EnrolmentService } from '../enrolment/enrolment.service';
import { MailProducer } from '../mail/mail.producer';
import { VillagesService } from '../organisations/villages/villages.service';
import { checklistOf, unmetRequirements } from './application-checklist';
import { decided, villageNameTaken } from './application-errors';
import { ApplicationListsService, checklistFields } from './application-lists.service';
import { checkPeople } from './application-people';
import { ApproveApplicationBody, RejectApplicationBody } from './applications.dto';
import {
  applicationById,
  closeUndecided,
  lockedStatus,
  peopleOf,
  userIdByEmail,
  type ApplicationRow,
  type PersonRow,
} from './applications.queries';

/** An invitation to send once the approval has committed. */
interface PendingInvitation {
  user: User;
  token: string;
}

/**
 * The secretariat's decisions. Approval places the village in the cohort through enrolment
 * (creating the village first if it is new, through organisations), gives the coordination
 * group accounts through auth, invites the new ones and tells the municipal contact.
 */
@Injectable()
export class ApplicationDecisionsService {
  private readonly logger = new Logger(ApplicationDecisionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailProducer,
    private readonly lists: ApplicationListsService,
    private readonly enrolment: EnrolmentService,
    private readonly villages: VillagesService,
    private readonly accounts: AccountsService,
    private readonly invitations: InvitationService,
  ) {}

  async confirmCooperation(
    actor: AuthUser,
    id: string,
    confirmed: boolean,
  ): Promise<ApplicationDetailDto> {
    const row = await this.lists.decidable(actor, id);
    await this.dataSource.getRepository(Application).update(id, {
      cooperationConfirmedById: confirmed ? actor.id : null,
      cooperationConfirmedAt: confirmed ? new Date() : null,
    });
    return this.lists.get(actor, row.id);
  }

  async approve(
    actor: AuthUser,
    id: string,
    body: ApproveApplicationBody,
  ): Promise<ApplicationDetailDto> {
    await this.lists.decidable(actor, id);
    const invitations: PendingInvitation[] = [];
    let approvedPeople: string[] = [];
    let afterCommit: () => Promise<void> = async () => undefined;
    const result = await this.dataSource.transaction(async (em) => {
      // The row lock makes two approvals (or an approval and a rejection) take turns.
      const status = await lockedStatus(em, id);
      if (status !== ApplicationStatus.Submitted) throw decided(status as ApplicationStatus);
      const row = (await applicationById(em, id)) as ApplicationRow;
      const people = (await peopleOf(em, [id])).get(id) ?? [];
      const checklist = checklistOf(checklistFields(row), people);
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
    for (const { user, token } of invitations) {
      await this.invitations.mailInvitation(user, token, actor.name, result.village_name);
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
    return this.lists.get(actor, id);
  }

  async reject(
    actor: AuthUser,
    id: string,
    body: RejectApplicationBody,
  ): Promise<ApplicationDetailDto> {
    await this.lists.decidable(actor, id);
    const db = this.dataSource.manager;
    const closed = await closeUndecided(db, id, ApplicationStatus.Rejected, actor.id, body.note);
    const row = (await applicationById(db, id)) as ApplicationRow;
    if (!closed) throw decided(row.status);
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
    return this.lists.detail(actor, row);
  }

  /** The new village the application names, created by organisations in this transaction. */
  private async createVillage(em: EntityManager, row: ApplicationRow): Promise<string> {
    const village = await this.villages.createInMunicipality(
      { name: row.village_name, municipalityId: row.municipality_id },
      () => villageNameTaken(row.village_name, row.municipality_name),
      em,
    );
    return village.id;
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
    await checkPeople(em, people, villageId);
    const names: string[] = [];
    for (const person of people) {
      let userId = await userIdByEmail(em, person.email);
      if (userId) {
        await this.accounts.joinCoordinationGroup(userId, em);
      } else {
        const user = await this.accounts.createInvited(
          {
            email: person.email.toLowerCase(),
            name: person.name,
            role: Role.SteeringMember,
            locale: DEFAULT_LOCALE,
            municipalityId: row.municipality_id,
            villageId,
            coordinationGroup: true,
          },
          actor.id,
          em,
        );
        userId = user.id;
        invitations.push({ user, token: await this.invitations.issueToken(user.id, actor.id, em) });
      }
      await em.getRepository(ApplicationPerson).update(person.id, { userId });
      names.push(person.name);
    }
    return names;
  }
}
