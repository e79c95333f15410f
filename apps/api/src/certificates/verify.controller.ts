import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { publicKeySet } from '@cakap/issuance';
import { publicKeySetSchema, verificationSchema } from '@cakap/contracts';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { clientIp } from '../common/request';
import { ApiResult } from '../common/zod';
import { CertificatesService } from './certificates.service';
import { VerifyThrottle } from './verify-throttle.service';

/** Invariant 4: anyone can check a certificate, without an account. */
@ApiTags('verification')
@Public()
@Controller()
export class VerifyController {
  constructor(
    private readonly service: CertificatesService,
    private readonly throttle: VerifyThrottle,
    private readonly ds: DataSource,
  ) {}

  /** The QR target's data: valid, revoked or replaced, with a masked NIP. 404 for an unknown code. */
  @Get('verify/:code')
  @Header('Cache-Control', 'no-store')
  @ApiResult(verificationSchema)
  async verify(@Param('code') code: string, @Req() req: Request) {
    await this.throttle.consume(clientIp(req));
    return this.service.verify(code);
  }

  /** The instance's public keys (retired ones too: old certificates stay verifiable). Served at the root. */
  @Get('.well-known/cakap-keys.json')
  @Header('Cache-Control', 'public, max-age=300')
  // Anyone's verifier may fetch them from a browser (public data; no credentials involved).
  @Header('Access-Control-Allow-Origin', '*')
  @ApiResult(publicKeySetSchema)
  keys() {
    return publicKeySet(this.ds);
  }
}
