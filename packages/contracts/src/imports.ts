import { z } from 'zod';

/** Columns of the users CSV (DESIGN.md). unit_kerja is an org-unit code; jabatan a position name. */
export const USER_CSV_REQUIRED = ['nip', 'nama', 'email', 'unit_kerja', 'jabatan'] as const;
/**
 * Optional columns. jenis_jabatan (jpt|administrator|pengawas|fungsional|pelaksana) lets an
 * import create a position it does not know yet; jenis_asn is pns or pppk (default pns);
 * nip_atasan is the NIP of the direct superior (an existing user or a row of the same file),
 * asked for the level-3 follow-up; left empty, the superior recorded so far is kept.
 */
export const USER_CSV_OPTIONAL = ['golongan', 'telepon', 'jenis_asn', 'jenis_jabatan', 'nip_atasan'] as const;
export const USER_CSV_MAX_ROWS = 50_000;
export const USER_CSV_MAX_BYTES = 10 * 1024 * 1024;

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const importStatusSchema = z.enum(IMPORT_STATUSES);

export const importRowErrorSchema = z.object({
  /** 1 = the first data row after the header. 0 = the file as a whole. */
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
  code: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const userImportSchema = z.object({
  id: z.uuid(),
  status: importStatusSchema,
  fileName: z.string().nullable(),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  failed: z.number().int(),
  /** All row errors; `errors` holds the requested slice of them (errorOffset/errorLimit). */
  errorCount: z.number().int(),
  errors: z.array(importRowErrorSchema),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type UserImport = z.infer<typeof userImportSchema>;

export const importErrorsQuerySchema = z.object({
  errorOffset: z.coerce.number().int().min(0).default(0),
  errorLimit: z.coerce.number().int().min(0).max(10_000).default(1000),
});
export type ImportErrorsQuery = z.infer<typeof importErrorsQuerySchema>;

export const acceptedSchema = z.object({ id: z.uuid() });
