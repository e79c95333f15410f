import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, loadConfig } from '@cakap/config';
import { JOBS, type PositionKind, type Role } from '@cakap/contracts';
import type { StoredRowError } from '@cakap/db';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../src/core/tokens';
import type { WorkerModuleOptions } from '../src/core/worker-options';
import { QueuesService } from '../src/jobs/queues.service';
import { ReconcilerService } from '../src/jobs/reconciler.service';
import { UserImportService } from '../src/user-import/user-import.service';
import { WorkerModule } from '../src/worker.module';

/**
 * The real worker module against the run's database and Redis (global-setup.ts). `name` gives
 * each spec file its own queue prefix inside the run's, so a job left by one file is never
 * picked up by another.
 */
export function testConfig(name: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    ...process.env,
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}:${name}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
}

export interface Harness {
  app: INestApplicationContext;
  cfg: AppConfig;
  ds: DataSource;
  queues: QueuesService;
  reconciler: ReconcilerService;
  imports: UserImportService;
  close(): Promise<void>;
}

export async function startWorker(name: string, opts: WorkerModuleOptions = {}, env: Record<string, string> = {}): Promise<Harness> {
  const cfg = testConfig(name, env);
  const app = await NestFactory.createApplicationContext(
    // The background loops (reconciler, outbox consumers, notification dispatch) are off unless a
    // test turns them on: tests drive them explicitly, and a loop firing while another test file's
    // setup truncates the people tables can deadlock with it.
    WorkerModule.forRoot(cfg, { reconcileOnStart: false, reconcileIntervalMs: 0, outboxPollMs: 0, notificationPollMs: 0, ...opts }),
    { logger: false, abortOnError: false },
  );
  return {
    app,
    cfg,
    ds: app.get<DataSource>(DATA_SOURCE),
    queues: app.get(QueuesService),
    reconciler: app.get(ReconcilerService),
    imports: app.get(UserImportService),
    close: () => app.close(),
  };
}

/** What the api does on POST /users/imports: a row in Postgres, then a job that names it. */
export async function insertImport(ds: DataSource, content: string, fileName = 'pegawai.csv'): Promise<string> {
  const [row] = await ds.query(`INSERT INTO user_imports (content, file_name) VALUES ($1, $2) RETURNING id`, [content, fileName]);
  return row.id as string;
}

export async function enqueueImport(h: Harness, importId: string, attempts = 3): Promise<void> {
  await h.queues
    .get(JOBS.userImport.queue)
    .add(JOBS.userImport.name, { v: 1, importId }, { jobId: importId, removeOnComplete: true, attempts, backoff: { type: 'fixed', delay: 200 } });
}

export interface ImportRow {
  id: string;
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  errors: StoredRowError[];
  started_at: Date | null;
  finished_at: Date | null;
}

export async function getImport(ds: DataSource, id: string): Promise<ImportRow> {
  const [row] = await ds.query(
    `SELECT id, status, total, processed, created, updated, failed, errors, started_at, finished_at FROM user_imports WHERE id = $1`,
    [id],
  );
  return row;
}

export async function waitForImport(ds: DataSource, id: string, timeoutMs = 20_000): Promise<ImportRow> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await getImport(ds, id);
    if (row.status === 'completed' || row.status === 'failed') return row;
    if (Date.now() > until) throw new Error(`import ${id} still ${row.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function resetPeople(ds: DataSource): Promise<void> {
  await ds.query(`TRUNCATE user_imports, refresh_tokens, auth_sessions, users, positions, org_units CASCADE`);
}

export async function seedUnit(ds: DataSource, code: string, name: string): Promise<string> {
  const [row] = await ds.query(`INSERT INTO org_units (code, name) VALUES ($1, $2) RETURNING id`, [code, name]);
  return row.id;
}

export async function seedPosition(ds: DataSource, name: string, kind: PositionKind, orgUnitId: string | null): Promise<string> {
  const [row] = await ds.query(`INSERT INTO positions (name, kind, org_unit_id) VALUES ($1, $2, $3) RETURNING id`, [
    name,
    kind,
    orgUnitId,
  ]);
  return row.id;
}

export interface SeedUser {
  nip: string;
  name: string;
  orgUnitId: string;
  email?: string | null;
  phone?: string | null;
  golongan?: string | null;
  roles?: Role[];
  active?: boolean;
  passwordHash?: string | null;
}

export async function seedUser(ds: DataSource, u: SeedUser): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO users (nip, name, email, phone, golongan, org_unit_id, roles, active, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [u.nip, u.name, u.email ?? null, u.phone ?? null, u.golongan ?? null, u.orgUnitId, u.roles ?? ['learner'], u.active ?? true, u.passwordHash ?? null],
  );
  return row.id;
}

export interface UserRow {
  nip: string;
  name: string;
  email: string | null;
  phone: string | null;
  golongan: string | null;
  asn_type: string;
  org_unit_id: string;
  position_id: string | null;
  roles: string[];
  active: boolean;
  password_hash: string | null;
}

export async function usersByNip(ds: DataSource): Promise<Map<string, UserRow>> {
  const rows: UserRow[] = await ds.query(
    `SELECT nip, name, email, phone, golongan, asn_type, org_unit_id, position_id, roles, active, password_hash FROM users ORDER BY nip`,
  );
  return new Map(rows.map((r) => [r.nip, r]));
}

/** Errors as (row, field, code) triples, the shape the assertions compare. */
export const triples = (errors: StoredRowError[]) => errors.map((e) => [e.row, e.field, e.code]);
