import { Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { InjectConfig } from '../config/config.module';

/** Signed URLs change only every this many seconds, so browsers and CDNs can cache them. */
const BUCKET_SEC = 300;

/**
 * Signs file URLs: `/api/v1/files/:id/content?exp=&sig=`, an HMAC over the id and the
 * expiry with a key derived from JWT_SECRET (a separate purpose, so a token signature can
 * never be replayed as a URL signature and vice versa). The URL itself is the permission:
 * it is only handed to callers who may see the file, and it expires.
 */
@Injectable()
export class UrlSigner {
  private readonly key: Buffer;
  private readonly ttl: number;

  constructor(@InjectConfig() cfg: AppConfig) {
    this.key = createHmac('sha256', cfg.JWT_SECRET).update('cakap:file-url:v1').digest();
    this.ttl = cfg.FILE_URL_TTL_SEC;
  }

  private signature(id: string, exp: number): string {
    return createHmac('sha256', this.key).update(`${id.toLowerCase()}:${exp}`).digest('base64url');
  }

  url(id: string, now = Date.now()): string {
    const exp = Math.ceil((Math.floor(now / 1000) + this.ttl) / BUCKET_SEC) * BUCKET_SEC;
    return `/api/v1/files/${id}/content?exp=${exp}&sig=${this.signature(id, exp)}`;
  }

  /** 'ok', or why not: a bad signature and an expired one are told apart only for logs/tests. */
  verify(id: string, exp: unknown, sig: unknown, now = Date.now()): 'ok' | 'invalid' | 'expired' {
    if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp) || typeof sig !== 'string') return 'invalid';
    const expected = Buffer.from(this.signature(id, Number(exp)));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(exp) * 1000 < now ? 'expired' : 'ok';
  }
}
