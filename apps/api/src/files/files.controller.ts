import { Body, Controller, Get, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { fileSchema } from '@cakap/contracts';
import type { Request, Response } from 'express';
import { Public, Roles } from '../auth/auth.decorators';
import { CurrentUser, type Principal } from '../common/request';
import { ApiResult, UuidParam } from '../common/zod';
import { FilesService } from './files.service';
import type { SpooledFile } from './upload-spool';

/** `Range: bytes=a-b | a- | -n` (one range) -> inclusive offsets; null: serve it all; 'unsatisfiable': 416. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null; // several ranges or nonsense: the whole file (RFC 9110 allows it)
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** RFC 6266/5987: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(private readonly service: FilesService) {}

  /**
   * Multipart: `file`, `kind` (image|video|document), optional `courseId`. The type is
   * decided from the file's bytes; limits per kind come from the configuration.
   */
  @Post()
  @ApiBearerAuth()
  @Roles('author', 'admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: {
        kind: { type: 'string', enum: ['image', 'video', 'document'] },
        courseId: { type: 'string', format: 'uuid' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiResult(fileSchema, 201)
  @UseInterceptors(FileInterceptor('file'))
  upload(@UploadedFile() file: SpooledFile | undefined, @Body() body: unknown, @CurrentUser() me: Principal) {
    return this.service.upload(me, file, body);
  }

  /** The bytes, for whoever holds a signed, unexpired URL. Range requests for video seeking. */
  @Get(':id/content')
  @Public()
  @ApiQuery({ name: 'exp', required: true, description: 'Expiry (Unix seconds), as signed', schema: { type: 'integer' } })
  @ApiQuery({ name: 'sig', required: true, description: 'HMAC signature, as issued with the URL', schema: { type: 'string' } })
  @ApiQuery({ name: 'download', required: false, description: '1: Content-Disposition attachment', schema: { type: 'string', enum: ['1'] } })
  @ApiProduces('application/octet-stream')
  @ApiResponse({ status: 200, description: 'The bytes (Range requests answer 206)' })
  async content(
    @UuidParam() id: string,
    @Query() q: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.service.forSignedRequest(id, q.exp, q.sig);
    const etag = `"${file.sha256}"`;
    const maxAge = Math.max(0, Number(q.exp) - Math.floor(Date.now() / 1000));
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', file.createdAt.toUTCString());
    res.setHeader('Cache-Control', `private, max-age=${maxAge}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', contentDisposition(q.download === '1' ? 'attachment' : 'inline', file.fileName));
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    const range = req.headers['if-range'] && req.headers['if-range'] !== etag ? null : parseRange(req.headers.range, file.size);
    if (range === 'unsatisfiable') {
      res.status(416).setHeader('Content-Range', `bytes */${file.size}`).end();
      return;
    }
    const stream = await this.service.open(file, range ?? undefined);
    res.setHeader('Content-Type', file.mimeType);
    if (range) {
      res.status(206);
      res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`);
      res.setHeader('Content-Length', String(range.end - range.start + 1));
    } else {
      res.status(200);
      res.setHeader('Content-Length', String(file.size));
    }
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
      return;
    }
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}
