import { Injectable } from '@nestjs/common';
import { OfferingKind } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import {
  CircleSync,
  mergeChanges,
  noChanges,
  type SessionChanges,
} from '../circles/circle-sync.service';
import { VillagesService } from '../organisations/villages/villages.service';
import type { OfferingRow } from './offering.queries';

/**
 * Access that follows an `enrolled` enrolment and is not read live from enrolments: a cohort
 * place moves the village into the cohort (its circles follow), and losing the place moves it
 * out. Academy courses and mini-BLUP modules are read from the enrolments by the course rules.
 */
@Injectable()
export class CohortMovesService {
  constructor(
    private readonly circleSync: CircleSync,
    private readonly villages: VillagesService,
  ) {}

  /** The village takes its place: into the offering's cohort, out of the one it was in. */
  async grant(
    em: EntityManager,
    o: OfferingRow,
    villageId: string | null,
    actor: Actor,
  ): Promise<SessionChanges> {
    if (o.kind !== OfferingKind.Cohort || !o.cohort_id || !villageId) return noChanges();
    const before = await this.villages.moveToCohort(villageId, o.cohort_id, em);
    const changes = [await this.circleSync.syncCohort(em, o.cohort_id, actor)];
    if (before && before !== o.cohort_id) {
      changes.push(await this.circleSync.syncCohort(em, before, actor));
    }
    return mergeChanges(...changes);
  }

  /** The village lost its place: out of the offering's cohort, if it is still in it. */
  async revoke(
    em: EntityManager,
    o: OfferingRow,
    villageId: string | null,
    actor: Actor,
  ): Promise<SessionChanges> {
    if (o.kind !== OfferingKind.Cohort || !o.cohort_id || !villageId) return noChanges();
    if (!(await this.villages.leaveCohort(villageId, o.cohort_id, em))) return noChanges();
    return this.circleSync.syncCohort(em, o.cohort_id, actor);
  }
}
