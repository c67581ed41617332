import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type Page, type PersonDto } from '@blup/contracts';
import { Repository } from 'typeorm';
import {
  Actor,
  canReadPerson,
  canUpdatePerson,
  scopeOf,
  type VillageRef,
} from '../access/access-policy';
import { AccountsService } from '../auth/accounts.service';
import { SessionService } from '../auth/session.service';
import { fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { toPage } from '../common/pagination';
import { Municipality, User, Village } from '../database/entities';
import { findPeople } from './people.queries';
import { toPersonDto } from '../common/person-summary';
import { PeopleQueryDto, UpdatePersonBody } from './person.dto';
import { isRefusal, nextPlacement, type Placement, type PlacementChange } from './placement';

const PLACEMENT_FIELDS = [
  'role',
  'municipalityId',
  'villageId',
  'coordinationGroup',
  'contactPerson',
  'learnerKind',
] as const;

@Injectable()
export class PeopleService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
    @InjectRepository(Village) private readonly villages: Repository<Village>,
    private readonly sessions: SessionService,
    private readonly accounts: AccountsService,
  ) {}

  async list(actor: Actor, query: PeopleQueryDto): Promise<Page<PersonDto>> {
    const [rows, total] = await findPeople(this.users, scopeOf(actor), actor.id, query);
    return toPage(rows.map(toPersonDto), total, query);
  }

  async get(actor: Actor, id: string): Promise<PersonDto> {
    return toPersonDto(await this.findReadable(actor, id));
  }

  /**
   * The secretariat changes a person's name, role, place, flags or status. The placement rules
   * live in `nextPlacement`; disabling ends every session the person has.
   */
  async update(actor: Actor, id: string, body: UpdatePersonBody): Promise<PersonDto> {
    const person = await this.findReadable(actor, id);
    if (!canUpdatePerson(actor)) {
      throw secretariatOnly(
        'Only the secretariat can change a person’s name, role, place or status.',
      );
    }
    if (person.id === actor.id) {
      if (body.disabled === true) {
        throw fieldError(
          ErrorCode.CannotDisableSelf,
          'disabled',
          'You cannot disable your own account. Ask another member of the secretariat.',
        );
      }
      if (body.role !== undefined && body.role !== person.role) {
        throw fieldError(
          ErrorCode.CannotChangeOwnRole,
          'role',
          'You cannot change your own role. Ask another member of the secretariat.',
        );
      }
    }

    const change: PlacementChange = {};
    for (const field of PLACEMENT_FIELDS) {
      if (body[field] !== undefined) Object.assign(change, { [field]: body[field] });
    }
    if (
      change.municipalityId &&
      !(await this.municipalities.existsBy({ id: change.municipalityId }))
    ) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'municipalityId',
        'There is no municipality with that id.',
      );
    }
    let village: VillageRef | null = person.village ?? null;
    if (change.villageId) {
      village = await this.villages.findOneBy({ id: change.villageId });
      if (!village)
        throw fieldError(
          ErrorCode.UnknownReference,
          'villageId',
          'There is no village with that id.',
        );
    }
    const placement = nextPlacement(placementOf(person), change, village);
    if (isRefusal(placement))
      throw fieldError(ErrorCode.PlacementInvalid, placement.field, placement.message);

    const disabledAt = nextDisabledAt(person.disabledAt, body.disabled);
    await this.accounts.updatePerson(id, {
      ...placement,
      name: body.name ?? person.name,
      disabledAt,
    });
    if (disabledAt) await this.sessions.endAllFor(id);
    else this.sessions.forgetUser(id);
    return this.get(actor, id);
  }

  /** The person with their municipality and village, if the actor may see them; otherwise a 404. */
  private async findReadable(actor: Actor, id: string): Promise<User> {
    const person = await this.users.findOne({
      where: { id },
      relations: { municipality: true, village: true },
    });
    if (!person || !canReadPerson(actor, person)) throw notFound('Person not found.');
    return person;
  }
}

/** Disabling keeps the first moment it happened; enabling clears it; left out, nothing changes. */
function nextDisabledAt(current: Date | null, disabled: boolean | undefined): Date | null {
  if (disabled === undefined) return current;
  return disabled ? (current ?? new Date()) : null;
}

function placementOf(user: User): Placement {
  return {
    role: user.role,
    municipalityId: user.municipalityId,
    villageId: user.villageId,
    coordinationGroup: user.coordinationGroup,
    contactPerson: user.contactPerson,
    learnerKind: user.learnerKind,
  };
}
