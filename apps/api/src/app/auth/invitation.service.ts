import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  DEFAULT_LOCALE,
  ErrorCode,
  InvitationInfo,
  PersonDto,
  Role,
  SessionUser,
} from '@blup/contracts';
import { DataSource, EntityManager, QueryFailedError, Repository } from 'typeorm';
import { canReadPerson, InviteRefusal, InviteTarget, inviteRefusal } from '../access/access-policy';
import { AppException } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Municipality, User, Village } from '../database/entities';
import { toPersonDto } from '../common/person-summary';
import { MailProducer } from '../mail/mail.producer';
import type { AuthUser } from './auth-user';
import { AccountsService } from './accounts.service';
import { findLiveInvitation } from './auth.queries';
import { AuthService, HttpPair } from './auth.service';
import { AcceptInvitationDto, InviteDto } from './dto/invitation.dto';
import type { TokenDto } from './dto/auth.dto';
import { OneTimeTokenService } from './one-time-token.service';
import { PasswordService } from './password.service';
import { hashToken } from './tokens';

export const EMAIL_TAKEN = 'Someone with this email already has an account.';
export const INVITATION_GONE =
  'This invitation has already been used or has expired. Ask the person who invited you to send a new one.';

const emailTaken = (): AppException =>
  new AppException(HttpStatus.CONFLICT, ErrorCode.EmailTaken, EMAIL_TAKEN);
const invitationGone = (): AppException =>
  new AppException(HttpStatus.GONE, ErrorCode.InvitationGone, INVITATION_GONE);
const refused = ({ code, message }: InviteRefusal): AppException =>
  new AppException(HttpStatus.FORBIDDEN, code, message);

const ROLE_LABEL: Record<Role, string> = {
  [Role.Secretariat]: 'someone in the secretariat',
  [Role.Coordinator]: 'a coordinator',
  [Role.SteeringMember]: 'a steering-group member',
  [Role.Learner]: 'a learner',
};

/** Where an invited person belongs: resolved from the request, checked against the roles' rules. */
export interface Placement {
  municipality: Municipality | null;
  village: Village | null;
}

/**
 * Inviting people: who may invite whom (the access policy), where each role belongs, and the
 * invitation mail whose link lets the person choose a password and sign in.
 */
