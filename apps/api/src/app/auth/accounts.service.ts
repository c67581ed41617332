import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { User } from '../database/entities';
import { disabledAccountsDue } from './auth.queries';

/**
 * The one place other modules change the `users` table (auth owns it). Each method takes an
 * optional EntityManager so it runs inside the caller's transaction.
 */
@Injectable()
export class AccountsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The manager to write with: the caller's transaction, else the pool. */
  protected manager(em?: EntityManager): EntityManager {
    return em ?? this.db.manager;
  }

  /** Opts the person out of newsletters (keeping the time of the first opt-out) or back in. */
  async setNewslettersOptedOut(
    userId: string,
    optedOut: boolean,
    em?: EntityManager,
  ): Promise<void> {
    const users = this.manager(em).getRepository(User);
    if (optedOut) {
      await users.update(
        { id: userId, newslettersOptedOutAt: IsNull() },
        { newslettersOptedOutAt: () => 'now()' },
      );
    } else {
      await users.update({ id: userId }, { newslettersOptedOutAt: null });
    }
  }

  /** A new account that waits for its invitation to be accepted (no password, not activated). */
  async createInvited(
    person: Pick<
      User,
      'email' | 'name' | 'role' | 'locale' | 'municipalityId' | 'villageId' | 'coordinationGroup'
    > &
      Partial<Pick<User, 'learnerKind'>>,
    invitedById: string | null,
    em?: EntityManager,
  ): Promise<User> {
    const users = this.manager(em).getRepository(User);
    return users.save(
      users.create({
        ...person,
        passwordHash: null,
        contactPerson: false,
        learnerKind: person.learnerKind ?? null,
        invitedById,
        activatedAt: null,
        disabledAt: null,
      }),
    );
  }

  /** Puts an existing steering member into their village's coordination group. */
  async joinCoordinationGroup(userId: string, em?: EntityManager): Promise<void> {
    await this.manager(em).getRepository(User).update(userId, { coordinationGroup: true });
  }

  /** The secretariat's change of a person: name, role and placement, and disabled or not. */
  async updatePerson(
    userId: string,
    changes: Partial<
      Pick<
        User,
        | 'name'
        | 'role'
        | 'municipalityId'
        | 'villageId'
        | 'coordinationGroup'
        | 'contactPerson'
        | 'learnerKind'
        | 'disabledAt'
      >
    >,
    em?: EntityManager,
  ): Promise<void> {
    await this.manager(em).getRepository(User).update(userId, changes);
  }

  /**
   * Retention: the ids of accounts disabled more than `days` before `now` (longest disabled
   * first, at most `limit`), for the erasure service to erase. Changes nothing itself.
   */
  disabledAccountsDue(now: Date, days: number, limit: number): Promise<string[]> {
    return disabledAccountsDue(this.db, now, days, limit);
  }
}
