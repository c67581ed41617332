import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import { DataSource } from 'typeorm';
import { gatheringAccess, type GatheringActor } from '../access/gathering-access-policy';
import type { AuthUser } from '../auth/auth-user';
import { AppException, notFound } from '../common/app-exception';
import { refOf } from './gathering-views';
import { gatheringById, villageCohort, type GatheringRow } from './gatherings.queries';

export const HIDDEN = 'No such gathering, or not one you may see.';

/** Loads a gathering with the access check every route makes: 404 hidden, 403 read-only. */
@Injectable()
export class GatheringLookup {
  constructor(private readonly dataSource: DataSource) {}

  async actorOf(user: AuthUser): Promise<GatheringActor> {
    return {
      id: user.id,
      role: user.role,
      municipalityId: user.municipalityId,
      villageId: user.villageId,
      coordinationGroup: user.coordinationGroup,
      cohortId: await villageCohort(this.dataSource.manager, user.villageId),
    };
  }

  async visibleRow(
    user: AuthUser,
    id: string,
  ): Promise<{ row: GatheringRow; actor: GatheringActor; organiser: boolean }> {
    const row = await gatheringById(this.dataSource.manager, id);
    const actor = await this.actorOf(user);
    const access = row ? gatheringAccess(actor, refOf(row)) : 'hidden';
    if (!row || access === 'hidden') throw notFound(HIDDEN);
    return { row, actor, organiser: access === 'organise' };
  }

  async organisedRow(user: AuthUser, id: string): Promise<GatheringRow> {
    const { row, organiser } = await this.visibleRow(user, id);
    if (!organiser) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        'Only the organisers of this gathering may do that.',
      );
    }
    return row;
  }
}
