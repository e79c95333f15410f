import { Inject, Injectable } from '@nestjs/common';
import { JOB_OPTIONS, type JobPayload } from '@cakap/contracts';
import { CertificateRenderer, certificateRecord } from '@cakap/issuance';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../core/tokens';
import type { JobHandler, UnfinishedJob } from '../jobs/job-handler';

/**
 * The {certificates} render job (jobId = certificate id): the PDF of one recorded certificate
 * (a reissue by the api, or one whose file is missing). A stored one is left alone.
 */
@Injectable()
export class CertificateRenderProcessor implements JobHandler<'certificateRender'> {
  readonly job = 'certificateRender' as const;
  readonly jobOptions = JOB_OPTIONS;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly renderer: CertificateRenderer,
  ) {}

  async handle({ certificateId }: JobPayload<'certificateRender'>): Promise<void> {
    const [row]: { stored: boolean }[] = await this.ds.query(`SELECT storage_key IS NOT NULL AS stored FROM certificates WHERE id = $1`, [certificateId]);
    if (!row || row.stored) return;
    const record = await certificateRecord(this.ds, certificateId);
    if (!record) return;
    const out = await this.renderer.renderAndStore(this.ds, [record]);
    // Thrown so BullMQ retries with backoff; the certificate row is untouched meanwhile.
    if (out.failed.length) throw new Error(`${out.failed[0].code}: ${out.failed[0].problem}`);
  }

  /**
   * Certificates without a file that no unfinished batch will render: reissues whose job was
   * lost. Items that failed to render wait for the admin's retry instead of looping here.
   */
  async findUnfinished(): Promise<UnfinishedJob<'certificateRender'>[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT c.id FROM certificates c
        WHERE c.storage_key IS NULL
          AND NOT EXISTS (SELECT 1 FROM certificate_batches b WHERE b.id = c.batch_id AND b.status IN ('queued', 'running'))
          AND NOT EXISTS (SELECT 1 FROM certificate_batch_items i WHERE i.certificate_id = c.id AND i.status = 'failed')
        ORDER BY c.issued_at LIMIT 1000`,
    );
    return rows.map((r) => ({ jobId: r.id, payload: { v: 1, certificateId: r.id } }));
  }
}