@Injectable()
export class InvitationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
    @InjectRepository(Village) private readonly villages: Repository<Village>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenService,
    private readonly passwords: PasswordService,
    private readonly auth: AuthService,
    private readonly mail: MailProducer,
    private readonly accounts: AccountsService,
  ) {}

  async invite(actor: AuthUser, dto: InviteDto): Promise<PersonDto> {
    // Someone who could not invite this role even into their own place needs to learn nothing more.
    const refusedAtHome = inviteRefusal(actor, this.target(dto.role, this.homeOf(actor)));
    if (refusedAtHome) throw refused(refusedAtHome);

    const placement = await this.place(dto);
    const refusal = inviteRefusal(actor, this.target(dto.role, placement));
    if (refusal) throw refused(refusal);
    if (await this.users.existsBy({ email: dto.email })) throw emailTaken();

    const { user, token } = await this.dataSource
      .transaction(async (manager) => {
        const user = await this.accounts.createInvited(
          {
            email: dto.email,
            name: dto.name,
            role: dto.role,
            locale: dto.locale ?? DEFAULT_LOCALE,
            municipalityId: placement.municipality?.id ?? null,
            villageId: placement.village?.id ?? null,
            coordinationGroup: dto.role === Role.SteeringMember && dto.coordinationGroup === true,
            learnerKind: dto.role === Role.Learner ? (dto.learnerKind ?? null) : null,
          },
          actor.id,
          manager,
        );
        const token = await this.issueToken(user.id, actor.id, manager);
        return { user, token };
      })
      .catch((error: unknown) => {
        // Two invitations racing for one address: the unique index decides.
        if (
          error instanceof QueryFailedError &&
          (error.driverError as { code?: string }).code === '23505'
        ) {
          throw emailTaken();
        }
        throw error;
      });

    await this.sendInvitation(user, token, actor.name, placement);
    return toPersonDto(
      Object.assign(user, {
        municipality: placement.municipality ?? null,
        village: placement.village ?? null,
      }),
    );
  }

  /**
   * The first secretariat account of a new installation (`main.js invite-secretariat`), invited
   * by no one: the invitation is mailed, and its link returned for the operator to pass on
   * should the mail not arrive. Refuses an address that already has an account.
   */
  async inviteFirstSecretariat(email: string, name: string): Promise<string> {
    if (await this.users.existsBy({ email })) throw emailTaken();
    const { user, token } = await this.dataSource.transaction(async (manager) => {
      const user = await this.accounts.createInvited(
        {
          email,
          name,
          role: Role.Secretariat,
          locale: DEFAULT_LOCALE,
          municipalityId: null,
          villageId: null,
          coordinationGroup: false,
        },
        null,
        manager,
      );
      return { user, token: await this.issueToken(user.id, null, manager) };
    });
    await this.mailInvitation(user, token, 'BLUP Akademiet', null);
    return this.invitationUrl(token);
  }

  /** What the invitation link shows before the person accepts. */
  async inspect(dto: TokenDto): Promise<InvitationInfo> {
    const row = await findLiveInvitation(this.dataSource, hashToken(dto.token));
    if (!row) throw invitationGone();
    return {
      email: row.email,
      name: row.name,
      role: row.role,
      municipalityName: row.municipality_name,
      villageName: row.village_name,
      invitedByName: row.invited_by_name,
    };
  }

  /** Sets the person's name and password, uses the invitation up and signs them in. */
  async accept(dto: AcceptInvitationDto, http: HttpPair): Promise<SessionUser> {
    const passwordHash = await this.passwords.hash(dto.password);
    const userId = await this.dataSource.transaction(async (manager) => {
      const userId = await this.tokens.consume('invitation', dto.token, manager);
      if (!userId) throw invitationGone();
      await manager.getRepository(User).update(userId, { name: dto.name, passwordHash });
      // Earlier invitations to the same person (resent ones) stop working too.
      await this.tokens.revokeAll('invitation', userId, manager);
      return userId;
    });
    return this.auth.signIn(userId, http);
  }

  /** A fresh invitation for someone who has not accepted yet; earlier links stop working. */
  async resend(actor: AuthUser, personId: string): Promise<void> {
    const person = await this.users.findOne({
      where: { id: personId },
      relations: { municipality: true, village: true },
    });
    if (!person || !canReadPerson(actor, person))
      throw new AppException(
        HttpStatus.NOT_FOUND,
        ErrorCode.NotFound,
        'There is no such person among the people you can see.',
      );
    const placement: Placement = {
      municipality: person.municipality ?? null,
      village: person.village ?? null,
    };
    const refusal = inviteRefusal(actor, this.target(person.role, placement));
    if (refusal) throw refused(refusal);
    if (person.disabledAt) {
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.PersonDisabled,
        `${person.name}’s account is disabled. Enable it before sending a new invitation.`,
        { params: { name: person.name } },
      );
    }
    if (person.activatedAt) {
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.InvitationAlreadyAccepted,
        `${person.name} has already accepted and can sign in. If they have forgotten their password, they can ask for a new one on the sign-in page.`,
        { params: { name: person.name } },
      );
    }
    const token = await this.dataSource.transaction(async (manager) => {
      await this.tokens.revokeAll('invitation', person.id, manager);
      return this.issueToken(person.id, actor.id, manager);
    });
    await this.sendInvitation(person, token, actor.name, placement);
  }

  /**
   * Checks the role's fields and loads the municipality or village. Steering members take their
   * municipality from their village (the access policy relies on the two agreeing).
   */
  private async place(dto: InviteDto): Promise<Placement> {
    const problems: Record<string, string[]> = {};
    const problem = (field: string, message: string): void => {
      (problems[field] ??= []).push(message);
    };
    const who = ROLE_LABEL[dto.role];
    const needsMunicipality = dto.role === Role.Coordinator || dto.role === Role.Learner;

    if (dto.role === Role.SteeringMember) {
      if (!dto.villageId)
        problem(
          'villageId',
          'villageId is needed for a steering-group member: the village whose steering group they join',
        );
    } else if (dto.villageId) {
      problem('villageId', `villageId is only for steering-group members; leave it out for ${who}`);
    }
    if (needsMunicipality && !dto.municipalityId) {
      problem(
        'municipalityId',
        `municipalityId is needed for ${who}: the municipality they belong to`,
      );
    }
    if (dto.role === Role.Secretariat && dto.municipalityId) {
      problem(
        'municipalityId',
        'municipalityId is not for the secretariat, which belongs to no municipality; leave it out',
      );
    }
    if (dto.role === Role.Learner && !dto.learnerKind) {
      problem(
        'learnerKind',
        'learnerKind is needed for a learner: local_council, municipal_staff or politician',
      );
    }
    if (dto.role !== Role.Learner && dto.learnerKind) {
      problem('learnerKind', `learnerKind is only for learners; leave it out for ${who}`);
    }
    if (dto.role !== Role.SteeringMember && dto.coordinationGroup) {
      problem(
        'coordinationGroup',
        `coordinationGroup is only for steering-group members; leave it out for ${who}`,
      );
    }
    if (Object.keys(problems).length) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.PlacementInvalid,
        Object.values(problems).flat().join('; '),
        { details: problems },
      );
    }

    if (dto.role === Role.SteeringMember) {
      const village = await this.villages.findOne({
        where: { id: dto.villageId },
        relations: { municipality: true },
      });
      if (!village)
        throw new AppException(
          HttpStatus.NOT_FOUND,
          ErrorCode.UnknownReference,
          'There is no village with the id given in villageId.',
        );
      if (dto.municipalityId && dto.municipalityId !== village.municipalityId) {
        throw new AppException(
          HttpStatus.BAD_REQUEST,
          ErrorCode.PlacementInvalid,
          'The village is not in the municipality given in municipalityId. Leave municipalityId out: it follows from the village.',
          {
            details: {
              municipalityId: ['municipalityId does not match the village’s municipality'],
            },
          },
        );
      }
      return { village, municipality: village.municipality ?? null };
    }
    if (needsMunicipality) {
      const municipality = await this.municipalities.findOneBy({ id: dto.municipalityId });
      if (!municipality)
        throw new AppException(
          HttpStatus.NOT_FOUND,
          ErrorCode.UnknownReference,
          'There is no municipality with the id given in municipalityId.',
        );
      return { municipality, village: null };
    }
    return { municipality: null, village: null };
  }

  /** The actor's own municipality and village, as a placement for the policy. */
  private homeOf(actor: AuthUser): Placement {
    const municipality = actor.municipalityId
      ? ({ id: actor.municipalityId } as Municipality)
      : null;
    const village =
      actor.villageId && actor.municipalityId
        ? ({ id: actor.villageId, municipalityId: actor.municipalityId } as Village)
        : null;
    return { municipality, village };
  }

  private target(role: Role, placement: Placement): InviteTarget {
    return {
      role,
      municipalityId: placement.village?.municipalityId ?? placement.municipality?.id ?? null,
      village: placement.village
        ? { id: placement.village.id, municipalityId: placement.village.municipalityId }
        : null,
    };
  }

  private async sendInvitation(
    person: User,
    token: string,
    invitedBy: string,
    placement: Placement,
  ): Promise<void> {
    const place = placement.village?.name ?? placement.municipality?.name ?? null;
    await this.mailInvitation(person, token, invitedBy, place);
  }

  private invitationTtlMs(): number {
    return this.config.invitationTtlDays * 24 * 3600 * 1000;
  }

  /** An invitation token: for an invitation, a resend, or an account another flow created. */
  issueToken(userId: string, invitedById: string | null, em?: EntityManager): Promise<string> {
    return this.tokens.issue('invitation', userId, this.invitationTtlMs(), invitedById, em);
  }

  private invitationUrl(token: string): string {
    return `${this.config.publicUrl}/invitation?token=${encodeURIComponent(token)}`;
  }

  /** The invitation mail: its link lets the person choose a password and sign in. */
  async mailInvitation(
    person: Pick<User, 'email' | 'name' | 'locale'>,
    token: string,
    invitedBy: string,
    place: string | null,
  ): Promise<void> {
    await this.mail.send({
      to: person.email,
      template: 'invitation',
      locale: person.locale,
      data: {
        name: person.name,
        url: this.invitationUrl(token),
        invitedBy,
        place,
        days: this.config.invitationTtlDays,
      },
    });
  }
}
