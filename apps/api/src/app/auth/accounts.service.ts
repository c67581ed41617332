import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { User } from '../database/entities/user.entity';

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
}
