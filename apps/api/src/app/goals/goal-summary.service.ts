import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  GOAL_STATUSES,
  INITIATIVE_STATUSES,
  type GoalSummaryDto,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { cohortGoalSummaryAccess, type SummaryAccess } from '../access/goal-access-policy';
import { municipalityOverviewAccess } from '../access/municipality-access-policy';
import { AppException, notFound } from '../common/app-exception';
import {
  findCohortVillages,
  goalSummary,
  municipalityExists,
  type SummaryRow,
} from './goals.queries';

/**
 * Goals across villages for those who follow them: a municipality's for its coordinators (and
 * the secretariat), a cohort's for the secretariat. Counts only; each goal stays readable on its
 * village's page by those who may.
 */
@Injectable()
export class GoalSummaryService {
  constructor(private readonly dataSource: DataSource) {}

  async forMunicipality(actor: Actor, municipalityId: string): Promise<GoalSummaryDto> {
    const em = this.dataSource.manager;
    const access = (await municipalityExists(em, municipalityId))
      ? municipalityOverviewAccess(actor, municipalityId)
      : 'hidden';
    refuse(access, 'No such municipality, or not one you may see.', 'coordinators');
    return toSummary(await goalSummary(em, { municipalityId }));
  }

  async forCohort(actor: Actor, cohortId: string): Promise<GoalSummaryDto> {
    const em = this.dataSource.manager;
    const villages = await findCohortVillages(em, cohortId);
    const access = villages ? cohortGoalSummaryAccess(actor, villages) : 'hidden';
    refuse(access, 'No such cohort, or not one you may see.', 'the secretariat');
    return toSummary(await goalSummary(em, { cohortId }));
  }
}

function refuse(access: SummaryAccess, hidden: string, who: string): void {
  if (access === 'hidden') throw notFound(hidden);
  if (access === 'forbidden') {
    throw new AppException(
      HttpStatus.FORBIDDEN,
      ErrorCode.Forbidden,
      `Only ${who} see goals across villages; each village's own goals are on its page.`,
    );
  }
}

function toSummary(row: SummaryRow): GoalSummaryDto {
  const perStatus = new Map(row.by_status.map((s) => [s.status, s.goals]));
  return {
    villages: row.villages,
    villagesWithGoals: row.villages_with_goals,
    goals: row.goals,
    bySdg: row.by_sdg,
    byStatus: GOAL_STATUSES.map((status) => ({ status, goals: perStatus.get(status) ?? 0 })),
    initiatives: row.initiatives,
    initiativesByStatus: INITIATIVE_STATUSES.map((status) => ({
      status,
      initiatives: row.initiatives_by_status.find((s) => s.status === status)?.initiatives ?? 0,
    })),
  };
}
