import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  batchItemQuerySchema,
  batchItemSchema,
  batchListQuerySchema,
  batchSchema,
  createBatchSchema,
  pageOf,
  type BatchItemQuery,
  type BatchListQuery,
  type CreateBatch,
  type Lang,
} from '@cakap/contracts';
import type { FileStorage } from '@cakap/storage';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { contentDisposition } from '../files/files.controller';
import { CurrentUser, RequestLang, type Principal } from '../common/request';
import { ApiResult, UuidParam, ZodBody, ZodQuery } from '../common/zod';
import { InjectStorage } from '../storage/storage.module';
import { CertificateBatchesService } from './certificate-batches.service';
import { streamBatchArchive } from './batch-archive';
import { streamBatchProgress } from './batch-events';

@ApiTags('certificates')
@ApiBearerAuth()
@Roles('admin')
@Controller('certificate-batches')
export class CertificateBatchesController {
  constructor(
    private readonly service: CertificateBatchesService,
    @InjectStorage() private readonly storage: FileStorage,
  ) {}

  /** 202: the worker issues the certificates; follow GET :id or :id/events. */
  @Post()
  @HttpCode(202)
  @ApiResult(z.object({ id: z.uuid() }), 202)
  create(@ZodBody(createBatchSchema) body: CreateBatch, @CurrentUser() me: Principal) {
    return this.service.create(body, me.userId);
  }

  @Get()
  @ApiResult(pageOf(batchSchema))
  list(@ZodQuery(batchListQuerySchema) query: BatchListQuery) {
    return this.service.list(query);
  }

  @Get(':id')
  @ApiResult(batchSchema)
  get(@UuidParam() id: string) {
    return this.service.get(id);
  }

  @Get(':id/items')
  @ApiResult(pageOf(batchItemSchema))
  items(@UuidParam() id: string, @ZodQuery(batchItemQuerySchema) query: BatchItemQuery, @RequestLang() lang: Lang) {
    return this.service.items(id, query, lang);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiResult(batchSchema, 202)
  retry(@UuidParam() id: string) {
    return this.service.retry(id);
  }

  /**
   * Server-sent events: `progress` with the counters on connect and at every change, until the
   * batch finishes. The portal reads it with fetch (the Authorization header), not EventSource.
   */
  @Get(':id/events')
  @ApiProduces('text/event-stream')
  async events(@UuidParam() id: string, @Req() req: Request, @Res() res: Response) {
    const first = await this.service.progress(id);
    await streamBatchProgress(req, res, first, () => this.service.progress(id));
  }

  /** One PDF per issued certificate, named by its number, streamed as a ZIP. 409 while the batch runs. */
  @Get(':id/archive')
  @ApiProduces('application/zip')
  async archive(@UuidParam() id: string, @Res() res: Response) {
    const { batch, entries } = await this.service.archive(id);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', contentDisposition('attachment', `sertifikat-${batch.course.title}-${batch.id.slice(0, 8)}.zip`));
    res.setHeader('Cache-Control', 'no-store');
    await streamBatchArchive(res, this.storage, entries);
  }
}
