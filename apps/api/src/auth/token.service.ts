import { Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import type { AccessClaims, Role } from '@cakap/contracts';
import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { InjectConfig } from '../config/config.module';

/** Short-lived signed access tokens, and opaque refresh tokens stored only as hashes. */
@Injectable()
export class TokenService {
  /**
   * The HMAC key as a KeyObject, made once: given a string, jsonwebtoken tries to parse it as
   * a public key on every call (and fails), which cost a quarter of each request's CPU.
   */
  private readonly key: KeyObject;

  constructor(@InjectConfig() private readonly cfg: AppConfig) {
    this.key = createSecretKey(Buffer.from(cfg.JWT_SECRET, 'utf8'));
  }

  get accessTtlSec(): number {
    return this.cfg.ACCESS_TOKEN_TTL_SEC;
  }

  signAccess(userId: string, roles: Role[], sessionId: string): string {
    const claims: AccessClaims = { sub: userId, roles, sid: sessionId };
    return jwt.sign(claims, this.key, {
      algorithm: 'HS256',
      expiresIn: this.cfg.ACCESS_TOKEN_TTL_SEC,
      issuer: 'cakap',
      audience: 'cakap-api',
    });
  }

  /** The claims of a valid token, or null for anything expired, forged or malformed. */
  verifyAccess(token: string): AccessClaims | null {
    try {
      const claims = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: 'cakap',
        audience: 'cakap-api',
      }) as AccessClaims;
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || !Array.isArray(claims.roles)) return null;
      return claims;
    } catch {
      return null;
    }
  }

  newRefreshToken(): { token: string; hash: string; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.cfg.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    return { token, hash: TokenService.hash(token), expiresAt };
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
