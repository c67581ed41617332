import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { OneTimeToken, OneTimeTokenKind } from '../database/entities';
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
    const [rows] = (await (manager ?? this.tokens.manager).query(
      `UPDATE one_time_tokens t
          SET used_at = now()
         FROM users u
        WHERE t.token_hash = $1 AND t.kind = $2 AND t.used_at IS NULL AND t.expires_at > now()
          AND u.id = t.user_id AND u.disabled_at IS NULL
    RETURNING t.user_id`,
      [hashToken(token), kind],
    )) as [{ user_id: string }[], number];
    return rows[0]?.user_id ?? null;
  }

  /** Marks every unused token of this kind for the person as used, so older mails stop working. */
  async revokeAll(kind: OneTimeTokenKind, userId: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ kind, userId, usedAt: IsNull() }, { usedAt: () => 'now()' });
  }

  private repo(manager?: EntityManager): Repository<OneTimeToken> {
    return manager ? manager.getRepository(OneTimeToken) : this.tokens;
  }
}
