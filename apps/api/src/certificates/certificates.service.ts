import { Injectable } from '@nestjs/common';
import type { AppConfig } from '@cakap/config';
import { normalizeCode } from '@cakap/certificates';
import { jakartaDate } from '@cakap/courses';
import { reissueCertificate, revokeCertificate } from '@cakap/issuance';
import {
  CERTIFICATE_MESSAGES,
  ErrorCode,
  maskNip,
  type Certificate,
  type CertificateListQuery,
  type Page,
  type Verification,
} from '@cakap/contracts';
import type { FileStorage } from '@cakap/storage';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import type { Principal } from '../common/request';
import { InjectConfig } from '../config/config.module';
import { JobQueue } from '../queue/job-queue.service';
import { InjectStorage } from '../storage/storage.module';
import { issuing } from './issuance-error';
import { CertificatesRepository, toCertificate, type CertificateFilter, type CertificateRow } from './certificates.repository';

@Injectable()
export class CertificatesService {
  constructor(
    private readonly repo: CertificatesRepository,
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
    @InjectStorage() private readonly storage: FileStorage,
    @InjectConfig() private readonly cfg: AppConfig,
  ) {}

  async list(q: CertificateListQuery, userId?: string): Promise<Page<Certificate>> {
    const { page, pageSize, ...filter } = q;
    const { rows, total } = await this.repo.list({ ...filter, userId }, page, pageSize);
    return { items: rows.map(toCertificate), total, page, pageSize };
  }

  rows(filter: CertificateFilter): AsyncIterable<CertificateRow[]> {
    return this.repo.each(filter);
  }

  /** Invariant 5: someone else's certificate does not exist for a learner (404, not 403). */
  async visible(id: string, me: Principal): Promise<CertificateRow> {
    const row = await this.repo.find(id);
    if (!row || (row.user_id !== me.userId && !me.roles.includes('admin'))) throw AppError.notFound();
    return row;
  }

  async get(id: string, me: Principal): Promise<Certificate> {
    return toCertificate(await this.visible(id, me));
  }

  /** The stored PDF; 409 while the worker has not stored it yet (it will: the reconciler sees to it). */
  async pdf(id: string, me: Principal): Promise<{ row: CertificateRow; stream: Readable }> {
    const row = await this.visible(id, me);
    if (!row.storage_key) throw new AppError(ErrorCode.Conflict, {}, [{ field: '_', code: CERTIFICATE_MESSAGES.pdfNotReady }]);
    return { row, stream: await this.storage.open(row.storage_key) };
  }

  async revoke(id: string, reason: string, me: Principal): Promise<Certificate> {
    await this.visible(id, me);
    await issuing(() => revokeCertificate(this.ds, id, reason, me.userId));
    return toCertificate((await this.repo.find(id))!);
  }

  /** A new number and code replace the old certificate (kept, marked replaced); the worker renders the new PDF. */
  async reissue(id: string, reason: string, me: Principal): Promise<Certificate> {
    await this.visible(id, me);
    const created = await issuing(() => reissueCertificate(this.ds, id, reason, me.userId, { secret: this.cfg.CAKAP_KEY_SECRET }));
    await this.queue.enqueue('certificateRender', { v: 1, certificateId: created.id }, { jobId: created.id });
    return toCertificate((await this.repo.find(created.id))!);
  }

  /** GET /verify/:code: what anyone may know about a certificate, the NIP masked. */
  async verify(rawCode: string): Promise<Verification> {
    const code = normalizeCode(rawCode);
    const row = code ? await this.repo.findByCode(code) : null;
    if (!row) throw AppError.notFound();
    return {
      status: row.status,
      certificate: {
        number: row.number,
        code: row.code,
        name: row.recipient.name,
        nip: maskNip(row.recipient.nip),
        courseTitle: row.course_title,
        jp: row.jp,
        issuedOn: jakartaDate(row.issued_at),
        issuer: row.organiser,
        revokedAt: row.revoked_at?.toISOString() ?? null,
        revokeReason: row.revoke_reason,
        replacedBy: row.replaced_by ? { number: row.replaced_by_number!, code: row.replaced_by_code! } : null,
      },
      signature: { keyId: row.key_id },
    };
  }

}
