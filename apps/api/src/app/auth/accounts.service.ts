import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

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
}
