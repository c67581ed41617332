import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { OneTimeToken, OneTimeTokenKind } from '../database/entities';
import { consumeToken, deleteTokensExpiredBefore } from './auth.queries';
import { hashToken, newToken } from './tokens';

/**
 * Sign-in links, password resets and invitations. The mail carries the token; the database keeps
 * only its SHA-256. Methods take an optional EntityManager to join the caller's transaction.
 */
@Injectable()
export class OneTimeTokenService {
  constructor(@InjectRepository(OneTimeToken) private readonly tokens: Repository<OneTimeToken>) {}

  /** Creates a token for a person and returns it (the only time it exists in clear). */
  async issue(
    kind: OneTimeTokenKind,
    userId: string,
    ttlMs: number,
    createdById: string | null = null,
    manager?: EntityManager,
  ): Promise<string> {
    const token = newToken();
    await this.repo(manager).insert({
      kind,
      tokenHash: hashToken(token),
      userId,
      createdById,
      expiresAt: new Date(Date.now() + ttlMs),
      usedAt: null,
    });
    return token;
  }

  /**
   * Uses the token up if it is live: the right kind, unused, unexpired, and its person not
   * disabled. One UPDATE does the check and the marking, so of two requests racing with the same
   * token exactly one wins. Returns the person's id, or null when the token is not usable.
   */
  async consume(
    kind: OneTimeTokenKind,
    token: string,
    manager?: EntityManager,
  ): Promise<string | null> {
    return consumeToken(manager ?? this.tokens.manager, kind, hashToken(token));
  }

  /** Marks every unused token of this kind for the person as used, so older mails stop working. */
  async revokeAll(kind: OneTimeTokenKind, userId: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ kind, userId, usedAt: IsNull() }, { usedAt: () => 'now()' });
  }

  /** Housekeeping: deletes tokens that expired more than `retentionDays` ago; returns how many. */
  purgeExpired(retentionDays: number): Promise<number> {
    return deleteTokensExpiredBefore(this.tokens.manager, retentionDays);
  }

  private repo(manager?: EntityManager): Repository<OneTimeToken> {
    return manager ? manager.getRepository(OneTimeToken) : this.tokens;
  }
}
