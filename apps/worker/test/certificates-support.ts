import { randomBytes, randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginRegistry } from '@cakap/plugin-sdk/host';
import type { DataSource } from 'typeorm';

/**
 * Certificate fixtures for the worker's tests: each call makes its own unit, course, learners
 * and template with random codes, NIPs and number patterns, so tests never depend on what other
 * files left in the run's database.
 */
export interface CourseFixture {
  courseId: string;
  unitId: string;
  ownerId: string;
  /** The learners who completed the course, by NIP order. */
  nips: string[];
  userIds: string[];
}

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/** A NIP nobody else in the run has (the database only checks its shape). */
export const randomNip = () => `19${digits(16)}`;

export async function seedCompletedCourse(ds: DataSource, learners: number, title = 'Pelayanan Publik Prima'): Promise<CourseFixture> {
  const tag = randomBytes(4).toString('hex');
  const [unit] = await ds.query(`INSERT INTO org_units (code, name) VALUES ($1, $2) RETURNING id`, [`U-${tag}`, `Dinas ${tag}`]);
  const prefix = `19${digits(10)}`;
  const [owner] = await ds.query(`INSERT INTO users (nip, name, org_unit_id, roles) VALUES ($1, 'Penulis', $2, '{author}') RETURNING id`, [
    `${prefix}999999`,
    unit.id,
  ]);
  const [course] = await ds.query(
    `INSERT INTO courses (owner_id, title, jp, status, published_version) VALUES ($1, $2, 20, 'published', 1) RETURNING id`,
    [owner.id, title],
  );
  await ds.query(
    `INSERT INTO course_versions (course_id, version, snapshot, hash, published_by, published_at, title, language, jp, module_count, lesson_count, search_text)
     VALUES ($1, 1, '{}', repeat('0', 64), $2, now(), $3, 'id', 20, 1, 1, '')`,
    [course.id, owner.id, title],
  );
  const users: { id: string; nip: string }[] = await ds.query(
    `INSERT INTO users (nip, name, golongan, org_unit_id)
     SELECT $1 || lpad(i::text, 6, '0'), 'Peserta ' || i, 'III/a', $2 FROM generate_series(1, $3) AS i
     RETURNING id, nip`,
    [prefix, unit.id, learners],
  );
  await completeCourse(ds, course.id, users.map((u) => u.id), title);
  users.sort((a, b) => a.nip.localeCompare(b.nip));
  return { courseId: course.id, unitId: unit.id, ownerId: owner.id, nips: users.map((u) => u.nip), userIds: users.map((u) => u.id) };
}

/** What @cakap/learning's completion writes: the completed enrolment and its JP ledger line. */
export async function completeCourse(ds: DataSource, courseId: string, userIds: string[], title: string): Promise<void> {
  await ds.query(
    `WITH e AS (
       INSERT INTO enrollments (user_id, course_id, version, status, enrolled_at, completed_at)
       SELECT u, $2, 1, 'completed', '2026-11-02T03:00:00Z', '2026-11-20T03:00:00Z' FROM unnest($1::uuid[]) AS u
       RETURNING id, user_id)
     INSERT INTO learning_hours (user_id, year, source, enrollment_id, course_id, title, jp, development_form, organiser, start_date, end_date)
     SELECT user_id, 2026, 'course', id, $2, $3, 20, 'NKL03', 'Cakap e-learning', '2026-11-02', '2026-11-20' FROM e`,
    [userIds, courseId, title],
  );
}

/** A template of the built-in "sttp" type with its default configuration and a pattern of its own. */
export async function seedTemplate(ds: DataSource, registry: PluginRegistry, config?: unknown): Promise<string> {
  const sttp = registry.plugins.flatMap((p) => p.certificateTemplates ?? []).find((t) => t.key === 'sttp');
  if (!sttp) throw new Error('the sttp certificate template is not enabled');
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const [row] = await ds.query(
    `INSERT INTO certificate_templates (name, template_key, config, number_pattern) VALUES ($1, 'sttp', $2, $3) RETURNING id`,
    [`Templat ${tag}`, JSON.stringify(config ?? sttp.defaultConfig), `{seq:4}/T${tag}/{month-roman}/{year}`],
  );
  return row.id;
}

export interface BatchRow {
  id: string;
  status: string;
  total: number;
  issued: number;
  skipped: number;
  failed: number;
}

export async function getBatch(ds: DataSource, id: string): Promise<BatchRow> {
  const [row] = await ds.query(`SELECT id, status, total, issued, skipped, failed FROM certificate_batches WHERE id = $1`, [id]);
  return row;
}

export async function waitForBatch(ds: DataSource, id: string, timeoutMs = 60_000): Promise<BatchRow> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await getBatch(ds, id);
    if (row.status === 'completed' || row.status === 'failed') return row;
    if (Date.now() > until) throw new Error(`batch ${id} still ${row.status} after ${timeoutMs} ms (${JSON.stringify(row)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface IssuedRow {
  userId: string;
  nip: string;
  number: string;
  seq: number;
  storageKey: string | null;
  batchId: string;
}

/** The current certificates of a course, by sequence. */
export async function certificatesOf(ds: DataSource, courseId: string): Promise<IssuedRow[]> {
  return ds.query(
    `SELECT c.user_id AS "userId", u.nip, c.number, c.seq, c.storage_key AS "storageKey", c.batch_id AS "batchId"
       FROM certificates c JOIN users u ON u.id = c.user_id WHERE c.course_id = $1 AND c.status <> 'replaced' ORDER BY c.seq`,
    [courseId],
  );
}

/** Every certificate of the course has its PDF in the worker's storage root. */
export function allStored(dataDir: string, rows: IssuedRow[]): boolean {
  return rows.every((r) => r.storageKey !== null && existsSync(join(dataDir, 'files', r.storageKey)));
}

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
