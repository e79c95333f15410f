import { Injectable } from '@nestjs/common';
import { AuthSessionEntity, RefreshTokenEntity } from '@cakap/db';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../common/sql';

/** Data access for login sessions and their refresh-token families. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly ds: DataSource) {}

  async create(userId: string, ip: string | null, userAgent: string | null, tokenHash: string, expiresAt: Date) {
    return this.ds.transaction(async (m) => {
      const session = await m.getRepository(AuthSessionEntity).save({
        userId,
        ip,
        userAgent: userAgent?.slice(0, 300) ?? null,
      });
      await m.getRepository(RefreshTokenEntity).insert({ sessionId: session.id, tokenHash, expiresAt });
      return session;
    });
  }

  /**
   * Marks the token used and returns its live session, atomically: of two concurrent
   * refreshes with one token, exactly one wins.
   */
  async consume(
    m: EntityManager,
    tokenHash: string,
  ): Promise<{ sessionId: string; userId: string } | { reused: string } | null> {
    const rows = rowsOf<{ session_id: string; user_id: string }>(await m.query(
      `UPDATE refresh_tokens t SET used_at = now()
         FROM auth_sessions s
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
          AND s.id = t.session_id AND s.revoked_at IS NULL
        RETURNING t.session_id, s.user_id`,
      [tokenHash],
    ));
    if (rows.length) return { sessionId: rows[0].session_id, userId: rows[0].user_id };
    const used: { session_id: string }[] = await m.query(
      `SELECT session_id FROM refresh_tokens WHERE token_hash = $1 AND used_at IS NOT NULL`,
      [tokenHash],
    );
    return used.length ? { reused: used[0].session_id } : null;
  }

  async addToken(m: EntityManager, sessionId: string, tokenHash: string, expiresAt: Date) {
    await m.getRepository(RefreshTokenEntity).insert({ sessionId, tokenHash, expiresAt });
  }

  /** Revokes sessions and returns the ids that were live, for the Redis marks. */
  async revoke(where: { sessionId?: string; userId?: string; exceptSessionId?: string }, reason: string): Promise<string[]> {
    const rows = rowsOf<{ id: string }>(await this.ds.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = $1
        WHERE revoked_at IS NULL
          AND ($2::uuid IS NULL OR id = $2)
          AND ($3::uuid IS NULL OR user_id = $3)
          AND ($4::uuid IS NULL OR id <> $4)
        RETURNING id`,
      [reason, where.sessionId ?? null, where.userId ?? null, where.exceptSessionId ?? null],
    ));
    return rows.map((r) => r.id);
  }
}
